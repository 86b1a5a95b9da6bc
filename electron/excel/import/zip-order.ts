/**
 * An .xlsx as a stream with its parts in the order a streaming reader needs them: the
 * workbook, its relationships, the shared strings and the styles before any sheet.
 *
 * exceljs's streaming reader reads the zip's parts as they come. When the sheets come first (as
 * openpyxl and pandas write them), it spools each sheet to a temporary file until the shared
 * strings arrive, and in a worker thread it sometimes loses the shared strings on the way: the
 * sheet's text then reads as `{sharedString: n}` and no register is found (seen in about 1 read
 * in 60 with four reads at once). In this order nothing is spooled and nothing is lost.
 *
 * The parts are copied as they are stored (local header, data and any data descriptor), never
 * inflated; the central directory follows unchanged, which a sequential reader does not use.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import type { ZipSummary } from './zipcheck';

/** The parts read before any sheet, in this order. */
export const READ_FIRST = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/** The byte ranges of the file in reading order: each part whole, then the central directory. */
export function readingOrder(zip: ZipSummary, fileBytes: number): [start: number, end: number][] {
  const stored = [...zip.parts].sort((a, b) => a[1].offset - b[1].offset);
  const ranges = stored.map(([name, part], i): [string, number, number] => [
    name,
    part.offset,
    i + 1 < stored.length ? stored[i + 1]![1].offset : zip.partsEnd,
  ]);
  const rank = (name: string) => {
    const r = READ_FIRST.indexOf(name);
    return r < 0 ? READ_FIRST.length : r;
  };
  // A stable sort: the sheets and every other part keep their stored order after the first ones.
  ranges.sort((a, b) => rank(a[0]) - rank(b[0]));
  return [...ranges.map(([, start, end]): [number, number] => [start, end]), [zip.partsEnd, fileBytes]];
}

/**
 * The file's bytes in reading order, as one stream; the path itself when the central directory's
 * offsets do not each lead to the local header of the part it names (a sequential read of the
 * file as stored is then the better chance).
 */
export function orderedZipStream(file: string, zip: ZipSummary, fileBytes: number): Readable | string {
  const fd = openSync(file, 'r');
  try {
    const header = Buffer.alloc(30 + 1024);
    for (const [name, part] of zip.parts) {
      const n = readSync(fd, header, 0, header.length, part.offset);
      const nameLength = n >= 30 ? header.readUInt16LE(26) : -1;
      if (n < 30 || header.readUInt32LE(0) !== 0x04034b50 || header.toString('utf8', 30, 30 + nameLength) !== name) {
        return file;
      }
    }
  } finally {
    closeSync(fd);
  }
  // Readable.from paces the reads by the reader's and stops them when it is destroyed.
  return Readable.from(
    (async function* () {
      for (const [start, end] of readingOrder(zip, fileBytes)) {
        if (end > start) yield* createReadStream(file, { start, end: end - 1 });
      }
    })(),
    // Bytes, not objects: the zip reader counts them.
    { objectMode: false },
  );
}
