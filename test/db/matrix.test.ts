import { describe, expect, it } from 'vitest';
import { refreshClusterSums } from '../../db/cluster-sums';
import type { Db } from '../../db/connection';
import { INITIATIVE_STATUSES, type Initiative } from '../../db/core/model';
import { loadDemo } from '../../db/demo';
import { getFindings } from '../../db/queries/health';
import { cellInitiatives, getMatrix } from '../../db/queries/matrix';
import { countGaps, isGap } from '../../db/core/measures';
import { periodEnd, periodStart } from '../../db/core/period';
import * as clusters from '../../db/repos/clusters';
import * as indicators from '../../db/repos/indicators';
import * as initiatives from '../../db/repos/initiatives';
import * as regions from '../../db/repos/regions';
import * as sectors from '../../db/repos/sectors';
import { useTestDb } from '../helpers/db';
import { random } from '../helpers/random';
import type { MatrixFilter, MatrixRow } from '../../db/core/results';

const newDb = useTestDb();
const cli = { source: 'cli' } as const;

function randomPortfolio(db: Db, seed: number) {
  const r = random(seed);
  const regionIds = Array.from(
    { length: r.int(1, 3) },
    (_, i) => regions.createRegion(db, cli, { nameAr: `إقليم ${i}` }).id,
  );
  const clusterIds = Array.from(
    { length: r.int(2, 8) },
    (_, i) =>
      clusters.createCluster(db, cli, { regionId: r.pick(regionIds), nameAr: `تجمع ${i}`, selected: r.next() < 0.7 })
        .id,
  );
  db.transaction(() => {
    for (let i = r.int(0, 80); i > 0; i--) {
      const axes = [...new Set(Array.from({ length: r.int(1, 3) }, () => r.int(1, 7)))];
      const start = r.next() < 0.2 ? null : `${r.int(2023, 2026)}-${String(r.int(1, 12)).padStart(2, '0')}-01`;
      const plannedBudget = r.int(0, 5_000_000);
      initiatives.createInitiative(db, cli, {
        title: `مبادرة ${i}`,
        ...(r.next() < 0.9 ? { clusterId: r.pick(clusterIds) } : { regionId: r.pick(regionIds) }),
        axes,
        status: r.pick(INITIATIVE_STATUSES),
        plannedBudget,
        spent: r.int(0, plannedBudget * 1.2),
        progress: r.int(0, 100),
        startDate: start,
        endDate: start && r.next() < 0.8 ? `${Number(start.slice(0, 4)) + r.int(0, 2)}-12-31` : null,
      });
    }
  })();
}

/** The view's rule written out plainly: the status asked for (else all but cancelled), running in the period. */
function inView(i: Initiative, filter: MatrixFilter): boolean {
  if (filter.status ? i.status !== filter.status : i.status === 'cancelled') return false;
  if (!filter.period) return true;
  return (
    (!i.startDate || i.startDate <= periodEnd(filter.period)) && (!i.endDate || i.endDate >= periodStart(filter.period))
  );
}

/** Whether an initiative belongs to a matrix row: its cluster's, or its region's region-wide row. */
const onRow = (i: Initiative, row: Pick<MatrixRow, 'clusterId' | 'regionId'>) =>
  row.clusterId ? i.clusterId === row.clusterId : !i.clusterId && i.regionId === row.regionId;

/** What the matrix should say, worked out from the register the slow and obvious way. */
function expected(list: Initiative[], row: MatrixRow, filter: MatrixFilter) {
  const mine = list.filter((i) => onRow(i, row) && inView(i, filter));
  const on = (a: number) => mine.filter((i) => i.axes.includes(a));
  const sum = (xs: Initiative[], f: (i: Initiative) => number) => xs.reduce((s, i) => s + f(i), 0);
  return {
    initiatives: [1, 2, 3, 4, 5, 6, 7].map((a) => on(a).length),
    budget: [1, 2, 3, 4, 5, 6, 7].map((a) => sum(on(a), (i) => i.plannedBudget)),
    spent: [1, 2, 3, 4, 5, 6, 7].map((a) => sum(on(a), (i) => i.spent)),
    progressSum: [1, 2, 3, 4, 5, 6, 7].map((a) => sum(on(a), (i) => i.progress)),
    total: {
      initiatives: mine.length,
      budget: sum(mine, (i) => i.plannedBudget),
      spent: sum(mine, (i) => i.spent),
      progressSum: sum(mine, (i) => i.progress),
    },
  };
}

describe('db/queries/matrix (property: the matrix agrees with the register)', () => {
  it('orders clusters and regions as a reader does: numbers by their value', () => {
    const db = newDb();
    const north = regions.createRegion(db, cli, { code: 'R10', nameAr: 'إقليم 10', nameEn: 'Region 10' });
    const south = regions.createRegion(db, cli, { code: 'R9', nameAr: 'إقليم 9', nameEn: 'Region 9' });
    for (const [region, names] of [
      [north, ['تجمع 113', 'تجمع 33', 'تجمع 4']],
      [south, ['تجمع 20', 'تجمع 3']],
    ] as const) {
      for (const nameAr of names) clusters.createCluster(db, cli, { regionId: region.id, nameAr, selected: true });
    }
    // The regions' and clusters' lists (the regions tree, the filter menus) in the same order.
    expect(regions.listRegions(db).map((r) => r.nameAr)).toEqual(['إقليم 9', 'إقليم 10']);
    expect(clusters.listClusters(db, { regionId: north.id }).map((c) => c.nameAr)).toEqual([
      'تجمع 4',
      'تجمع 33',
      'تجمع 113',
    ]);
    expect(getMatrix(db).map((r) => r.clusterNameAr || `*${r.regionNameAr}`)).toEqual([
      'تجمع 3',
      'تجمع 20',
      'تجمع 4',
      'تجمع 33',
      'تجمع 113',
    ]);
  });

  it('for random portfolios, with and without filters', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const db = newDb();
      randomPortfolio(db, seed);
      const list = initiatives.listInitiatives(db);
      const filters: MatrixFilter[] = [
        {},
        { status: 'active' },
        { status: 'cancelled' },
        { period: '2025' },
        { period: '2026-Q2' },
      ];
      for (const filter of filters) {
        const rows = getMatrix(db, filter);
        const shown = list.filter((i) => inView(i, filter));
        // Every cluster, and one region-wide row for each region with such initiatives in view.
        const wide = new Set(shown.filter((i) => !i.clusterId).map((i) => i.regionId));
        expect(rows).toHaveLength(clusters.listClusters(db).length + wide.size);
        expect(rows.filter((r) => !r.clusterId).map((r) => r.regionId)).toEqual(
          [...new Set(rows.map((r) => r.regionId))].filter((id) => wide.has(id)),
        );
        // Each initiative in view is in exactly one row.
        expect(rows.reduce((s, r) => s + r.total.initiatives, 0)).toBe(shown.length);
        for (const row of rows) {
          const { initiatives: n, budget, spent, progressSum, total } = row;
          expect(
            { initiatives: n, budget, spent, progressSum, total },
            `seed ${seed} ${JSON.stringify(filter)}`,
          ).toEqual(expected(list, row, filter));
          // Covered ignores the view's filters: any live initiative on the axis.
          const live = list.filter((i) => onRow(i, row) && i.status !== 'cancelled');
          expect(row.covered).toEqual([1, 2, 3, 4, 5, 6, 7].map((a) => live.some((i) => i.axes.includes(a))));
          // A region-wide row is never a gap; a cell's list is exactly what the cell counts.
          if (!row.clusterId) expect(row.selected).toBe(false);
          for (const a of [1, 4, 7])
            expect(cellInitiatives(db, filter, row, a).map((i) => i.id)).toEqual(
              list
                .filter((i) => onRow(i, row) && inView(i, filter) && i.axes.includes(a))
                .map((i) => i.id)
                .sort((x, y) => (list.find((i) => i.id === x)!.code < list.find((i) => i.id === y)!.code ? -1 : 1)),
            );
        }
      }
      db.close();
    }
  });

  it('keeps the summary its triggers maintain equal to a fresh sum through edits, moves, deletes and rollbacks', () => {
    for (let seed = 1; seed <= 6; seed++) {
      const db = newDb();
      randomPortfolio(db, seed);
      const r = random(seed * 101);
      const clusterIds = clusters.listClusters(db).map((c) => c.id);
      const regionIds = regions.listRegions(db).map((x) => x.id);
      for (let k = 0; k < 40; k++) {
        const list = initiatives.listInitiatives(db);
        if (list.length === 0) break;
        const target = r.pick(list);
        const roll = r.next();
        if (roll < 0.2) initiatives.deleteInitiative(db, cli, target.id);
        else if (roll < 0.3) {
          // A failed transaction: its writes to the summary go with it.
          expect(() =>
            db.transaction(() => {
              initiatives.updateInitiative(db, cli, { id: target.id, status: 'cancelled', plannedBudget: 999 });
              throw new Error('rolled back');
            })(),
          ).toThrow('rolled back');
        } else {
          const plannedBudget = r.int(0, 1_000_000);
          initiatives.updateInitiative(db, cli, {
            id: target.id,
            status: r.pick(INITIATIVE_STATUSES),
            axes: [...new Set([r.int(1, 7), r.int(1, 7)])],
            plannedBudget,
            spent: r.int(0, plannedBudget),
            progress: r.int(0, 100),
            // Moves between clusters, and to region-wide (no cluster) and back.
            ...(r.next() < 0.8 ? { clusterId: r.pick(clusterIds) } : { clusterId: null, regionId: r.pick(regionIds) }),
          });
        }
      }
      const kept = db.prepare('SELECT * FROM cluster_sums WHERE n > 0 ORDER BY cluster_id, status').all();
      // Rows whose initiatives all left stay behind, at zero.
      const emptied = db.prepare('SELECT * FROM cluster_sums WHERE n = 0').all() as Record<string, unknown>[];
      for (const row of emptied)
        for (const [k, v] of Object.entries(row)) if (k !== 'cluster_id' && k !== 'status') expect(v).toBe(0);
      refreshClusterSums(db);
      expect(kept, `seed ${seed}`).toEqual(db.prepare('SELECT * FROM cluster_sums ORDER BY cluster_id, status').all());
      const list = initiatives.listInitiatives(db);
      for (const filter of [{}, { status: 'active' as const }]) {
        for (const row of getMatrix(db, filter)) {
          const { initiatives: n, budget, spent, progressSum, total } = row;
          expect({ initiatives: n, budget, spent, progressSum, total }).toEqual(expected(list, row, filter));
        }
      }
      db.close();
    }
  });

  it('averages indicator achievement from each latest value, under the same filters', () => {
    const db = newDb();
    const region = regions.createRegion(db, cli, { nameAr: 'إقليم' });
    const cluster = clusters.createCluster(db, cli, { regionId: region.id, nameAr: 'تجمع' });
    const ini = initiatives.createInitiative(db, cli, {
      title: 'تدريب',
      clusterId: cluster.id,
      axes: [2, 5],
      status: 'active',
    });
    indicators.createIndicator(db, cli, {
      initiativeId: ini.id,
      name: 'متدربون',
      baseline: 20,
      target: 120,
      values: [
        { period: '2025-Q1', value: 90 },
        { period: '2025-Q2', value: 60 },
      ],
    });
    const [row] = getMatrix(db);
    expect(row!.achievementSum).toEqual([0, 0.4, 0, 0, 0.4, 0, 0]);
    expect(row!.achievementCount).toEqual([0, 1, 0, 0, 1, 0, 0]);
    expect(getMatrix(db, { status: 'completed' })[0]!.achievementCount).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(getMatrix(db, { measures: [] })[0]!.achievementCount).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('filters by regions, sector and selected clusters', () => {
    const db = newDb();
    randomPortfolio(db, 99);
    const all = getMatrix(db);
    const region = all[0]!.regionId;
    expect(getMatrix(db, { regionIds: [region] }).map((r) => r.key)).toEqual(
      all.filter((r) => r.regionId === region).map((r) => r.key),
    );
    expect(all.some((r) => !r.clusterId)).toBe(true);
    const sector = sectors.createSector(db, cli, { nameAr: 'الأثاث' });
    clusters.updateCluster(db, cli, { id: all[1]!.clusterId!, sectorId: sector.id });
    // A sector's view, or the selected clusters', shows clusters only: no region-wide rows.
    expect(getMatrix(db, { sectorId: sector.id }).map((r) => r.clusterId)).toEqual([all[1]!.clusterId]);
    expect(getMatrix(db, { selectedOnly: true }).map((r) => r.clusterId)).toEqual(
      all.filter((r) => r.selected).map((r) => r.clusterId),
    );
  });
});

describe('db/queries/measures: one gap predicate', () => {
  it('counts exactly the R1 findings of the health rules, whatever the view filters', () => {
    const db = newDb();
    loadDemo(db, cli);
    const r1 = getFindings(db, { rules: ['R1'] }).length;
    expect(r1).toBeGreaterThan(0);
    expect(countGaps(getMatrix(db))).toBe(r1);
    // A filter empties cells but closes no gap and opens none.
    expect(countGaps(getMatrix(db, { status: 'completed' }))).toBe(r1);
    const row = getMatrix(db).find((r) => r.selected && r.covered.includes(false))!;
    const axis = row.covered.indexOf(false) + 1;
    expect(isGap(row, axis)).toBe(true);
    expect(isGap({ ...row, selected: false }, axis)).toBe(false);
  });
});
