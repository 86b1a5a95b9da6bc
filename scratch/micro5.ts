import { rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { open } from '../db/connection';
import { createRegion } from '../db/repos/regions';
import { createCluster } from '../db/repos/clusters';
import { INITIATIVE_DEFAULTS } from '../db/model';
for (let round = 0; round < 2; round++) {
rmSync('/tmp/prof/m.tajammu', { force: true });rmSync('/tmp/prof/m.tajammu-wal', { force: true });
const db = open('/tmp/prof/m.tajammu');
const reg = createRegion(db, { source: 'cli' }, { nameAr: 'x' });
const cl = createCluster(db, { source: 'cli' }, { nameAr: 'c', regionId: reg.id });
const cols = (db.prepare('PRAGMA table_info(initiatives)').all() as {name:string}[]).map(c => c.name);
const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const fields = cols.map(camel);
const ins = db.prepare(`INSERT INTO initiatives (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`);
const aud = db.prepare(`INSERT INTO audit_log (at, source, entity, entity_id, action, before, after) VALUES (?,?,?,?,?,?,?)`);
const clusterRegion = db.prepare('SELECT region_id FROM clusters WHERE id = ?').pluck();
const getters = cols.map((col, c) => { const f = fields[c]!; if (col.startsWith('axis')) { const n = Number(col.slice(4)); return (_e: Record<string, unknown>, _n: string, axes: number[]) => (axes.includes(n) ? 1 : 0); } if (col === 'created_at' || col === 'updated_at') return (_e: Record<string, unknown>, now: string) => now; return (e: Record<string, unknown>) => e[f]; });
const t = performance.now();
db.transaction(() => {
  db.exec('DROP INDEX initiatives_matrix; DROP INDEX initiatives_region; DROP INDEX audit_entity; DROP TRIGGER initiatives_region_matches_cluster_insert');
  const vals = new Array(cols.length);
  for (let i = 0; i < 50000; i++) {
    const input = { title: `برنامج تطوير الإنتاج والتدريب الفني رقم ${i} لتجمع الحرف اليدوية`, description: '', regionId: reg.id, clusterId: cl.id, axes: [1, 3], primaryAxis: 1, leadBody: 'جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر', partners: '', marketingHolder: 'specialised', marketingBody: '', status: 'active', startDate: '2025-03-01', endDate: '2026-12-31', plannedBudget: 100000 + i, spent: 5000, beneficiaries: 0, jobs: 0, trainees: 0, progress: i % 100, notes: '' };
    const keys = ['id','code',...Object.keys(INITIATIVE_DEFAULTS), ...Object.keys(input)]; const src: Record<string, unknown> = { ...INITIATIVE_DEFAULTS, ...input, id: randomUUID(), code: `INI-${i}` }; const e: Record<string, unknown> = process.env.LOOP ? (() => { const o: Record<string, unknown> = {}; for (const k of keys) o[k] = src[k]; return o; })() : process.env.NOSPREAD ? Object.assign(input, { id: randomUUID(), code: `INI-${i}` }) : { ...INITIATIVE_DEFAULTS, ...input, id: randomUUID(), code: `INI-${i}` };
    const regionId = process.env.NOLOOK ? 0 : clusterRegion.get(e.clusterId);
    const now = new Date().toISOString();
    const axes = e.axes as number[];
    for (let c = 0; c < cols.length; c++) vals[c] = getters[c]!(e, now, axes);
    ins.run(vals);
    aud.run(now, 'import', 'initiative', e.id, 'create', null, JSON.stringify(e));
  }
  console.log('rows', (performance.now() - t).toFixed(0));
})();
db.close();
}
