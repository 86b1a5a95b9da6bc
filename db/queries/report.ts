/**
 * The figures of the ministry report for a period and a scope, computed once for every form it
 * takes: the workbook (electron/excel/report.ts), the print view the app turns into a PDF, and
 * the CLI. Every total is a sum of the matrix's rows under the same filters (the rule of figures).
 */
import { AXES } from '../core/axes';
import type { Db } from '../connection';
import type { Initiative } from '../core/model';
import { countGaps, counts, isGap, sumRows, valueOf } from '../core/measures';
import type { AxisLine, MatrixRow, RegionGroup, ReportData } from '../core/results';
import { getFindings } from './health';
import { getMatrix, runningIn } from './matrix';
import { resolveRegionScope } from './scope';
import { listClusters } from '../repos/clusters';
import { listInitiatives } from '../repos/initiatives';
import { listRegions } from '../repos/regions';
import { getSettings } from '../repos/settings';
import { naturalCompare } from '../core/normalize';

export interface ReportOptions {
  /** `2026`, `2026-Q3`, `2026-H2`, `FY2026`; everything when absent. */
  period?: string;
  /** A region (or governorate) by Arabic or English name or code; its sub-regions are included. */
  region?: string;
}

export function getReport(db: Db, options: ReportOptions = {}): ReportData {
  const settings = getSettings(db);
  const scope = resolveRegionScope(db, options.region);
  const inScope = (regionId: string) => !scope.ids || scope.ids.has(regionId);
  const matrix = getMatrix(db, { period: options.period }).filter((r) => inScope(r.regionId));
  const running = runningIn(db, options.period);
  const initiatives = listInitiatives(db).filter((i) => inScope(i.regionId) && (!running || running.has(i.id)));
  const office = sumRows(matrix, null);
  const selectedRows = matrix.filter((r) => r.selected);
  const axes: AxisLine[] = AXES.map((a) => {
    const b = sumRows(matrix, a.id);
    const on = (r: MatrixRow) => r.clusterId !== null && r.initiatives[a.id - 1]! > 0;
    return {
      axis: a.id,
      initiatives: b.n,
      budget: b.budget,
      spent: b.spent,
      share: office.budget ? b.budget / office.budget : 0,
      clusters: matrix.filter(on).length,
      // The matrix's own rule: a selected cluster is covered on an axis unless that cell is a gap.
      selectedCovered: selectedRows.filter((r) => !isGap(r, a.id)).length,
      progress: valueOf(b, 'progress'),
    };
  });
  return {
    settings,
    period: options.period,
    scopeLabel: scope.label,
    regionIds: scope.ids ? [...scope.ids] : null,
    matrix,
    office,
    regions: scope.ids ? scope.ids.size : listRegions(db).length,
    clusters: matrix.filter((r) => r.clusterId).length,
    selected: selectedRows.length,
    gaps: countGaps(selectedRows),
    cancelled: initiatives.filter((i) => !counts(i)).length,
    axes,
    groups: regionGroups(db, matrix, initiatives),
    findings: getFindings(db, { regionIds: scope.ids }),
  };
}

/**
 * The register by region, in the matrix's order of regions; within a region by cluster then
 * code, region-wide initiatives last. A region's subtotal is the matrix's sum of its rows.
 */
function regionGroups(db: Db, matrix: MatrixRow[], initiatives: Initiative[]): RegionGroup[] {
  const clusterName = new Map(listClusters(db).map((c) => [c.id, c.nameAr]));
  const regionOf = new Map(listRegions(db).map((r) => [r.id, r]));
  const order: string[] = [];
  for (const r of matrix) if (!order.includes(r.regionId)) order.push(r.regionId);
  const byRegion = new Map<string, Initiative[]>();
  for (const i of initiatives) {
    let list = byRegion.get(i.regionId);
    if (!list) {
      byRegion.set(i.regionId, (list = []));
      if (!order.includes(i.regionId)) order.push(i.regionId);
    }
    list.push(i);
  }
  const sortKey = (i: Initiative) => (i.clusterId ? (clusterName.get(i.clusterId) ?? '') : '\uffff');
  return order
    .filter((id) => byRegion.has(id))
    .map((id) => {
      const region = regionOf.get(id)!;
      const list = byRegion.get(id)!;
      list.sort((a, b) => naturalCompare(sortKey(a), sortKey(b)) || naturalCompare(a.code, b.code));
      return {
        regionId: id,
        nameAr: region.nameAr,
        nameEn: region.nameEn,
        initiatives: list,
        subtotal: sumRows(
          matrix.filter((r) => r.regionId === id),
          null,
        ),
      };
    });
}
