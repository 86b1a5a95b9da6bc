import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { open } from '../db/connection';
import { createRegion } from '../db/repos/regions';
import { createCluster } from '../db/repos/clusters';
rmSync('/tmp/prof/m.tajammu', { force: true });
const db = open('/tmp/prof/m.tajammu');
const reg = createRegion(db, { source: 'cli' }, { nameAr: 'x' });
const cl = createCluster(db, { source: 'cli' }, { nameAr: 'c', regionId: reg.id });
const cols = ['id','code','title','description','region_id','cluster_id','axis1','axis2','axis3','axis4','axis5','axis6','axis7','primary_axis','lead_body','partners','marketing_holder','marketing_body','status','start_date','end_date','planned_budget','spent','beneficiaries','jobs','trainees','progress','notes','created_at','updated_at'];
const ins = db.prepare(`INSERT INTO initiatives (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
const aud = db.prepare(`INSERT INTO audit_log (at, source, entity, entity_id, action, before, after) VALUES (?,?,?,?,?,?,?)`);
for (const mode of ['noaudit', 'audit']) {
  db.exec('DELETE FROM initiatives; DELETE FROM audit_log');
  const t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 50000; i++) {
      const now = new Date().toISOString();
      const id = randomUUID();
      const e = { id, code: `INI-${i}`, title: `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`, description: '', regionId: reg.id, clusterId: cl.id, axes: [1, 3], primaryAxis: 1, leadBody: 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر', partners: '', marketingHolder: 'specialised', marketingBody: '', status: 'active', startDate: '2025-03-01', endDate: '2026-12-31', plannedBudget: 100000 + i, spent: 5000, beneficiaries: 0, jobs: 0, trainees: 0, progress: i % 100, notes: '' };
      ins.run(id, e.code, e.title, '', reg.id, cl.id, 1, 0, 1, 0, 0, 0, 0, 1, e.leadBody, '', 'specialised', '', 'active', e.startDate, e.endDate, e.plannedBudget, 5000, 0, 0, 0, e.progress, '', now, now);
      if (mode === 'audit') aud.run(now, 'import', 'initiative', id, 'create', null, JSON.stringify(e));
    }
  })();
  console.log(mode, (performance.now() - t).toFixed(0), 'ms');
}
db.pragma('cache_size = -131072');
for (const variant of ['base', 'noidx', 'nofk', 'notrig', 'sync-off']) {
  db.exec('DELETE FROM initiatives; DELETE FROM audit_log');
  if (variant === 'noidx') db.exec('DROP INDEX initiatives_matrix; DROP INDEX initiatives_region');
  if (variant === 'nofk') db.pragma('foreign_keys = OFF');
  if (variant === 'notrig') db.exec('DROP TRIGGER initiatives_region_matches_cluster_insert');
  if (variant === 'sync-off') db.pragma('synchronous = OFF');
  const t = performance.now();
  db.transaction(() => {
    for (let i = 0; i < 50000; i++) {
      const now = new Date().toISOString();
      const id = randomUUID();
      ins.run(id, `INI-${i}`, `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`, '', reg.id, cl.id, 1, 0, 1, 0, 0, 0, 0, 1, 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر', '', 'specialised', '', 'active', '2025-03-01', '2026-12-31', 100000 + i, 5000, 0, 0, 0, i % 100, '', now, now);
    }
  })();
  console.log(variant, (performance.now() - t).toFixed(0), 'ms');
}
