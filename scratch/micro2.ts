import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { open } from '../db/connection';
import { createRegion } from '../db/repos/regions';
import { createCluster } from '../db/repos/clusters';
const cols = ['id','code','title','description','region_id','cluster_id','axis1','axis2','axis3','axis4','axis5','axis6','axis7','primary_axis','lead_body','partners','marketing_holder','marketing_body','status','start_date','end_date','planned_budget','spent','beneficiaries','jobs','trainees','progress','notes','created_at','updated_at'];
for (const variant of process.argv.slice(2)) {
  rmSync('/tmp/prof/m.tajammu', { force: true });rmSync('/tmp/prof/m.tajammu-wal', { force: true });
  const db = open('/tmp/prof/m.tajammu');
  const reg = createRegion(db, { source: 'cli' }, { nameAr: 'x' });
  const cl = createCluster(db, { source: 'cli' }, { nameAr: 'c', regionId: reg.id });
  const ins = db.prepare(`INSERT INTO initiatives (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
  for (const v of variant.split('+')) {
    if (v === 'nomatrix') db.exec('DROP INDEX initiatives_matrix');
    if (v === 'noregion') db.exec('DROP INDEX initiatives_region');
    if (v === 'nofk') db.pragma('foreign_keys = OFF');
    if (v === 'notrig') db.exec('DROP TRIGGER initiatives_region_matches_cluster_insert');
    if (v === 'cache') db.pragma('cache_size = -200000');
  }
  const t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 50000; i++) {
      const now = new Date().toISOString();
      ins.run(randomUUID(), `INI-${i}`, `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`, '', reg.id, cl.id, 1, 0, 1, 0, 0, 0, 0, 1, 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر', '', 'specialised', '', 'active', '2025-03-01', '2026-12-31', 100000 + i, 5000, 0, 0, 0, i % 100, '', now, now);
    }
  })();
  console.log(variant, (performance.now() - t).toFixed(0), 'ms');
  db.close();
}
