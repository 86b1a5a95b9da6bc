/**
 * Data safety figures for `npm run bench`: the online backup with its rotation, the
 * backups list, the checks on open and on request, and the recovery offer's record comparison,
 * on a portfolio of 50,000 initiatives.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { backupBeside, checkPortfolioFile, restoreFrom } from '../../db/backup';
import { listBackups } from '../../db/backup-store';
import { open } from '../../db/connection';
import { compareFiles } from '../../db/recovery';
import { createCluster } from '../../db/repos/clusters';
import { createInitiative } from '../../db/repos/initiatives';
import { createRegion } from '../../db/repos/regions';

type Measure = (fn: () => Promise<unknown>) => Promise<{ s: number; mb: number }>;
type Row = [string, string, string, string];

const N = 50_000;
const ms = (s: number) => `${(s * 1000).toFixed(0)} ms`;
const mb = (m: number) => `${m.toFixed(0)} MB`;

export async function safetyBench(dir: string, measure: Measure): Promise<Row[]> {
  const file = join(dir, 'safety.tajammu');
  const db = open(file);
  const ctx = { source: 'cli' } as const;
  db.transaction(() => {
    const regions = Array.from({ length: 20 }, (_, r) => createRegion(db, ctx, { nameAr: `إقليم ${r + 1}` }).id);
    const clusters = Array.from({ length: 1000 }, (_, c) =>
      createCluster(db, ctx, { regionId: regions[c % 20]!, nameAr: `تجمع ${c + 1}` }),
    );
    for (let i = 0; i < N; i++) {
      createInitiative(db, ctx, { title: `مبادرة ${i}`, clusterId: clusters[i % 1000]!.id, axes: [(i % 7) + 1] });
    }
  })();
  const rows: Row[] = [];
  let backup = '';
  const taken = await measure(async () => (backup = await backupBeside(db, 'manual')));
  const size = statSync(backup).size / 1024 / 1024;
  rows.push([
    `backup (online, with rotation), ${N.toLocaleString('en')} initiatives, ${size.toFixed(0)} MB file`,
    ms(taken.s),
    mb(taken.mb),
    '',
  ]);
  for (let i = 0; i < 11; i++) await backupBeside(db, 'manual', new Date(Date.UTC(2026, i, 1)));
  // Past the newest ten, each backup's rotation deletes one, after finding the newest sound backup.
  const rotated = await measure(async () => backupBeside(db, 'manual', new Date(Date.UTC(2026, 11, 1))));
  rows.push(['backup whose rotation deletes one (newest sound backup checked)', ms(rotated.s), mb(rotated.mb), '']);
  const listed = await measure(async () => listBackups(file));
  rows.push([`backups list with counts (${listBackups(file).length} backups)`, ms(listed.s), mb(listed.mb), '']);
  // A day of edits since the backup: 1,000 initiatives changed, 200 added.
  db.transaction(() => {
    db.prepare('UPDATE initiatives SET progress = 50 WHERE rowid % 50 = 0').run();
    const clusterId = db.prepare('SELECT id FROM clusters LIMIT 1').pluck().get() as string;
    for (let i = 0; i < 200; i++) createInitiative(db, ctx, { title: `جديدة ${i}`, clusterId, axes: [2] });
  })();
  db.close();
  const opened = await measure(async () => open(file).close());
  rows.push(['open with the quick check', ms(opened.s), mb(opened.mb), '']);
  const checked = await measure(async () => checkPortfolioFile(file));
  rows.push(['full integrity + foreign-key check (check-file)', ms(checked.s), mb(checked.mb), '']);
  const compared = await measure(async () => compareFiles(file, backup));
  rows.push(['recovery: records compared with a backup (1,200 differ)', ms(compared.s), mb(compared.mb), '']);
  // Backup of the current state, the copy put in place, then proved row by row against its source.
  const restored = await measure(async () => restoreFrom(file, backup));
  rows.push(['restore, proved row by row against its copy', ms(restored.s), mb(restored.mb), '']);
  return rows;
}
