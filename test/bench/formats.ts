/**
 * Bench figures for the formats offices bring besides .xlsx (CSV, .xls, .ods), each imported
 * whole beside the same rows as .xlsx, and the classification assistant's accuracy.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { open } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { streamImport } from '../../electron/excel/import/stream';
import { measureClassification } from '../helpers/classify-measure';
import { hasLibreOffice } from './process';

type Measure = (fn: () => Promise<unknown>) => Promise<{ s: number; mb: number }>;
type Row = [string, string, string, string];

/** `register` is the bench's own .xlsx register generator (run.ts), given the rows wanted. */
export async function formatsBench(
  dir: string,
  measure: Measure,
  register: (file: string, n: number) => Promise<void>,
): Promise<Row[]> {
  const out: Row[] = [];
  // .xls holds at most 65,536 rows: its files are this size, so each format is timed at it and at 50,000.
  for (const n of [50_000, 65_000]) {
    const xlsx = join(dir, `formats-${n}.xlsx`);
    await register(xlsx, n);
    const book = XLSX.readFile(xlsx, { dense: true });
    const files: [string, string][] = [['xlsx', xlsx]];
    const csv = join(dir, `formats-${n}.csv`);
    writeFileSync(csv, `\ufeff${XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]!]!)}`);
    files.push(['csv', csv]);
    if (n === 65_000) {
      // Written by LibreOffice, as an office's own .xls and .ods are (SheetJS's .xls writer keeps
      // no shared strings and makes 150 MB of these rows, over the import's limit).
      for (const ext of ['xls', 'ods']) {
        if (!hasLibreOffice()) {
          out.push([`import ${n.toLocaleString('en-US')} rows from .${ext}`, 'LibreOffice not installed', '', '']);
          continue;
        }
        execFileSync('soffice', ['--headless', '--convert-to', ext, '--outdir', dir, xlsx], { stdio: 'ignore' });
        files.push([ext, join(dir, `formats-${n}.${ext}`)]);
      }
    }
    let base = 0;
    for (const [ext, file] of files) {
      const db = open(join(dir, `formats-${n}-${ext}.tajammu`));
      let created = 0;
      const m = await measure(async () => {
        const { result } = await streamImport(db, file, { skipInvalid: false, fileName: `r.${ext}` });
        created = result?.created ?? 0;
      });
      db.close();
      if (ext === 'xlsx') base = m.s;
      out.push([
        `import ${n.toLocaleString('en-US')} rows from .${ext} (${created} created)`,
        `${m.s.toFixed(2)} s`,
        `${m.mb.toFixed(0)} MB`,
        ext === 'xlsx' ? '1 (the .xlsx of the same rows)' : `${(m.s / base).toFixed(2)}× the .xlsx`,
      ]);
    }
  }
  return out;
}

export async function classifyBench(dir: string, measure: Measure): Promise<Row[]> {
  const db = open(join(dir, 'classify.tajammu'));
  loadDemo(db, { source: 'cli' });
  let figures: ReturnType<typeof measureClassification> = [];
  const m = await measure(async () => (figures = measureClassification(db)));
  db.close();
  const pct = (a: number, b: number) => `${((a / b) * 100).toFixed(1)} %`;
  return figures.map((f, k) => [
    `classification assistant, ${f.set}: first proposal is a true axis`,
    k === 0 ? `${m.s.toFixed(2)} s (all sets)` : '',
    k === 0 ? `${m.mb.toFixed(0)} MB` : '',
    `${f.firstRight}/${f.initiatives} = ${pct(f.firstRight, f.initiatives)} (axes' own words only: ${pct(f.termsOnlyFirstRight, f.initiatives)}; none proposed: ${f.noProposal})`,
  ]);
}
