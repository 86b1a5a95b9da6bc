/**
 * What changed in the register since a submission: initiatives created, deleted and changed
 * (by field), compared by their identity, so a renamed code is a change, not a deletion.
 */
import type { Db } from '../connection';
import { type Snapshot, takeSnapshot, withSnapshotDb } from '../snapshot';
import { AXIS_IDS } from '../core/axes';
import { isGap, sumRows } from '../core/measures';
import { getMatrix } from './matrix';
import { submissionSnapshot } from '../repos/submissions';
import type { ChangesDetail, ChangesSince, GapPlace, MatrixRow, Submission } from '../core/results';

export type { ChangesSince };

/** Column → field as the register names it (snake_case → camelCase; the seven flags are "axes"). */
const field = (column: string) =>
  /^axis\d$/.test(column)
    ? 'axes'
    : (({ region_id: 'region', cluster_id: 'cluster' } as Record<string, string>)[column] ??
      column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

export function changesSince(db: Db, before: Snapshot, now: Snapshot = takeSnapshot(db)): ChangesSince {
  const table = (s: Snapshot) => {
    const { columns, rows } = s.tables.initiatives;
    const id = columns.indexOf('id');
    return { columns, byId: new Map(rows.map((r) => [String(r[id]), r])) };
  };
  const a = table(before);
  const b = table(now);
  const code = b.columns.indexOf('code');
  const created: string[] = [];
  const changed: { code: string; fields: string[] }[] = [];
  for (const [id, row] of b.byId) {
    const old = a.byId.get(id);
    if (!old) {
      created.push(String(row[code]));
      continue;
    }
    const fields = new Set<string>();
    b.columns.forEach((column, i) => {
      const j = a.columns.indexOf(column);
      if (j >= 0 && old[j] !== row[i]) fields.add(field(column));
    });
    if (fields.size) changed.push({ code: String(row[code]), fields: [...fields] });
  }
  const oldCode = a.columns.indexOf('code');
  const deleted = [...a.byId].filter(([id]) => !b.byId.has(id)).map(([, r]) => String(r[oldCode]));
  const sort = (xs: string[]) => xs.sort((x, y) => x.localeCompare(y));
  return {
    created: sort(created),
    deleted: sort(deleted),
    changed: changed.sort((x, y) => x.code.localeCompare(y.code)),
  };
}

/**
 * The changes since a submission with the figures they move: budget by axis and the gaps, each
 * computed by the matrix over the submission's snapshot (put back in a scratch portfolio) and
 * over the portfolio now, and the indicator values added or changed.
 */
export async function changesDetail(
  db: Db,
  since: Submission,
  before: Snapshot = submissionSnapshot(db, since.id),
): Promise<ChangesDetail> {
  const now = takeSnapshot(db);
  const figures = (rows: MatrixRow[]) => ({
    budget: AXIS_IDS.map((a) => sumRows(rows, a).budget),
    gaps: new Map(
      rows.flatMap((r) =>
        AXIS_IDS.filter((a) => isGap(r, a)).map((a) => [
          `${r.clusterId}|${a}`,
          {
            regionAr: r.regionNameAr,
            regionEn: r.regionNameEn,
            clusterAr: r.clusterNameAr,
            clusterEn: r.clusterNameEn,
            axis: a,
          },
        ]),
      ),
    ),
  });
  const then = await withSnapshotDb(before, since.submittedAt, (scratch) => figures(getMatrix(scratch)));
  const current = figures(getMatrix(db));
  const minus = (a: Map<string, GapPlace>, b: Map<string, GapPlace>) =>
    [...a].filter(([k]) => !b.has(k)).map(([, g]) => g);
  return {
    since: { period: since.period, version: since.version },
    ...changesSince(db, before, now),
    budgetByAxis: AXIS_IDS.map((axis, i) => ({ axis, before: then.budget[i]!, after: current.budget[i]! })),
    gapsClosed: minus(then.gaps, current.gaps),
    gapsOpened: minus(current.gaps, then.gaps),
    indicatorValues: indicatorValueChanges(before, now),
  };
}

function indicatorValueChanges(before: Snapshot, now: Snapshot): ChangesDetail['indicatorValues'] {
  const values = (s: Snapshot) => {
    const { columns, rows } = s.tables.indicator_values;
    const [i, p, v] = ['indicator_id', 'period', 'value'].map((c) => columns.indexOf(c));
    return new Map(rows.map((r) => [`${r[i!]}|${r[p!]}`, r[v!] as number]));
  };
  const named = (s: Snapshot) => {
    const ind = s.tables.indicators;
    const ini = s.tables.initiatives;
    const codeOf = new Map(ini.rows.map((r) => [r[ini.columns.indexOf('id')], r[ini.columns.indexOf('code')]]));
    return new Map(
      ind.rows.map((r) => [
        String(r[ind.columns.indexOf('id')]),
        {
          name: String(r[ind.columns.indexOf('name')]),
          code: String(codeOf.get(r[ind.columns.indexOf('initiative_id')]) ?? ''),
        },
      ]),
    );
  };
  const old = values(before);
  const names = named(now);
  const out: ChangesDetail['indicatorValues'] = [];
  for (const [key, after] of values(now)) {
    const was = old.get(key);
    if (was === after) continue;
    const [id, period] = key.split('|') as [string, string];
    const n = names.get(id);
    out.push({ code: n?.code ?? '', indicator: n?.name ?? '', period, before: was ?? null, after });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code) || a.period.localeCompare(b.period));
}
