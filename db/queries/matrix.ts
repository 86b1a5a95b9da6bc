import { AXIS_IDS } from '../axes';
import { sumColumns } from '../cluster-sums';
import type { Db } from '../connection';
import type { InitiativeStatus } from '../model';
import { stmt } from '../stmt';
import { periodEnd, periodStart } from './period';

export interface MatrixRow {
  regionId: string;
  regionNameAr: string;
  regionNameEn: string;
  sectorId: string | null;
  clusterId: string;
  clusterCode: string;
  clusterNameAr: string;
  clusterNameEn: string;
  selected: boolean;
  /** Initiatives per axis 1..7; an initiative on two axes counts in both. */
  initiatives: number[];
  /** Planned budget per axis 1..7, in the currency's minor unit. */
  budget: number[];
  spent: number[];
  /** Sum of progress % per axis; divided by `initiatives` it is the average. */
  progressSum: number[];
  /** Indicator achievement (latest actual against target, as a share) summed per axis, and how many. */
  achievementSum: number[];
  achievementCount: number[];
  /**
   * Whether the axis has a live (not cancelled) initiative whatever the filters: an empty cell
   * of a selected cluster is a gap only when this is false (rule R1).
   */
  covered: boolean[];
  /** The cluster's distinct initiatives (each once, however many axes it has). */
  total: { initiatives: number; budget: number; spent: number; progressSum: number };
}

export interface MatrixFilter {
  /** A region and its governorates (see scope.ts). */
  regionIds?: string[];
  sectorId?: string;
  /** Without a status, cancelled initiatives are left out: they develop nothing. */
  status?: InitiativeStatus;
  /** `2025` or `2025-Q3`: initiatives running in that period (undated ones count as running). */
  period?: string;
  selectedOnly?: boolean;
}

/** The sums a matrix can show; counts are always summed (gaps and averages need them). */
export type SumMeasure = 'budget' | 'spent' | 'progress';
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

/**
 * The view's filter as SQL terms on initiatives `i`, with their parameters. Only the terms a
 * filter needs: an `@x IS NULL OR …` term would keep SQLite from seeking one region's clusters
 * in the index and make it read every initiative instead. inMatrixView (period.ts) is the same
 * rule for the screens.
 */
function viewTerms(filter: ViewFilter, i = 'i'): { where: string[]; params: Record<string, string> } {
  const where = [filter.status ? `${i}.status = @status` : `${i}.status <> 'cancelled'`];
  const params: Record<string, string> = {};
  if (filter.status) params.status = filter.status;
  if (filter.from && filter.to) {
    where.push('(i.start_date IS NULL OR i.start_date <= @to) AND (i.end_date IS NULL OR i.end_date >= @from)');
    Object.assign(params, { from: filter.from, to: filter.to });
  }
  if (filter.regionIds) {
    where.push(
      `${i}.cluster_id IN (SELECT id FROM clusters WHERE region_id IN (SELECT value FROM json_each(@regions)))`,
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
    ? [
        ...AXIS_IDS.map((n) => `sum(axis${n})`),
        'count(*)',
        ...measures.flatMap((m) => [...AXIS_IDS.map((n) => `sum(axis${n} * ${COLUMN[m]})`), `sum(${COLUMN[m]})`]),
      ]
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
  const out = new Map<string, ClusterSums>();
  for (const r of rows) {
    const entry: ClusterSums = { n: r.slice(1, 8) as number[], sums: {}, total: { n: r[8] as number } };
    measures.forEach((m, k) => {
      const at = 9 + k * 8;
      entry.sums[m] = r.slice(at, at + 7) as number[];
      entry.total[m] = r[at + 7] as number;
    });
    out.set(r[0] as string, entry);
  }
  return out;
}

export interface MatrixOptions extends MatrixFilter {
  /** The sums to fill in; the others stay zero. All of them when not given. */
  measures?: readonly SumMeasure[];
  /** Indicator achievement needs its own query; on unless measures are given without it. */
  achievement?: boolean;
}

/**
 * Clusters grouped by region × the seven axes: the clusters in one query, the initiatives
 * summed by clusterSums, and the two put together here.
 */
export function getMatrix(db: Db, filter: MatrixOptions = {}): MatrixRow[] {
  const measures = filter.measures ?? (['budget', 'spent', 'progress'] as const);
  const from = filter.period ? periodStart(filter.period) : null;
  const to = filter.period ? periodEnd(filter.period) : null;
  const clusters = stmt(
    db,
    `SELECT c.id, c.code, c.name_ar, c.name_en, c.selected, c.sector_id, r.id, r.name_ar, r.name_en
     FROM clusters c JOIN regions r ON r.id = c.region_id
     WHERE (@regions IS NULL OR c.region_id IN (SELECT value FROM json_each(@regions)))
       AND (@sectorId IS NULL OR c.sector_id = @sectorId)
       AND (@selectedOnly = 0 OR c.selected = 1)
     ORDER BY r.name_ar, r.code, c.name_ar, c.code`,
  )
    .raw(true)
    .all({
      regions: filter.regionIds ? JSON.stringify(filter.regionIds) : null,
      sectorId: filter.sectorId ?? null,
      selectedOnly: filter.selectedOnly ? 1 : 0,
    }) as (string | number | null)[][];
  const sums = clusterSums(db, { status: filter.status, from, to, regionIds: filter.regionIds }, measures);
  const zeros = () => [0, 0, 0, 0, 0, 0, 0];
  // Built once with their sums (5,000 rows): arrays made only to be replaced cost a third of it.
  const rows: MatrixRow[] = [];
  for (const c of clusters) {
    const s = sums.get(c[0] as string);
    rows.push({
      regionId: c[6] as string,
      regionNameAr: c[7] as string,
      regionNameEn: c[8] as string,
      sectorId: c[5] as string | null,
      clusterId: c[0] as string,
      clusterCode: c[1] as string,
      clusterNameAr: c[2] as string,
      clusterNameEn: c[3] as string,
      selected: c[4] === 1,
      initiatives: s?.n ?? zeros(),
      budget: s?.sums.budget ?? zeros(),
      spent: s?.sums.spent ?? zeros(),
      progressSum: s?.sums.progress ?? zeros(),
      achievementSum: zeros(),
      achievementCount: zeros(),
      covered: [],
      total: {
        initiatives: s?.total.n ?? 0,
        budget: s?.total.budget ?? 0,
        spent: s?.total.spent ?? 0,
        progressSum: s?.total.progress ?? 0,
      },
    });
  }
  // Unfiltered by status and period, coverage is the view itself; otherwise it is asked apart.
  const coverage = filter.status || filter.period ? coveredAxes(db, filter.regionIds) : null;
  const achievement =
    (filter.achievement ?? !filter.measures)
      ? achievementByCluster(db, { status: filter.status, from, to })
      : new Map<string, { sum: number[]; count: number[] }>();
  for (const row of rows) {
    const live = coverage ? coverage.get(row.clusterId) : row.initiatives;
    for (let n = 0; n < 7; n++) row.covered.push((live?.[n] ?? 0) > 0);
    const a = achievement.get(row.clusterId);
    if (a) [row.achievementSum, row.achievementCount] = [a.sum, a.count];
  }
  return rows;
}

/** Live (not cancelled) initiatives per cluster and axis, whatever the view's filters. */
export function coveredAxes(db: Db, regionIds?: string[]): Map<string, number[]> {
  return new Map([...clusterSums(db, { regionIds })].map(([id, c]) => [id, c.n]));
}

/**
 * Each indicator's achievement: how far its latest actual value has come from the baseline
 * (0 when not given) toward the target, as a share (0 at the baseline, 1 at the target, more
 * beyond it); summed per cluster and axis of its initiative, under the same filters.
 */
function achievementByCluster(db: Db, filter: ViewFilter): Map<string, { sum: number[]; count: number[] }> {
  const { where, params } = viewTerms(filter);
  const rows = stmt(
    db,
    `SELECT i.cluster_id, ${AXIS_IDS.map((n) => `i.axis${n}`).join(', ')},
       coalesce(n.baseline, 0) AS baseline, n.target, v.value
     FROM indicators n
     CROSS JOIN initiatives i ON i.id = n.initiative_id AND i.cluster_id IS NOT NULL AND ${where.join(' AND ')}
     ${LATEST_VALUE}
     WHERE n.target IS NOT NULL AND n.target <> coalesce(n.baseline, 0)`,
  ).all(params) as Record<string, number | string>[];
  const out = new Map<string, { sum: number[]; count: number[] }>();
  for (const r of rows) {
    const id = String(r.cluster_id);
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
