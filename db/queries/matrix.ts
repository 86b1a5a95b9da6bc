import { AXIS_IDS } from '../axes';
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

const sums = AXIS_IDS.map(
  (n) => `coalesce(sum(i.axis${n}), 0) AS n${n}, coalesce(sum(i.axis${n} * i.planned_budget), 0) AS b${n},
    coalesce(sum(i.axis${n} * i.spent), 0) AS s${n}, coalesce(sum(i.axis${n} * i.progress), 0) AS p${n}`,
).join(',\n  ');

/**
 * Clusters grouped by region × the seven axes. SQL aggregates over the covering index
 * `initiatives_matrix`, so the cost grows with initiatives read, not with rows returned.
 */
export function getMatrix(db: Db, filter: MatrixFilter = {}): MatrixRow[] {
  const params = {
    regions: filter.regionIds ? JSON.stringify(filter.regionIds) : null,
    sectorId: filter.sectorId ?? null,
    status: filter.status ?? null,
    from: filter.period ? periodStart(filter.period) : null,
    to: filter.period ? periodEnd(filter.period) : null,
    selectedOnly: filter.selectedOnly ? 1 : 0,
  };
  const rows = stmt(
    db,
    `SELECT c.id AS cluster_id, c.code AS cluster_code, c.name_ar AS cluster_ar, c.name_en AS cluster_en,
       c.selected, c.sector_id, r.id AS region_id, r.name_ar AS region_ar, r.name_en AS region_en,
       count(i.id) AS tn, coalesce(sum(i.planned_budget), 0) AS tb, coalesce(sum(i.spent), 0) AS ts,
       coalesce(sum(i.progress), 0) AS tp,
       ${sums}
     FROM clusters c
     JOIN regions r ON r.id = c.region_id
     LEFT JOIN initiatives i ON i.cluster_id = c.id
       AND (CASE WHEN @status IS NULL THEN i.status <> 'cancelled' ELSE i.status = @status END)
       AND (@from IS NULL OR ((i.start_date IS NULL OR i.start_date <= @to)
         AND (i.end_date IS NULL OR i.end_date >= @from)))
     WHERE (@regions IS NULL OR c.region_id IN (SELECT value FROM json_each(@regions)))
       AND (@sectorId IS NULL OR c.sector_id = @sectorId)
       AND (@selectedOnly = 0 OR c.selected = 1)
     GROUP BY c.id
     ORDER BY r.name_ar, r.code, c.name_ar, c.code`,
  ).all(params) as Record<string, string | number | null>[];
  const coverage = coveredAxes(db);
  const achievement = achievementByCluster(db, params);
  const perAxis = (r: Record<string, unknown>, p: string) => AXIS_IDS.map((n) => Number(r[`${p}${n}`]));
  return rows.map((r) => {
    const clusterId = String(r.cluster_id);
    const a = achievement.get(clusterId);
    const covered = coverage.get(clusterId);
    return {
      regionId: String(r.region_id),
      regionNameAr: String(r.region_ar),
      regionNameEn: String(r.region_en),
      sectorId: r.sector_id === null ? null : String(r.sector_id),
      clusterId,
      clusterCode: String(r.cluster_code),
      clusterNameAr: String(r.cluster_ar),
      clusterNameEn: String(r.cluster_en),
      selected: r.selected === 1,
      initiatives: perAxis(r, 'n'),
      budget: perAxis(r, 'b'),
      spent: perAxis(r, 's'),
      progressSum: perAxis(r, 'p'),
      achievementSum: a?.sum ?? AXIS_IDS.map(() => 0),
      achievementCount: a?.count ?? AXIS_IDS.map(() => 0),
      covered: AXIS_IDS.map((n) => (covered?.[n - 1] ?? 0) > 0),
      total: { initiatives: Number(r.tn), budget: Number(r.tb), spent: Number(r.ts), progressSum: Number(r.tp) },
    };
  });
}

/** Live (not cancelled) initiatives per cluster and axis, whatever the view's filters. */
export function coveredAxes(db: Db): Map<string, number[]> {
  const rows = stmt(
    db,
    `SELECT cluster_id, ${AXIS_IDS.map((n) => `sum(axis${n}) AS n${n}`).join(', ')}
     FROM initiatives WHERE cluster_id IS NOT NULL AND status <> 'cancelled' GROUP BY cluster_id`,
  ).all() as Record<string, string | number>[];
  return new Map(rows.map((r) => [String(r.cluster_id), AXIS_IDS.map((n) => Number(r[`n${n}`]))]));
}

/**
 * Each indicator's achievement: how far its latest actual value has come from the baseline
 * (0 when not given) toward the target, as a share (0 at the baseline, 1 at the target, more
 * beyond it); summed per cluster and axis of its initiative, under the same filters.
 */
function achievementByCluster(
  db: Db,
  params: { status: string | null; from: string | null; to: string | null },
): Map<string, { sum: number[]; count: number[] }> {
  const rows = stmt(
    db,
    `SELECT i.cluster_id, ${AXIS_IDS.map((n) => `i.axis${n}`).join(', ')},
       coalesce(n.baseline, 0) AS baseline, n.target, v.value
     FROM indicators n
     JOIN initiatives i ON i.id = n.initiative_id AND i.cluster_id IS NOT NULL
       AND (CASE WHEN @status IS NULL THEN i.status <> 'cancelled' ELSE i.status = @status END)
       AND (@from IS NULL OR ((i.start_date IS NULL OR i.start_date <= @to)
         AND (i.end_date IS NULL OR i.end_date >= @from)))
     JOIN indicator_values v ON v.indicator_id = n.id
       AND v.period = (SELECT max(period) FROM indicator_values WHERE indicator_id = n.id)
     WHERE n.target IS NOT NULL AND n.target <> coalesce(n.baseline, 0)`,
  ).all({ status: params.status, from: params.from, to: params.to }) as Record<string, number | string>[];
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
