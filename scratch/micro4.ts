import { rmSync } from 'node:fs';
import { open } from '../db/connection';
import { createRegion } from '../db/repos/regions';
import { createCluster } from '../db/repos/clusters';
import { createInitiative } from '../db/repos/initiatives';
for (let round = 0; round < 2; round++) {
rmSync('/tmp/prof/m.tajammu', { force: true });rmSync('/tmp/prof/m.tajammu-wal', { force: true });
const db = open('/tmp/prof/m.tajammu');
const reg = createRegion(db, { source: 'cli' }, { nameAr: 'x' });
const cl = createCluster(db, { source: 'cli' }, { nameAr: 'c', regionId: reg.id });
const t = performance.now();
db.transaction(() => {
  db.exec('DROP INDEX initiatives_matrix; DROP INDEX initiatives_region; DROP INDEX audit_entity; DROP TRIGGER initiatives_region_matches_cluster_insert');
  for (let i = 0; i < 50000; i++) {
    createInitiative(db, { source: 'import' }, { title: `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`, description: '', regionId: reg.id, clusterId: cl.id, axes: [1, 3], primaryAxis: 1, leadBody: 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر', partners: '', marketingHolder: 'specialised', marketingBody: '', status: 'active', startDate: '2025-03-01', endDate: '2026-12-31', plannedBudget: 100000 + i, spent: 5000, beneficiaries: 0, jobs: 0, trainees: 0, progress: i % 100, notes: '' });
  }
  console.log('rows', (performance.now() - t).toFixed(0));
})();
db.close();
}
