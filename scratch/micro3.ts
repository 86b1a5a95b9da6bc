import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { open } from '../db/connection';
import { createRegion } from '../db/repos/regions';
import { createCluster } from '../db/repos/clusters';
const cols = ['id','code','title','description','region_id','cluster_id','axis1','axis2','axis3','axis4','axis5','axis6','axis7','primary_axis','lead_body','partners','marketing_holder','marketing_body','status','start_date','end_date','planned_budget','spent','beneficiaries','jobs','trainees','progress','notes','created_at','updated_at'];
rmSync('/tmp/prof/m.tajammu', { force: true });rmSync('/tmp/prof/m.tajammu-wal', { force: true });
const db = open('/tmp/prof/m.tajammu');
const reg = createRegion(db, { source: 'cli' }, { nameAr: 'x' });
const cl = createCluster(db, { source: 'cli' }, { nameAr: 'c', regionId: reg.id });
const ins = db.prepare(`INSERT INTO initiatives (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
const aud = db.prepare(`INSERT INTO audit_log (at, source, entity, entity_id, action, before, after) VALUES (?,?,?,?,?,?,?)`);
db.pragma('synchronous = FULL');
const t = performance.now();
let t2 = 0;
db.transaction(() => {
  db.exec('DROP INDEX initiatives_matrix; DROP INDEX initiatives_region; DROP INDEX audit_entity; DROP TRIGGER initiatives_region_matches_cluster_insert');
  const now = new Date().toISOString();
  for (let i = 0; i < 50000; i++) {
    const id = randomUUID();
    const e = { id, code: `INI-${i}`, title: `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`, description: '', regionId: reg.id, clusterId: cl.id, axes: [1, 3], primaryAxis: 1, leadBody: 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر', partners: '', marketingHolder: 'specialised', marketingBody: '', status: 'active', startDate: '2025-03-01', endDate: '2026-12-31', plannedBudget: 100000 + i, spent: 5000, beneficiaries: 0, jobs: 0, trainees: 0, progress: i % 100, notes: '' };
    ins.run(id, e.code, e.title, '', reg.id, cl.id, 1, 0, 1, 0, 0, 0, 0, 1, e.leadBody, '', 'specialised', '', 'active', e.startDate, e.endDate, e.plannedBudget, 5000, 0, 0, 0, e.progress, '', now, now);
    aud.run(now, 'import', 'initiative', id, 'create', null, JSON.stringify(e));
  }
  t2 = performance.now();
  db.exec(`CREATE INDEX initiatives_matrix ON initiatives(cluster_id, status, axis1, axis2, axis3, axis4, axis5, axis6, axis7, planned_budget); CREATE INDEX initiatives_region ON initiatives(region_id); CREATE INDEX audit_entity ON audit_log(entity, entity_id)`);
  console.log('rows', (t2 - t).toFixed(0), 'index', (performance.now() - t2).toFixed(0));
  t2 = performance.now();
})();
console.log('commit', (performance.now() - t2).toFixed(0), 'total', (performance.now() - t).toFixed(0));
