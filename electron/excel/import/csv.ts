/**
 * CSV as offices have it: UTF-8 with or without its byte-order mark, UTF-16 (Excel's "Unicode
 * text"), Windows-1256 (Arabic Excel's "CSV") or Windows-1252 (French Excel's); separated by
 * commas, semicolons (Excel where the decimal mark is a comma) or tabs, with Excel's `sep=;`
 * first line. Streamed through papaparse; every value is text, read by the same rules as a
 * workbook's text cells.
 */
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { SourceInput, SourceSheet } from './sources';
import type { CellValue } from './values';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1256' | 'windows-1252';

/** Latin letters joined to Arabic ones: French text decoded as Windows-1256 (É reads as ة). */
const MIXED_WORD = /[a-zA-Z][\u0621-\u064a]|[\u0621-\u064a][a-zA-Z]/g;
const ARABIC_LETTER = /[\u0621-\u064a]/g;

/** The encoding of a text file from its first bytes, and how many of them are a byte-order mark. */
export function detectEncoding(head: Buffer, whole: boolean): { encoding: TextEncoding; bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  let oddZeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < Math.min(head.length, 4096); i++) {
    if (head[i] === 0) {
      if (i % 2) oddZeros += 1;
      else evenZeros += 1;
    }
  }
  const sample = Math.min(head.length, 4096) / 2;
  if (oddZeros > sample / 4) return { encoding: 'utf-16le', bom: 0 };
  if (evenZeros > sample / 4) return { encoding: 'utf-16be', bom: 0 };
  if (isUtf8(head, whole)) return { encoding: 'utf-8', bom: 0 };
  const asArabic = new TextDecoder('windows-1256').decode(head);
  const mixed = asArabic.match(MIXED_WORD)?.length ?? 0;
  const arabic = asArabic.match(ARABIC_LETTER)?.length ?? 0;
  return { encoding: mixed > 0 && mixed * 4 > arabic ? 'windows-1252' : 'windows-1256', bom: 0 };
}

/** Valid UTF-8, allowing a character cut at the end of a head that is not the whole file. */
function isUtf8(head: Buffer, whole: boolean): boolean {
  const strict = new TextDecoder('utf-8', { fatal: true });
  for (let cut = 0; cut <= (whole ? 0 : 3); cut++) {
    try {
      strict.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try without the last bytes: a multibyte character may straddle the head's end
    }
  }
  return false;
}

const DELIMITERS = [',', ';', '\t', '|'] as const;

/** The separator the first lines agree on: the one appearing, outside quotes, equally often on each. */
export function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 20);
  let best: { d: string; score: number } = { d: ',', score: 0 };
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => l.replace(/"[^"]*"/g, '').split(d).length - 1);
    const first = counts[0] ?? 0;
    if (first === 0) continue;
    const agreeing = counts.filter((c) => c === first).length;
    const score = agreeing * 1000 + first;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

const HEAD_BYTES = 64 * 1024;

export async function* csvSheets(input: SourceInput): AsyncGenerator<SourceSheet> {
  const fd = openSync(input.file, 'r');
  const head = Buffer.alloc(HEAD_BYTES);
  let length: number;
  try {
    length = readSync(fd, head, 0, HEAD_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const { encoding, bom } = detectEncoding(head.subarray(0, length), length < HEAD_BYTES);
  const decoder = new TextDecoder(encoding);
  const headText = new TextDecoder(encoding).decode(head.subarray(bom, length));
  // Excel's hint line "sep=;" names the separator and is not a row.
  const hint = /^sep=(.)\r?\n/.exec(headText);
  const delimiter = hint ? hint[1]! : detectDelimiter(headText);

  const text = Readable.from(
    (async function* () {
      for await (const chunk of createReadStream(input.file, { start: bom })) {
        yield decoder.decode(chunk as Buffer, { stream: true });
      }
      const rest = decoder.decode();
      if (rest) yield rest;
    })(),
  );
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { delimiter, skipEmptyLines: false });
  text.pipe(parser);
  text.on('error', (e) => parser.destroy(e));
  const maxColumns = input.maxColumns;
  yield {
    name: input.sourceName,
    hidden: false,
    rows: (async function* () {
      let n = 0;
      let skipHint = hint !== null;
      for await (const record of parser as AsyncIterable<string[]>) {
        if (skipHint) {
          skipHint = false;
          continue;
        }
        n += 1;
        if (record.length > maxColumns) {
          yield { n, v: null };
          continue;
        }
        yield { n, v: record.map((c): CellValue => (c.trim() === '' ? null : c)) };
      }
    })(),
  };
}
