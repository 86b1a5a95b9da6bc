import { AXIS_IDS } from '../core/axes';
import { sumColumns } from '../cluster-sums';
import type { Db } from '../connection';
import { stmt } from '../stmt';
import { naturalCompare } from '../core/normalize';
import { SUM_MEASURES, type SumMeasure } from '../core/measures';
import { periodRange } from '../core/period';
import { listRegions } from '../repos/regions';
import { getSettings } from '../repos/settings';
import type { CellInitiative, MatrixFilter, MatrixRow } from '../core/results';

/** The sums a matrix can show; counts are always summed (gaps and averages need them). */
/** The initiative's column each summed measure adds up. */
const COLUMN: Record<SumMeasure, string> = { budget: 'planned_budget', spent: 'spent', progress: 'progress' };

export interface ClusterSums {
  /** Per axis 1..7 (an initiative on two axes counts in both), then the cluster's own total. */
  n: number[];
  sums: Partial<Record<SumMeasure, number[]>>;
  total: { n: number } & Partial<Record<SumMeasure, number>>;
}

/** Each indicator `n` joined to its latest actual value `v` (periods sort as text). */
export const LATEST_VALUE = `JOIN indicator_values v ON v.indicator_id = n.id
  AND v.period = (SELECT max(period) FROM indicator_values WHERE indicator_id = n.id)`;

type ViewFilter = { status?: string | null; from?: string | null; to?: string | null; regionIds?: string[] };

/** A region-wide row's key (MatrixRow.key); achievementByRow builds the same in SQL. */
const regionWideKey = (regionId: string): string => `region:${regionId}`;

/** The counting rule (`counts` in the floor's measures) in SQL: every initiative but a cancelled one. */
export const COUNTED_SQL = (i: string): string => `${i}.status <> 'cancelled'`;

/** An initiative on no axis (not yet classified), in the terms of the partial index that finds it. */
export const UNCLASSIFIED_SQL = (i: string): string => AXIS_IDS.map((n) => `${i}.axis${n} = 0`).join(' AND ');

/**
 * The view's filter as SQL terms on initiatives `i`, with their parameters. Only the terms a
 * filter needs: an `@x IS NULL OR …` term would keep SQLite from seeking one region's clusters
 * in the index and make it read every initiative instead. The one definition of a view: the
 * matrix's sums and the list behind a cell (cellInitiatives) both take it from here.
 */
/** The period rule: an initiative runs in a period unless it starts after it or ends before it. */
const RUNNING_SQL = '(i.start_date IS NULL OR i.start_date <= @to) AND (i.end_date IS NULL OR i.end_date >= @from)';

/**
 * The initiatives running in a period, whatever their status (a report's register lists the
 * cancelled ones too, marked); null for no period (all of them).
 */
export function runningIn(db: Db, period: string | undefined): Set<string> | null {
  const { from, to } = periodBounds(db, period);
  if (!from || !to) return null;
  const ids = stmt(db, `SELECT i.id FROM initiatives i WHERE ${RUNNING_SQL}`).pluck().all({ from, to }) as string[];
  return new Set(ids);
}

function viewTerms(
  filter: ViewFilter,
  i = 'i',
  place: 'cluster' | 'region' = 'cluster',
): { where: string[]; params: Record<string, string> } {
  const where = [filter.status ? `${i}.status = @status` : COUNTED_SQL(i)];
  const params: Record<string, string> = {};
  if (filter.status) params.status = filter.status;
  if (filter.from && filter.to) {
    where.push(RUNNING_SQL);
    Object.assign(params, { from: filter.from, to: filter.to });
  }
  if (filter.regionIds) {
    where.push(
      place === 'region'
        ? `${i}.region_id IN (SELECT value FROM json_each(@regions))`
        : `${i}.cluster_id IN (SELECT id FROM clusters WHERE region_id IN (SELECT value FROM json_each(@regions)))`,
    );
    params.regions = JSON.stringify(filter.regionIds);
  }
  return { where, params };
}

/**
 * Initiatives summed per cluster and axis, grouped by cluster; only the measures asked for. A
 * view without a period reads the summary the triggers keep (cluster-sums.ts: a few rows per
 * cluster); a period depends on each initiative's dates, so that view scans the covering index
 * `initiatives_matrix` instead. Both give the same columns.
 */
export function clusterSums(
  db: Db,
  filter: ViewFilter,
  measures: readonly SumMeasure[] = [],
): Map<string, ClusterSums> {
  const byPeriod = Boolean(filter.from && filter.to);
  const cols = byPeriod
    ? initiativeColumns(measures)
    : (['n', ...measures] as const).flatMap((m) => sumColumns(m).map((c) => `sum(${c})`));
  const { where, params } = viewTerms(filter, byPeriod ? 'i' : 's');
  const rows = stmt(
    db,
    byPeriod
      ? `SELECT i.cluster_id, ${cols.join(', ')} FROM initiatives i
         WHERE i.cluster_id IS NOT NULL AND ${where.join(' AND ')} GROUP BY i.cluster_id`
      : `SELECT s.cluster_id, ${cols.join(', ')} FROM cluster_sums s WHERE ${where.join(' AND ')} GROUP BY s.cluster_id`,
  )
    .raw(true)
    .all(params) as (string | number)[][];
  return new Map(rows.map((r) => [r[0] as string, parseSums(r, 1, measures)]));
}

/** The summed columns over initiatives `i`: the seven axes and the total, for n then each measure. */
const initiativeColumns = (measures: readonly SumMeasure[]): string[] => [
  ...AXIS_IDS.map((n) => `sum(i.axis${n})`),
  'count(*)',
  ...measures.flatMap((m) => [...AXIS_IDS.map((n) => `sum(i.axis${n} * i.${COLUMN[m]})`), `sum(i.${COLUMN[m]})`]),
];

/** One result row's sums from column `at` on, in the order initiativeColumns and sumColumns give. */
function parseSums(r: (string | number | null)[], at: number, measures: readonly SumMeasure[]): ClusterSums {
  const entry: ClusterSums = { n: r.slice(at, at + 7) as number[], sums: {}, total: { n: r[at + 7] as number } };
  measures.forEach((m, k) => {
    const from = at + 8 + k * 8;
    entry.sums[m] = r.slice(from, from + 7) as number[];
    entry.total[m] = r[from + 7] as number;
  });
  return entry;
}

/**
 * Region-wide initiatives (no cluster) summed per region, under the same view: few rows, read
 * through the matrix index (its first column is cluster_id, so `IS NULL` seeks them).
 */
export function regionWideSums(
  db: Db,
  filter: ViewFilter,
  measures: readonly SumMeasure[],
): { regionId: string; nameAr: string; nameEn: string; sums: ClusterSums }[] {
  const { where, params } = viewTerms(filter, 'i', 'region');
  const rows = stmt(
    db,
    `SELECT r.id, r.name_ar, r.name_en, ${initiativeColumns(measures).join(', ')}
     FROM initiatives i JOIN regions r ON r.id = i.region_id
     WHERE i.cluster_id IS NULL AND ${where.join(' AND ')}
     GROUP BY r.id ORDER BY r.name_ar, r.code`,
  )
    .raw(true)
    .all(params) as (string | number)[][];
  return rows.map((r) => ({
    regionId: r[0] as string,
    nameAr: r[1] as string,
    nameEn: r[2] as string,
    sums: parseSums(r, 3, measures),
  }));
}

export interface MatrixOptions extends MatrixFilter {
  /** The sums to fill in; the others stay zero. All of them when not given. */
  measures?: readonly SumMeasure[];
  /** Indicator achievement needs its own query; on unless measures are given without it. */
  achievement?: boolean;
}

/**
 * The days a period covers, with the office's fiscal-year start (a fiscal year depends on it):
 * the one reading of a period for the matrix, the report and the CLI.
 */
export function periodBounds(db: Db, period: string | undefined): { from: string | null; to: string | null } {
  if (!period) return { from: null, to: null };
  const range = periodRange(period, getSettings(db).fiscalYearStartMonth);
  return range ?? { from: null, to: null };
}

/**
 * Clusters grouped by region × the seven axes, each region's region-wide initiatives as one
 * more row after its clusters: the clusters in one query, the initiatives summed by clusterSums
 * and regionWideSums, and the two put together here. A view of one sector or of the selected
 * clusters only shows clusters, so it has no region-wide rows.
 */
export function getMatrix(db: Db, filter: MatrixOptions = {}): MatrixRow[] {
  const measures = filter.measures ?? SUM_MEASURES;
  const { from, to } = periodBounds(db, filter.period);
  const view: ViewFilter = { status: filter.status, from, to, regionIds: filter.regionIds };
  const clusters = stmt(
    db,
    `SELECT c.id, c.code, c.name_ar, c.name_en, c.selected, c.sector_id, r.id, r.name_ar, r.name_en, r.code
     FROM clusters c JOIN regions r ON r.id = c.region_id
     WHERE (@regions IS NULL OR c.region_id IN (SELECT value FROM json_each(@regions)))
       AND (@sectorId IS NULL OR c.sector_id = @sectorId)
       AND (@selectedOnly = 0 OR c.selected = 1)`,
  )
    .raw(true)
    .all({
      regions: filter.regionIds ? JSON.stringify(filter.regionIds) : null,
      sectorId: filter.sectorId ?? null,
      selectedOnly: filter.selectedOnly ? 1 : 0,
    }) as (string | number | null)[][];
  // Region by region, then cluster by cluster, numbers in names by their value (SQLite orders text by its bytes).
  const text = (v: string | number | null | undefined) => String(v ?? '');
  clusters.sort(
    (a, b) =>
      naturalCompare(text(a[7]), text(b[7])) ||
      naturalCompare(text(a[9]), text(b[9])) ||
      naturalCompare(text(a[2]), text(b[2])) ||
      naturalCompare(text(a[1]), text(b[1])),
  );
  const sums = clusterSums(db, view, measures);
  // Built once with their sums (5,000 rows): arrays made only to be replaced cost a third of it.
  const rows: MatrixRow[] = [];
  for (const c of clusters) {
    rows.push(
      matrixRow(sums.get(c[0] as string), {
        key: c[0] as string,
        regionId: c[6] as string,
        regionNameAr: c[7] as string,
        regionNameEn: c[8] as string,
        sectorId: c[5] as string | null,
        clusterId: c[0] as string,
        clusterCode: c[1] as string,
        clusterNameAr: c[2] as string,
        clusterNameEn: c[3] as string,
        selected: c[4] === 1,
      }),
    );
  }
  const wide =
    filter.sectorId || filter.selectedOnly
      ? []
      : regionWideSums(db, view, measures).map((region) =>
          matrixRow(region.sums, {
            key: regionWideKey(region.regionId),
            regionId: region.regionId,
            regionNameAr: region.nameAr,
            regionNameEn: region.nameEn,
            sectorId: null,
            clusterId: null,
            clusterCode: '',
            clusterNameAr: '',
            clusterNameEn: '',
            selected: false,
          }),
        );
  if (wide.length > 0) placeRegionWide(db, rows, wide);
  // Unfiltered by status and period, coverage is the view itself; otherwise it is asked apart.
  const coverage = filter.status || filter.period ? coveredAxes(db, filter.regionIds) : null;
  const achievement =
    (filter.achievement ?? !filter.measures)
      ? achievementByRow(db, view)
      : new Map<string, { sum: number[]; count: number[] }>();
  const unclassified = unclassifiedByRow(db, view);
  for (const row of rows) {
    const u = unclassified.get(row.key);
    if (u) row.unclassified = u;
    const live = coverage ? coverage.get(row.key) : row.initiatives;
    for (let n = 0; n < 7; n++) row.covered.push((live?.[n] ?? 0) > 0);
    const a = achievement.get(row.key);
    if (a) [row.achievementSum, row.achievementCount] = [a.sum, a.count];
  }
  return rows;
}

type RowPlace = Pick<
  MatrixRow,
  | 'key'
  | 'regionId'
  | 'regionNameAr'
  | 'regionNameEn'
  | 'sectorId'
  | 'clusterId'
  | 'clusterCode'
  | 'clusterNameAr'
  | 'clusterNameEn'
  | 'selected'
>;

function matrixRow(s: ClusterSums | undefined, place: RowPlace): MatrixRow {
  const zeros = () => [0, 0, 0, 0, 0, 0, 0];
  // Every field written out, not spread from `place`: spreading cost ~10 µs a row (5,000 rows
  // tripled the whole matrix query) where a literal of one fixed shape costs next to nothing.
  return {
    key: place.key,
    regionId: place.regionId,
    regionNameAr: place.regionNameAr,
    regionNameEn: place.regionNameEn,
    sectorId: place.sectorId,
    clusterId: place.clusterId,
    clusterCode: place.clusterCode,
    clusterNameAr: place.clusterNameAr,
    clusterNameEn: place.clusterNameEn,
    selected: place.selected,
    initiatives: s?.n ?? zeros(),
    budget: s?.sums.budget ?? zeros(),
    spent: s?.sums.spent ?? zeros(),
    progressSum: s?.sums.progress ?? zeros(),
    achievementSum: zeros(),
    achievementCount: zeros(),
    covered: [],
    unclassified: { initiatives: 0, budget: 0, spent: 0, progressSum: 0 },
    total: {
      initiatives: s?.total.n ?? 0,
      budget: s?.total.budget ?? 0,
      spent: s?.total.spent ?? 0,
      progressSum: s?.total.progress ?? 0,
    },
  };
}

/** Each region-wide row after its region's clusters, in the regions' own order (rows are sorted so). */
function placeRegionWide(db: Db, rows: MatrixRow[], wide: MatrixRow[]): void {
  const order = listRegions(db).map((r) => r.id);
  const byRegion = new Map<string, MatrixRow[]>(order.map((id) => [id, []]));
  for (const r of [...rows, ...wide]) byRegion.get(r.regionId)!.push(r);
  rows.length = 0;
  for (const group of byRegion.values()) rows.push(...group);
}

/**
 * Initiatives on no axis yet, summed per matrix row (MatrixRow.key) under the view's filters:
 * read through the partial index that holds only them, so a classified portfolio costs nothing.
 */
function unclassifiedByRow(db: Db, filter: ViewFilter): Map<string, MatrixRow['unclassified']> {
  const { where, params } = viewTerms(filter, 'i', 'region');
  const rows = stmt(
    db,
    `SELECT coalesce(i.cluster_id, 'region:' || i.region_id), count(*), sum(i.planned_budget), sum(i.spent),
       sum(i.progress)
     FROM initiatives i WHERE ${UNCLASSIFIED_SQL('i')} AND ${where.join(' AND ')} GROUP BY 1`,
  )
    .raw(true)
    .all(params) as [string, number, number, number, number][];
  return new Map(
    rows.map(([key, initiatives, budget, spent, progressSum]) => [key, { initiatives, budget, spent, progressSum }]),
  );
}

/** Counted initiatives per matrix row (MatrixRow.key) and axis, whatever the view's filters. */
export function coveredAxes(db: Db, regionIds?: string[]): Map<string, number[]> {
  return new Map([
    ...[...clusterSums(db, { regionIds })].map(([id, c]) => [id, c.n] as const),
    ...regionWideSums(db, { regionIds }, []).map((r) => [regionWideKey(r.regionId), r.sums.n] as const),
  ]);
}

/**
 * Each indicator's achievement: how far its latest actual value has come from the baseline
 * (0 when not given) toward the target, as a share (0 at the baseline, 1 at the target, more
 * beyond it); summed per matrix row (MatrixRow.key) and axis of its initiative, under the same filters.
 */
function achievementByRow(db: Db, filter: ViewFilter): Map<string, { sum: number[]; count: number[] }> {
  const { where, params } = viewTerms(filter, 'i', 'region');
  const rows = stmt(
    db,
    `SELECT coalesce(i.cluster_id, 'region:' || i.region_id) AS row_key,
       ${AXIS_IDS.map((n) => `i.axis${n}`).join(', ')},
       coalesce(n.baseline, 0) AS baseline, n.target, v.value
     FROM indicators n
     CROSS JOIN initiatives i ON i.id = n.initiative_id AND ${where.join(' AND ')}
     ${LATEST_VALUE}
     WHERE n.target IS NOT NULL AND n.target <> coalesce(n.baseline, 0)`,
  ).all(params) as Record<string, number | string>[];
  const out = new Map<string, { sum: number[]; count: number[] }>();
  for (const r of rows) {
    const id = String(r.row_key);
    let entry = out.get(id);
    if (!entry) out.set(id, (entry = { sum: AXIS_IDS.map(() => 0), count: AXIS_IDS.map(() => 0) }));
    const share = Math.max(0, (Number(r.value) - Number(r.baseline)) / (Number(r.target) - Number(r.baseline)));
    for (const n of AXIS_IDS) {
      if (r[`axis${n}`] !== 1) continue;
      entry.sum[n - 1]! += share;
      entry.count[n - 1]! += 1;
    }
  }
  return out;
}

/**
 * The initiatives a cell counts: of the row's cluster (or, for a region-wide row, of its region
 * without a cluster), on the axis, under the view's filters: the same terms as the sums.
 */
export function cellInitiatives(
  db: Db,
  filter: Pick<MatrixFilter, 'status' | 'period'>,
  row: { regionId: string; clusterId: string | null },
  axis: number,
): CellInitiative[] {
  const { from, to } = periodBounds(db, filter.period);
  const { where, params } = viewTerms({ status: filter.status, from, to });
  if (!AXIS_IDS.includes(axis as never)) return [];
  return stmt(
    db,
    `SELECT i.id, i.code, i.title, i.status, i.planned_budget AS plannedBudget, i.progress
     FROM initiatives i
     WHERE ${row.clusterId ? 'i.cluster_id = @cluster' : 'i.cluster_id IS NULL AND i.region_id = @region'}
       AND i.axis${axis} = 1 AND ${where.join(' AND ')}
     ORDER BY i.code`,
  ).all({ ...params, ...(row.clusterId ? { cluster: row.clusterId } : { region: row.regionId }) }) as CellInitiative[];
}
