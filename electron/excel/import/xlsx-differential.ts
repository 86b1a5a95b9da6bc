/**
 * The differential check of the .xlsx reader, switched on by TAJAMMU_XLSX_DIFFERENTIAL=1 (the
 * test suite sets it): every workbook the suite imports is read by both this program's reader
 * and exceljs's streaming reader, and any row that differs fails the read, named on stderr.
 * The known places where exceljs is wrong (docs/xlsx-reader.md) are checked by their own tests.
 * A workbook exceljs cannot read at all while this reader can is let through: that is the
 * reason the reader exists, not a difference in values.
 */
import { copyFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Source, SourceInput, SourceRow } from './sources';

export interface ReadSheet {
  name: string;
  hidden: boolean;
  rows: SourceRow[];
}

/** Every sheet of a source with all its rows, read whole (the readers' tests compare these too). */
export async function readSheets(source: Source): Promise<ReadSheet[]> {
  const sheets: ReadSheet[] = [];
  for await (const sheet of source.sheets) {
    const rows: SourceRow[] = [];
    for await (const row of sheet.rows) rows.push(row);
    sheets.push({ name: sheet.name, hidden: sheet.hidden, rows });
  }
  return sheets;
}

const readAll = async (source: Source) => ({ sheets: await readSheets(source), date1904: source.date1904() });

/**
 * Where exceljs is known to be wrong and this reader right (docs/xlsx-reader.md): an ISO date
 * cell (`t="d"`) read by exceljs as its year alone, and one that is no date read as NaN; a
 * formula's boolean result read as 1 or 0, and a formula's result of FALSE or 0 lost. (A number
 * whose format shows letters as themselves, `0\ \m\²`, which exceljs reads as a date, is not
 * tolerated: recognised by its value alone, it would hide a date format this reader missed.)
 */
const tolerated = (ours: unknown, theirs: unknown): boolean =>
  (theirs === null && (ours === false || ours === 0)) ||
  (typeof theirs === 'number' &&
    ((ours instanceof Date && ours.getUTCFullYear() === theirs) ||
      (ours === null && Number.isNaN(theirs)) ||
      (typeof ours === 'boolean' && Number(ours) === theirs)));

const sameRow = (a: SourceRow | undefined, b: SourceRow | undefined): boolean =>
  isDeepStrictEqual(a, b) ||
  (a !== undefined &&
    b !== undefined &&
    a.n === b.n &&
    a.v !== null &&
    b.v !== null &&
    a.v.length === b.v.length &&
    a.v.every((x, i) => isDeepStrictEqual(x, b.v![i]) || tolerated(x, b.v![i])));

/**
 * The first difference between two reads, described; null when they agree. A sheet exceljs
 * does not give at all (it drops some of openpyxl's), or gives without a name (this reader
 * names it SheetN as Excel would), is not a difference in values.
 */
export function firstDifference(ours: ReadSheet[], theirs: ReadSheet[]): string | null {
  let k = 0;
  for (const b of theirs) {
    while (k < ours.length && ours[k]!.name !== b.name && !(b.name === '' && /^Sheet\d+$/.test(ours[k]!.name))) k++;
    const a = ours[k++];
    if (!a) return `sheet «${b.name}»: exceljs has it, this reader has not`;
    if (a.hidden !== b.hidden) return `sheet «${a.name}»: hidden ${a.hidden}, exceljs ${b.hidden}`;
    for (let r = 0; r < Math.max(a.rows.length, b.rows.length); r++) {
      if (!sameRow(a.rows[r], b.rows[r])) {
        return `sheet «${a.name}», row ${r}: ours ${JSON.stringify(a.rows[r])}, exceljs ${JSON.stringify(b.rows[r])}`;
      }
    }
  }
  return null;
}

export function differentialSource(input: SourceInput, ours: () => Source, theirs: () => Source): Source {
  const both = (async () => {
    const mine = await readAll(ours());
    let reference: Awaited<ReturnType<typeof readAll>> | null = null;
    try {
      // exceljs hangs on some broken files (the reason for zipcheck.ts): a read that has not
      // ended in 10 s counts as one it could not do.
      let timer: NodeJS.Timeout | undefined;
      reference = await Promise.race([
        readAll(theirs()),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('exceljs timed out')), 10_000))),
      ]).finally(() => clearTimeout(timer));
    } catch {
      return mine;
    }
    const difference =
      firstDifference(mine.sheets, reference.sheets) ??
      (mine.date1904 === reference.date1904 ? null : `date1904: ours ${mine.date1904}`);
    if (difference) {
      process.stderr.write(`XLSX DIFFERENTIAL ${input.file}: ${difference}\n`);
      // Kept for replay where TAJAMMU_XLSX_DIFFERENTIAL_KEEP names a folder.
      const keep = process.env.TAJAMMU_XLSX_DIFFERENTIAL_KEEP;
      if (keep) copyFileSync(input.file, join(keep, basename(input.file)));
      throw new Error(`xlsx differential: ${difference}`);
    }
    return mine;
  })();
  let date1904 = false;
  return {
    sheets: (async function* () {
      const read = await both;
      date1904 = read.date1904;
      yield* read.sheets;
    })(),
    date1904: () => date1904,
  };
}
