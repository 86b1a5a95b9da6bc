import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { listAudit } from '../../db/repos/audit';
import * as clusters from '../../db/repos/clusters';
import * as indicators from '../../db/repos/indicators';
import * as initiatives from '../../db/repos/initiatives';
import * as regions from '../../db/repos/regions';
import * as sectors from '../../db/repos/sectors';
import { getSettings, updateSettings } from '../../db/repos/settings';
import { loadDemo } from '../../db/demo';
import { useTestDb } from '../helpers/db';

const newDb = useTestDb();
const ui = { source: 'ui' } as const;

function seed(db: Db) {
  const region = regions.createRegion(db, ui, { code: 'DLT', nameAr: 'إقليم الدلتا', nameEn: 'Delta' });
  const sector = sectors.createSector(db, ui, { nameAr: 'الأثاث', nameEn: 'Furniture' });
  const cluster = clusters.createCluster(db, ui, {
    regionId: region.id,
    sectorId: sector.id,
    nameAr: 'أثاث دمياط',
  });
  return { region, sector, cluster };
}

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('db/repos/regions', () => {
  it('creates, reads, updates and deletes a region, with governorates under it', () => {
    const db = newDb();
    const region = regions.createRegion(db, ui, { nameAr: 'إقليم الصعيد' });
    expect(region.code).toBe('REG-0001');
    const gov = regions.createRegion(db, ui, { nameAr: 'محافظة أسيوط', parentId: region.id });
    expect(regions.getRegion(db, gov.id).parentId).toBe(region.id);
    const renamed = regions.updateRegion(db, ui, { id: region.id, nameEn: 'Upper Egypt' });
    expect(renamed).toMatchObject({ nameAr: 'إقليم الصعيد', nameEn: 'Upper Egypt' });
    expect(errorOf(() => regions.deleteRegion(db, ui, region.id)).code).toBe('IN_USE');
    regions.deleteRegion(db, ui, gov.id);
    regions.deleteRegion(db, ui, region.id);
    expect(regions.listRegions(db)).toEqual([]);
  });

  it('records no change for a save that changes nothing: no history entry, nothing to undo', () => {
    const db = newDb();
    loadDemo(db, ui);
    const i = initiatives.listInitiatives(db)[0]!;
    const count = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const before = count();
    initiatives.updateInitiative(db, ui, {
      id: i.id,
      title: i.title,
      plannedBudget: i.plannedBudget,
      axes: [...i.axes],
    });
    expect(count()).toBe(before);
    initiatives.updateInitiative(db, ui, { id: i.id, title: `${i.title} (معدلة)` });
    expect(count()).toBe(before + 1);
  });

  it('refuses a duplicate code and a region placed under its own governorate', () => {
    const db = newDb();
    const a = regions.createRegion(db, ui, { code: 'A', nameAr: 'أ' });
    const b = regions.createRegion(db, ui, { code: 'B', nameAr: 'ب', parentId: a.id });
    const dup = errorOf(() => regions.createRegion(db, ui, { code: 'A', nameAr: 'ج' }));
    expect(dup.code).toBe('CONFLICT');
    expect(dup.bilingual.ar).toBe('الرمز «A» مستخدم بالفعل لإقليم آخر.');
    // The same on an edit, and the refused write leaves both records and the audit as they were.
    const audit = db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const taken = errorOf(() => regions.updateRegion(db, ui, { id: b.id, code: 'A' }));
    expect(taken.code).toBe('CONFLICT');
    expect(taken.bilingual.en).toContain('"A"');
    expect(regions.getRegion(db, b.id).code).toBe('B');
    expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
    expect(errorOf(() => regions.updateRegion(db, ui, { id: a.id, parentId: b.id })).code).toBe('INVALID_INPUT');
    expect(regions.getRegion(db, a.id).parentId).toBeNull();
  });
});

describe('db/repos/sectors', () => {
  it('creates, updates and deletes a sector, refusing one still used by a cluster', () => {
    const db = newDb();
    const { sector, cluster } = seed(db);
    expect(sectors.updateSector(db, ui, { id: sector.id, nameAr: 'الأثاث الخشبي' }).nameAr).toBe('الأثاث الخشبي');
    expect(errorOf(() => sectors.deleteSector(db, ui, sector.id)).code).toBe('IN_USE');
    clusters.updateCluster(db, ui, { id: cluster.id, sectorId: null });
    sectors.deleteSector(db, ui, sector.id);
    expect(sectors.listSectors(db)).toEqual([]);
  });
});

describe('db/repos/clusters', () => {
  it('stores every profile field and defaults a new cluster to selected for development', () => {
    const db = newDb();
    const { cluster, region } = seed(db);
    expect(cluster).toMatchObject({
      selected: true,
      heritage: false,
      formality: 'mixed',
      qmBrandStatus: 'not_started',
    });
    const updated = clusters.updateCluster(db, ui, {
      id: cluster.id,
      heritage: true,
      formality: 'informal',
      advantageAbsolute: 'أخشاب',
      advantageComparative: 'خبرة',
      advantageCompetitive: 'سمعة',
      qmCustomerStatus: 'achieved',
      qmQualityStatus: 'in_progress',
      qmBrandStatus: 'not_started',
      qmBrandNote: 'لا توجد جهة اعتماد بعد',
      microCount: 3200,
      smallCount: 410,
      workers: 21000,
      unidoStage: 'diagnostic',
    });
    expect(clusters.getCluster(db, cluster.id)).toEqual(updated);
    expect(clusters.listClusters(db, { regionId: region.id })).toHaveLength(1);
  });

  it('moves its initiatives with it to another region', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const other = regions.createRegion(db, ui, { nameAr: 'إقليم القناة' });
    const ini = initiatives.createInitiative(db, ui, { title: 'تدريب', clusterId: cluster.id, axes: [5] });
    clusters.updateCluster(db, ui, { id: cluster.id, regionId: other.id });
    expect(initiatives.getInitiative(db, ini.id).regionId).toBe(other.id);
  });

  it('refuses an unknown region, and deleting a cluster that has initiatives', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(() => clusters.createCluster(db, ui, { regionId: missing, nameAr: 'س' })).code).toBe('NOT_FOUND');
    initiatives.createInitiative(db, ui, { title: 'تدريب', clusterId: cluster.id, axes: [5] });
    expect(errorOf(() => clusters.deleteCluster(db, ui, cluster.id)).code).toBe('IN_USE');
  });
});

describe('db/repos/initiatives', () => {
  it('stores axes with one primary and derives the region from the cluster', () => {
    const db = newDb();
    const { cluster, region } = seed(db);
    const ini = initiatives.createInitiative(db, ui, {
      title: 'علامة تجارية محلية',
      clusterId: cluster.id,
      axes: [3, 1, 3],
      primaryAxis: 3,
      plannedBudget: 150_000_00,
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    expect(ini).toMatchObject({ code: 'INI-0001', axes: [1, 3], primaryAxis: 3, regionId: region.id });
    expect(initiatives.getInitiative(db, ini.id)).toEqual(ini);
    const view = db
      .prepare('SELECT axis, is_primary FROM initiative_axes WHERE initiative_id = ? ORDER BY axis')
      .all(ini.id);
    expect(view).toEqual([
      { axis: 1, is_primary: 0 },
      { axis: 3, is_primary: 1 },
    ]);
    const moved = initiatives.updateInitiative(db, ui, { id: ini.id, axes: [5], status: 'active' });
    expect(moved).toMatchObject({ axes: [5], primaryAxis: 5, status: 'active' });
    expect(initiatives.listInitiatives(db, { axis: 5 })).toHaveLength(1);
    expect(initiatives.listInitiatives(db, { axis: 3 })).toHaveLength(0);
    initiatives.deleteInitiative(db, ui, ini.id);
    expect(initiatives.listInitiatives(db)).toEqual([]);
  });

  it('numbers generated codes in sequence, skipping one another writer took meanwhile', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const make = () => initiatives.createInitiative(db, ui, { title: 'م', clusterId: cluster.id, axes: [1] }).code;
    expect([make(), make()]).toEqual(['INI-0001', 'INI-0002']);
    // Another program on the same file takes the next code behind this connection's back.
    db.prepare("UPDATE initiatives SET code = 'INI-0003' WHERE code = 'INI-0002'").run();
    expect(make()).toBe('INI-0004');
    initiatives.createInitiative(db, ui, { code: 'INI-0042', title: 'م', clusterId: cluster.id, axes: [1] });
    expect([make(), make()]).toEqual(['INI-0005', 'INI-0006']);
  });

  it('accepts a region-wide initiative with no cluster', () => {
    const db = newDb();
    const { region } = seed(db);
    const ini = initiatives.createInitiative(db, ui, { title: 'معرض سنوي', regionId: region.id, axes: [2] });
    expect(ini).toMatchObject({ clusterId: null, regionId: region.id });
  });

  it('refuses an end before the start and changes nothing', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const bad = errorOf(() =>
      initiatives.createInitiative(db, ui, {
        title: 'س',
        clusterId: cluster.id,
        axes: [1],
        startDate: '2025-06-01',
        endDate: '2025-01-01',
      }),
    );
    expect(bad.code).toBe('INVALID_INPUT');
    expect(bad.bilingual.ar).toContain('تاريخ الانتهاء');
    expect(initiatives.listInitiatives(db)).toEqual([]);
    expect(listAudit(db, { entity: 'initiative' })).toEqual([]);
  });

  it('refuses an initiative with neither cluster nor region', () => {
    const db = newDb();
    seed(db);
    expect(errorOf(() => initiatives.createInitiative(db, ui, { title: 'س', axes: [1] })).code).toBe('INVALID_INPUT');
  });

  it('generates codes without a gap after a rolled-back write', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const make = (title: string) => initiatives.createInitiative(db, ui, { title, clusterId: cluster.id, axes: [1] });
    expect(make('أولى').code).toBe('INI-0001');
    expect(() =>
      db.transaction(() => {
        make('ثانية');
        make('ثالثة');
        throw new Error('import failed');
      })(),
    ).toThrow('import failed');
    expect(make('بعد الفشل').code).toBe('INI-0002');
  });

  it('changes the status of many, or deletes many, all or none', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const made = ['أ', 'ب', 'ج'].map((title) =>
      initiatives.createInitiative(db, ui, { title, clusterId: cluster.id, axes: [2] }),
    );
    const ids = made.map((i) => i.id);
    const changed = initiatives.setStatus(db, ui, ids, 'completed');
    expect(changed.map((i) => i.status)).toEqual(['completed', 'completed', 'completed']);
    expect(listAudit(db, { entity: 'initiative' }).filter((e) => e.action === 'update')).toHaveLength(3);
    // One unknown id refuses the lot.
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(errorOf(() => initiatives.setStatus(db, ui, [ids[0]!, unknown], 'cancelled')).code).toBe('NOT_FOUND');
    expect(initiatives.getInitiative(db, ids[0]!).status).toBe('completed');
    expect(errorOf(() => initiatives.deleteInitiatives(db, ui, [ids[1]!, unknown])).code).toBe('NOT_FOUND');
    expect(initiatives.listInitiatives(db)).toHaveLength(3);
    initiatives.deleteInitiatives(db, ui, [ids[0]!, ids[1]!]);
    expect(initiatives.listInitiatives(db).map((i) => i.title)).toEqual(['ج']);
  });
});

describe('db/repos/indicators', () => {
  it('keeps actual values per reporting period and deletes them with the initiative', () => {
    const db = newDb();
    const { cluster } = seed(db);
    const ini = initiatives.createInitiative(db, ui, { title: 'تدريب', clusterId: cluster.id, axes: [5] });
    const ind = indicators.createIndicator(db, ui, {
      initiativeId: ini.id,
      name: 'عدد المتدربين',
      unit: 'متدرب',
      baseline: 0,
      target: 200,
      values: [
        { period: '2025-Q2', value: 60 },
        { period: '2025-Q1', value: 25 },
      ],
    });
    expect(ind.values.map((v) => v.period)).toEqual(['2025-Q1', '2025-Q2']);
    const upd = indicators.updateIndicator(db, ui, {
      id: ind.id,
      target: 250,
      values: [...ind.values, { period: '2025-Q3', value: 110 }],
    });
    expect(indicators.getIndicator(db, ind.id)).toEqual(upd);
    expect(upd.values).toHaveLength(3);
    expect(indicators.listIndicators(db, ini.id)).toHaveLength(1);
    initiatives.deleteInitiative(db, ui, ini.id);
    expect(db.prepare('SELECT count(*) AS n FROM indicator_values').get()).toEqual({ n: 0 });
  });
});

describe('db/repos/settings', () => {
  it('returns defaults and stores a change', () => {
    const db = newDb();
    expect(getSettings(db)).toMatchObject({ currencyCode: 'EGP', currencyDigits: 2, language: 'ar' });
    updateSettings(db, { source: 'cli' }, { officeName: 'مكتب دمياط', language: 'en' });
    expect(getSettings(db)).toMatchObject({ officeName: 'مكتب دمياط', language: 'en' });
  });
});

describe('db/repos/audit', () => {
  it('records every write with its source, before and after', () => {
    const db = newDb();
    const { region } = seed(db);
    regions.updateRegion(db, { source: 'cli' }, { id: region.id, nameEn: 'The Delta' });
    const entries = listAudit(db, { entity: 'region', entityId: region.id });
    expect(entries.map((e) => [e.action, e.source])).toEqual([
      ['update', 'cli'],
      ['create', 'ui'],
    ]);
    expect(entries[0]!.before).toMatchObject({ nameEn: 'Delta' });
    expect(entries[0]!.after).toMatchObject({ nameEn: 'The Delta' });
  });
});
