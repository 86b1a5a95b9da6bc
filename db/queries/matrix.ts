import { AXIS_IDS } from '../axes';
import type { Db } from '../connection';
import type { InitiativeStatus } from '../model';

export interface MatrixRow {
  regionId: string;
  regionNameAr: string;
  regionNameEn: string;
  clusterId: string;
  clusterCode: string;
  clusterNameAr: string;
  clusterNameEn: string;
  selected: boolean;
  /** Initiatives per axis 1..7; an initiative on two axes counts in both. */
  initiatives: number[];
  /** Planned budget per axis 1..7, in the currency's minor unit. */
  budget: number[];
}

export interface MatrixFilter {
  regionId?: string;
  status?: InitiativeStatus;
}

const sums = AXIS_IDS.map(
  (n) => `coalesce(sum(i.axis${n}), 0) AS n${n}, coalesce(sum(i.axis${n} * i.planned_budget), 0) AS b${n}`,
).join(',\n  ');

/**
 * Clusters grouped by region × the seven axes. SQL does the aggregation over the covering index
 * `initiatives_matrix`, so the cost grows with initiatives read, not with rows returned.
 */
export function getMatrix(db: Db, filter: MatrixFilter = {}): MatrixRow[] {
  const rows = db
    .prepare(
      `SELECT c.id AS cluster_id, c.code AS cluster_code, c.name_ar AS cluster_ar,
         c.name_en AS cluster_en, c.selected, r.id AS region_id, r.name_ar AS region_ar,
         r.name_en AS region_en,
         ${sums}
       FROM clusters c
       JOIN regions r ON r.id = c.region_id
       LEFT JOIN initiatives i ON i.cluster_id = c.id AND (@status IS NULL OR i.status = @status)
       WHERE @regionId IS NULL OR c.region_id = @regionId
       GROUP BY c.id
       ORDER BY r.name_ar, r.code, c.name_ar, c.code`,
    )
    .all({ regionId: filter.regionId ?? null, status: filter.status ?? null }) as Record<string, string | number>[];
  return rows.map((r) => ({
    regionId: String(r.region_id),
    regionNameAr: String(r.region_ar),
    regionNameEn: String(r.region_en),
    clusterId: String(r.cluster_id),
    clusterCode: String(r.cluster_code),
    clusterNameAr: String(r.cluster_ar),
    clusterNameEn: String(r.cluster_en),
    selected: r.selected === 1,
    initiatives: AXIS_IDS.map((n) => Number(r[`n${n}`])),
    budget: AXIS_IDS.map((n) => Number(r[`b${n}`])),
  }));
}
