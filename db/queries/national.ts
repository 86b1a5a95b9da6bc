/**
 * The nation's figures, computed by the office's own queries: the packages chosen for a period
 * (each office's latest accepted version of it) are put side by side in a scratch portfolio,
 * every key and code prefixed with the office's code, under the ministry's calendar; the matrix,
 * the findings and the totals then come from the same code as any office's.
 */
import type { Db } from '../connection';
import { nationalDb } from '../national-db';
import type { CellInitiative, Finding, MatrixRow, Received, TrendPoint } from '../core/results';
import { byLatestPeriod, listOffices, listReceived } from '../repos/ministry';
import { AXIS_IDS } from '../core/axes';
import { isGap, sumRows } from '../core/measures';
import { comparePeriods } from '../core/period';
import { getSettings } from '../repos/settings';
import { getFindings } from './health';
import { cellInitiatives, getMatrix, type MatrixOptions } from './matrix';

/**
 * What the nation's figures read: each office's latest accepted package of the period (of any
 * period, the latest accepted, when none is given), of one office when asked.
 */
export function nationalSources(db: Db, o: { period?: string; office?: string } = {}): Received[] {
  const accepted = listReceived(db, { period: o.period, office: o.office })
    .filter((r) => r.status === 'accepted')
    .sort(byLatestPeriod(db));
  const latest = new Map<string, Received>();
  // Newest first: the first of each office stands.
  for (const r of accepted) if (!latest.has(r.officeCode)) latest.set(r.officeCode, r);
  const order = listOffices(db).map((x) => x.code);
  return [...latest.values()].sort((a, b) => order.indexOf(a.officeCode) - order.indexOf(b.officeCode));
}

/** A key or code of the scratch portfolio: the office's code, a colon, then the office's own. */
export const officeOf = (key: string): string => key.slice(0, key.indexOf(':'));
export const ownKey = (key: string): string => key.slice(key.indexOf(':') + 1);

/** The national matrix: the office's matrix over every chosen package, each row with its office. */
export function nationalMatrix(
  db: Db,
  o: MatrixOptions & { office?: string } = {},
): (MatrixRow & { office: string })[] {
  // Every office's packages, the office asked for picked from them: one scratch portfolio serves both.
  const sources = nationalSources(db, { period: o.period });
  const order = sources.map((s) => s.officeCode);
  const rows = getMatrix(nationalDb(db, sources, o.period), o)
    .map((r) => ({ ...r, office: officeOf(r.regionId) }))
    .filter((r) => !o.office || r.office === o.office);
  // Office by office, in the registry's order; within one, as the office's matrix orders them.
  return rows.sort((a, b) => order.indexOf(a.office) - order.indexOf(b.office));
}

/** The health rules over the nation's packages of a period (of one office, when asked), each with its office. */
export function nationalFindings(
  db: Db,
  o: { period?: string; office?: string; today?: string } = {},
): (Finding & { office: string })[] {
  const sources = nationalSources(db, { period: o.period });
  const order = sources.map((s) => s.officeCode);
  // Office by office, in the registry's order (not in the order the offices' rows were loaded).
  return getFindings(nationalDb(db, sources, o.period), { today: o.today })
    .map((f) => ({ ...f, office: officeOf(f.regionId) }))
    .filter((f) => !o.office || f.office === o.office)
    .sort((a, b) => order.indexOf(a.office) - order.indexOf(b.office));
}

/**
 * The nation period by period: for each period with accepted packages, the national matrix's
 * budget by axis and its coverage of the selected clusters (a cell not a gap), by the office's rule.
 */
export function nationalTrend(db: Db): TrendPoint[] {
  const accepted = listReceived(db).filter((r) => r.status === 'accepted');
  const periods = [...new Set(accepted.map((r) => r.period))].sort(
    comparePeriods(getSettings(db).fiscalYearStartMonth),
  );
  return periods.map((period) => {
    const rows = nationalMatrix(db, { period });
    const selected = rows.filter((r) => r.selected);
    return {
      period,
      offices: new Set(rows.map((r) => r.office)).size,
      budget: AXIS_IDS.map((a) => sumRows(rows, a).budget),
      covered: AXIS_IDS.map((a) => selected.filter((r) => !isGap(r, a)).length),
      selected: selected.length,
    };
  });
}

/**
 * A national matrix cell's initiatives (their own codes) and the package they came from: the
 * figure's provenance, office, period, version, when sent and received, the file and its hash.
 */
export function nationalCell(
  db: Db,
  o: { period?: string; regionId: string; clusterId: string | null; axis: number },
): { initiatives: CellInitiative[]; source: Received | null } {
  const sources = nationalSources(db, { period: o.period });
  const initiatives = cellInitiatives(nationalDb(db, sources, o.period), { period: o.period }, o, o.axis);
  return {
    initiatives: initiatives.map((i) => ({ ...i, code: ownKey(i.code) })),
    source: sources.find((s) => s.officeCode === officeOf(o.regionId)) ?? null,
  };
}
