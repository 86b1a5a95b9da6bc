import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { getFindings, type RuleId } from '../../db/queries/health';
import { periodEnd } from '../../db/core/period';
import * as clusters from '../../db/repos/clusters';
import * as indicators from '../../db/repos/indicators';
import * as initiatives from '../../db/repos/initiatives';
import * as regions from '../../db/repos/regions';
import { updateSettings } from '../../db/repos/settings';
import { useTestDb } from '../helpers/db';

const newDb = useTestDb();
const ui = { source: 'ui' } as const;
const TODAY = '2026-06-30';
const ALL_QM = { qmCustomerStatus: 'achieved', qmQualityStatus: 'achieved', qmBrandStatus: 'achieved' } as const;

/** One region, one selected cluster with every quality-marketing element achieved. */
function base(db: Db, cluster: Partial<Parameters<typeof clusters.createCluster>[2]> = {}) {
  const region = regions.createRegion(db, ui, { nameAr: 'إقليم الدلتا', nameEn: 'Delta' });
  const c = clusters.createCluster(db, ui, { regionId: region.id, nameAr: 'أثاث دمياط', ...ALL_QM, ...cluster });
  return { region, cluster: c };
}

/** An initiative per axis, so that R1, R2 and R5 have nothing to say unless a test wants them to. */
function coverAll(db: Db, clusterId: string, skip: number[] = []) {
  for (const a of [1, 2, 3, 4, 5, 6, 7].filter((x) => !skip.includes(x))) {
    initiatives.createInitiative(db, ui, { title: `مبادرة المحور ${a}`, clusterId, axes: [a], plannedBudget: 1000 });
  }
}

const rules = (db: Db, rule: RuleId) => getFindings(db, { today: TODAY, rules: [rule] });

describe('health rules', () => {
  it('R1 marks each axis with no initiative in a selected cluster, and not an unselected one', () => {
    const db = newDb();
    const { cluster } = base(db);
    coverAll(db, cluster.id, [3, 6]);
    const found = rules(db, 'R1');
    expect(found.map((f) => f.axis)).toEqual([3, 6]);
    expect(found[0]).toMatchObject({ rule: 'R1', kind: 'axis_gap', clusterId: cluster.id, initiativeId: null });
    expect(found[0]!.message.ar).toContain('غياب أحد المحاور');
    expect(found[0]!.message.en).toContain('axis 3');

    clusters.updateCluster(db, ui, { id: cluster.id, selected: false });
    expect(rules(db, 'R1')).toEqual([]);
  });

  it('lists the clusters and regions in the natural order the matrix uses («تجمع 33» before «تجمع 113»)', () => {
    const db = newDb();
    const r113 = regions.createRegion(db, ui, { nameAr: 'إقليم 113' });
    const r33 = regions.createRegion(db, ui, { nameAr: 'إقليم 33' });
    for (const r of [r113, r33])
      for (const n of ['113', '33', '4'])
        clusters.createCluster(db, ui, { regionId: r.id, nameAr: `تجمع ${n}`, ...ALL_QM });
    const seen = rules(db, 'R1')
      .filter((f) => f.axis === 1)
      .map((f) => `${f.regionAr}/${f.clusterAr}`);
    expect(seen).toEqual([
      'إقليم 33/تجمع 4',
      'إقليم 33/تجمع 33',
      'إقليم 33/تجمع 113',
      'إقليم 113/تجمع 4',
      'إقليم 113/تجمع 33',
      'إقليم 113/تجمع 113',
    ]);
  });

  it('R1 does not count a cancelled initiative as covering its axis', () => {
    const db = newDb();
    const { cluster } = base(db);
    coverAll(db, cluster.id, [2]);
    const cancelled = initiatives.createInitiative(db, ui, { title: 'ملغاة', clusterId: cluster.id, axes: [2] });
    expect(rules(db, 'R1')).toEqual([]);
    initiatives.updateInitiative(db, ui, { id: cancelled.id, status: 'cancelled' });
    expect(rules(db, 'R1').map((f) => f.axis)).toEqual([2]);
  });

  it('R2 flags a region concentrated on few axes by count or budget, with its threshold from Settings', () => {
    const db = newDb();
    const { region, cluster } = base(db);
    coverAll(db, cluster.id);
    expect(rules(db, 'R2')).toEqual([]); // seven axes evenly: index 1/7

    for (let i = 0; i < 6; i++)
      initiatives.createInitiative(db, ui, { title: `تدريب ${i}`, clusterId: cluster.id, axes: [5] });
    // Axis 5 holds 7 of 13 assignments: index (7² + 6·1²)/13² ≈ 0.33, under the default 0.35.
    expect(rules(db, 'R2')).toEqual([]);
    updateSettings(db, ui, { concentrationThreshold: 0.3 });
    const found = rules(db, 'R2');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'R2', kind: 'concentration', regionId: region.id, axis: 5 });
    expect(found[0]!.message.en).toContain('0.33');

    // The limit is a setting with bounds: below an even spread it would flag every region.
    expect(() => updateSettings(db, ui, { concentrationThreshold: 0.1 })).toThrow();
    // By budget the six cheap training initiatives weigh nothing: the spread is even again.
    updateSettings(db, ui, { concentrationBasis: 'budget' });
    expect(rules(db, 'R2')).toEqual([]);
  });

  it('R3 flags an initiative that leaves marketing and sales to the enterprises, unless done or cancelled', () => {
    const db = newDb();
    const { cluster } = base(db);
    const own = initiatives.createInitiative(db, ui, {
      title: 'معرض للبيع المباشر',
      clusterId: cluster.id,
      axes: [1],
      marketingHolder: 'enterprises',
    });
    initiatives.createInitiative(db, ui, {
      title: 'شركة تسويق',
      clusterId: cluster.id,
      axes: [1],
      marketingHolder: 'specialised',
    });
    const found = rules(db, 'R3');
    expect(found.map((f) => f.initiativeId)).toEqual([own.id]);
    expect(found[0]!.message.ar).toContain('التسويق والمبيعات');
    initiatives.updateInitiative(db, ui, { id: own.id, status: 'completed' });
    expect(rules(db, 'R3')).toEqual([]);
  });

  it('R4 names the quality-marketing elements a selected cluster has not achieved', () => {
    const db = newDb();
    const { cluster } = base(db);
    expect(rules(db, 'R4')).toEqual([]);
    clusters.updateCluster(db, ui, { id: cluster.id, qmBrandStatus: 'in_progress', qmCustomerStatus: 'not_started' });
    const found = rules(db, 'R4');
    expect(found).toHaveLength(1);
    expect(found[0]!.message.en).toBe(
      'The cluster "أثاث دمياط" lacks quality-marketing elements: customer needs studied, a certified local brand.',
    );
  });

  it('R5 asks axis 7 of an informal cluster and axis 6 of a heritage craft', () => {
    const db = newDb();
    const { cluster } = base(db, { formality: 'informal', heritage: true });
    coverAll(db, cluster.id, [6, 7]);
    expect(rules(db, 'R5').map((f) => [f.kind, f.axis])).toEqual([
      ['informal_no_axis7', 7],
      ['heritage_no_axis6', 6],
    ]);
    initiatives.createInitiative(db, ui, { title: 'توثيق', clusterId: cluster.id, axes: [6, 7] });
    expect(rules(db, 'R5')).toEqual([]);
    clusters.updateCluster(db, ui, { id: cluster.id, formality: 'formal', heritage: false });
    expect(rules(db, 'R5')).toEqual([]);
  });

  it('R6 flags overdue work, spending over budget, and an indicator behind its path', () => {
    const db = newDb();
    const { cluster } = base(db);
    const late = initiatives.createInitiative(db, ui, {
      title: 'متأخرة',
      clusterId: cluster.id,
      axes: [1],
      status: 'active',
      startDate: '2025-01-01',
      endDate: '2026-03-31',
    });
    initiatives.createInitiative(db, ui, {
      title: 'منتهية',
      clusterId: cluster.id,
      axes: [1],
      status: 'completed',
      endDate: '2026-03-31',
    });
    const over = initiatives.createInitiative(db, ui, {
      title: 'تجاوزت',
      clusterId: cluster.id,
      axes: [2],
      plannedBudget: 100_000,
      spent: 120_000,
    });
    const running = initiatives.createInitiative(db, ui, {
      title: 'تدريب',
      clusterId: cluster.id,
      axes: [5],
      status: 'active',
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    // Half the year gone by 2026-Q2: the path expects 50 of 100 trainees; 20 is behind, 48 is not.
    const trainees = indicators.createIndicator(db, ui, {
      initiativeId: running.id,
      name: 'عدد المتدربين',
      baseline: 0,
      target: 100,
      values: [
        { period: '2026-Q1', value: 10 },
        { period: '2026-Q2', value: 20 },
      ],
    });
    const found = rules(db, 'R6');
    expect(found.map((f) => [f.kind, f.initiativeId])).toEqual([
      ['overdue', late.id],
      ['over_budget', over.id],
      ['indicator_behind', running.id],
    ]);
    expect(found[1]!.message.en).toContain('(120%)');
    expect(found[2]!.message.ar).toContain('عدد المتدربين');

    indicators.updateIndicator(db, ui, {
      id: trainees.id,
      values: [
        { period: '2026-Q1', value: 10 },
        { period: '2026-Q2', value: 48 },
      ],
    });
    initiatives.updateInitiative(db, ui, { id: late.id, status: 'completed' });
    initiatives.updateInitiative(db, ui, { id: over.id, plannedBudget: 120_000 });
    expect(rules(db, 'R6')).toEqual([]);
  });

  it('keeps to a region scope and reads period ends', () => {
    const db = newDb();
    const { region, cluster } = base(db);
    const other = regions.createRegion(db, ui, { nameAr: 'إقليم الصعيد' });
    clusters.createCluster(db, ui, { regionId: other.id, nameAr: 'فخار', ...ALL_QM });
    coverAll(db, cluster.id);
    const all = getFindings(db, { today: TODAY });
    expect(new Set(all.map((f) => f.regionId))).toEqual(new Set([other.id]));
    expect(getFindings(db, { today: TODAY, regionIds: new Set([region.id]) })).toEqual([]);
    expect([periodEnd('2025'), periodEnd('2024-Q1'), periodEnd('2025-Q2')]).toEqual([
      '2025-12-31',
      '2024-03-31',
      '2025-06-30',
    ]);
  });
});
