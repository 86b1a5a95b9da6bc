/**
 * The ministry at scale: 30 offices × 8 periods of 5,000-initiative packages received into one
 * consolidated portfolio. Eight real packages (one office's eight quarters) are read and judged
 * from their files; the other 232 carry the same rows under other offices' codes and are kept
 * through the same record as a received file (reading a file is timed by the first eight). Then
 * the national matrix of one period over 30 accepted packages, and the file's size.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../db/connection';
import { open } from '../../db/connection';
import { nationalMatrix } from '../../db/queries/national';
import { statusGrid } from '../../db/queries/status';
import { decideReceived, listReceived, makeMinistry, recordReceived } from '../../db/repos/ministry';
import { updateSettings } from '../../db/repos/settings';
import { snapshotHash, takeSnapshot } from '../../db/snapshot';
import { receivePackages } from '../../electron/excel/receive';
import { submitPeriod } from '../../electron/excel/submit';

type Row = [string, string, string, string];
type Measure = (fn: () => Promise<unknown>) => Promise<{ s: number; mb: number }>;

const OFFICES = 30;
const PERIODS = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];
const ctx = { source: 'cli' as const };

export async function ministryBench(
  dir: string,
  measure: Measure,
  portfolioOf: (file: string, n?: number) => Db,
): Promise<Row[]> {
  const office = portfolioOf(join(dir, 'office.tajammu'), 5_000);
  updateSettings(office, ctx, { officeCode: 'O01', officeName: 'مكتب 1' });
  const files: string[] = [];
  for (const period of PERIODS) {
    const file = join(dir, `O01-${period}.xlsx`);
    await submitPeriod(office, ctx, file, { period, lang: 'ar' });
    files.push(file);
  }
  const m = open(join(dir, 'ministry.tajammu'));
  makeMinistry(m, ctx);
  const read = await measure(() => receivePackages(m, ctx, files));
  // The other offices: the same rows (codes overlap, as they do between offices) under their codes.
  const snapshot = takeSnapshot(office);
  delete snapshot.settings;
  const sha256 = snapshotHash(snapshot);
  const kept = await measure(async () => {
    for (let o = 2; o <= OFFICES; o++) {
      const code = `O${String(o).padStart(2, '0')}`;
      recordReceived(
        m,
        ctx,
        PERIODS.map((period) => ({
          office: { code, name: `مكتب ${o}` },
          period,
          version: 1,
          provenance: 'package' as const,
          submittedAt: new Date().toISOString(),
          fileName: `${code}-${period}.xlsx`,
          sha256,
          declaredSha256: sha256,
          modified: false,
          snapshot,
        })),
      );
    }
  });
  const accepted = listReceived(m, { period: '2026-Q3' });
  for (const r of accepted) {
    decideReceived(m, ctx, r.id, { status: 'accepted', reply: { comment: '', comments: [], repliedAt: '' } });
  }
  let rows = 0;
  const national = await measure(async () => {
    rows = nationalMatrix(m, { period: '2026-Q3' }).length;
  });
  const again = await measure(async () => nationalMatrix(m, { period: '2026-Q3' }));
  const office1 = await measure(async () => nationalMatrix(m, { period: '2026-Q3', office: 'O01' }));
  const grid = await measure(async () => statusGrid(m, { today: '2026-12-05' }));
  m.pragma('wal_checkpoint(TRUNCATE)');
  const size = statSync(join(dir, 'ministry.tajammu')).size;
  m.close();
  office.close();
  const per = (s: number, n: number) => `${((s / n) * 1000).toFixed(0)} ms each`;
  return [
    [
      `receive 8 packages of 5,000 initiatives from their files`,
      `${read.s.toFixed(2)} s`,
      `${read.mb.toFixed(0)} MB`,
      per(read.s, 8),
    ],
    [
      `keep ${(OFFICES - 1) * PERIODS.length} more (same record, rows already read)`,
      `${kept.s.toFixed(2)} s`,
      `${kept.mb.toFixed(0)} MB`,
      per(kept.s, (OFFICES - 1) * PERIODS.length),
    ],
    [
      `national matrix, one period, ${OFFICES} offices × 5,000 (${rows} rows)`,
      `${national.s.toFixed(2)} s`,
      `${national.mb.toFixed(0)} MB`,
      'first view: builds the scratch portfolio',
    ],
    [
      'national matrix again (scratch portfolio kept)',
      `${(again.s * 1000).toFixed(0)} ms`,
      `${again.mb.toFixed(0)} MB`,
      'target < 100 ms',
    ],
    ['national matrix, one office (kept)', `${(office1.s * 1000).toFixed(0)} ms`, `${office1.mb.toFixed(0)} MB`, ''],
    [
      `status grid, ${OFFICES} offices × ${PERIODS.length + 1} periods`,
      `${(grid.s * 1000).toFixed(0)} ms`,
      `${grid.mb.toFixed(0)} MB`,
      '',
    ],
    [`consolidated file after ${OFFICES * PERIODS.length} packages`, '', '', `${(size / 1024 / 1024).toFixed(0)} MB`],
  ];
}
