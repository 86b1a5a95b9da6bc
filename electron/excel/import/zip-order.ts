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
import { createReadStream } from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';
import { once } from 'node:events';
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

/** The file's bytes in reading order, as one stream. */
export function orderedZipStream(file: string, zip: ZipSummary, fileBytes: number): Readable {
  const out = new PassThrough();
  void (async () => {
    for (const [start, end] of readingOrder(zip, fileBytes)) {
      if (end <= start) continue;
      for await (const chunk of createReadStream(file, { start, end: end - 1 })) {
        // The reader's pace: wait while it has enough.
        if (!out.write(chunk)) await once(out, 'drain');
        if (out.destroyed) return;
      }
    }
    out.end();
  })().catch((e: unknown) => out.destroy(e as Error));
  return out;
}
