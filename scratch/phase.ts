import { rmSync } from 'node:fs';
import { open } from '../db/connection';
import { previewImport } from '../electron/excel/import';
import { commitImport } from '../electron/excel/import/commit';
process.env.TAJAMMU_EXCEL_WORKER ??= '/work/main/out/main/excel-worker.js';
void (async () => {
  rmSync('/tmp/prof/db.tajammu', { force: true }); rmSync('/tmp/prof/backups', { recursive: true, force: true });
  const db = open('/tmp/prof/db.tajammu');
  let t = performance.now(); let c = process.cpuUsage();
  const cpu = () => { const d = process.cpuUsage(c); c = process.cpuUsage(); return ((d.user + d.system) / 1000).toFixed(0); };
  const { plan, sha256 } = await previewImport(db, '/tmp/prof/r50k.xlsx');
  console.log('preview', (performance.now() - t).toFixed(0), 'cpu', cpu()); t = performance.now();
  const r = await commitImport(db, plan, { fileName: 'x', sha256 });
  console.log('commit', (performance.now() - t).toFixed(0), 'cpu', cpu(), r.created);
})();
