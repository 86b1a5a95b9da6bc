/**
 * Submitting a period of a 20,000-initiative portfolio beside writing the same period's report
 * alone (what the office did before): time, peak memory, the package's size, and how much each
 * frozen snapshot adds to the portfolio file.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import { updateSettings } from '../../db/repos/settings';
import { writeReport } from '../../electron/excel/report';
import { submitPeriod } from '../../electron/excel/submit';

type Row = [string, string, string, string];
type Measure = (fn: () => Promise<unknown>) => Promise<{ s: number; mb: number }>;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function submitBench(dir: string, measure: Measure, portfolioOf: (file: string) => Db): Promise<Row[]> {
  const file = join(dir, 'submit.tajammu');
  const db = portfolioOf(file);
  updateSettings(db, { source: 'cli' }, { officeCode: 'DLT' });
  const size = () => {
    db.pragma('wal_checkpoint(TRUNCATE)');
    return statSync(file).size;
  };
  const report = join(dir, 'period-report.xlsx');
  const alone = await measure(() => writeReport(db, report, { lang: 'ar', period: '2026-Q1' }));
  const before = size();
  const pkg = join(dir, 'package.xlsx');
  const submit = await measure(() => submitPeriod(db, { source: 'cli' }, pkg, { period: '2026-Q1', lang: 'ar' }));
  const growth = size() - before;
  return [
    [
      'report of the period alone (20,000 initiatives)',
      `${alone.s.toFixed(2)} s`,
      `${alone.mb.toFixed(0)} MB`,
      mb(statSync(report).size),
    ],
    [
      'submit: snapshot + report + machine part + record',
      `${submit.s.toFixed(2)} s`,
      `${submit.mb.toFixed(0)} MB`,
      `${mb(statSync(pkg).size)}; ${(submit.s / alone.s).toFixed(2)}× the report`,
    ],
    ['portfolio file growth per snapshot', '', '', mb(growth)],
  ];
}
