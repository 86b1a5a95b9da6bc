/**
 * What changed in the register since a submission: initiatives created, deleted and changed
 * (by field, with the values before and after), compared by their identity, so a renamed code is
 * a change, not a deletion.
 */
import type { Db } from '../connection';
import { type Snapshot, type SnapshotValue, takeSnapshot, withSnapshotDb } from '../snapshot';
import { AXIS_IDS } from '../core/axes';
import { isGap, sumRows } from '../core/measures';
import { getMatrix } from './matrix';
import { latestSubmission, submissionSnapshot } from '../repos/submissions';
import type {
  ChangesDetail,
  ChangesSince,
  FieldChange,
  FieldValue,
  GapPlace,
  MatrixRow,
  Submission,
} from '../core/results';

export type { ChangesSince };

/** Column → field as the register names it (snake_case → camelCase; the seven flags are "axes"). */
const field = (column: string) =>
  /^axis\d$/.test(column)
    ? 'axes'
    : (({ region_id: 'region', cluster_id: 'cluster' } as Record<string, string>)[column] ??
      column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()));

/** A snapshot's initiatives by id, and a reader of any field's value as the register holds it. */
function register(s: Snapshot) {
  const { columns, rows } = s.tables.initiatives;
  const at = (c: string) => columns.indexOf(c);
  const names = (t: 'regions' | 'clusters') => {
    const { columns: cs, rows: rs } = s.tables[t];
    const [id, ar, en] = ['id', 'name_ar', 'name_en'].map((c) => cs.indexOf(c)) as [number, number, number];
    return new Map(rs.map((r) => [r[id], { ar: String(r[ar] ?? ''), en: String(r[en] ?? '') }]));
  };
  const places = { region_id: names('regions'), cluster_id: names('clusters') } as const;
  const axes = AXIS_IDS.map((a) => at(`axis${a}`));
  return {
    columns,
    code: at('code'),
    title: at('title'),
    byId: new Map(rows.map((r) => [String(r[at('id')]), r])),
    value(row: SnapshotValue[], f: string): FieldValue {
      if (f === 'axes') return AXIS_IDS.filter((_, i) => row[axes[i]!] === 1);
      const column = f === 'region' ? 'region_id' : f === 'cluster' ? 'cluster_id' : null;
      if (column) return places[column].get(row[at(column)]!) ?? null;
      return row[at(f.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`))] ?? null;
    },
  };
}

export function changesSince(db: Db, before: Snapshot, now: Snapshot = takeSnapshot(db)): ChangesSince {
  return diffSnapshots(before, now);
}

/** The initiatives created, deleted and changed from one snapshot to another (of one office). */
export function diffSnapshots(before: Snapshot, now: Snapshot): ChangesSince {
  const a = register(before);
  const b = register(now);
  const created: string[] = [];
  const changed: ChangesSince['changed'] = [];
  // No prototype: a code such as "constructor" is a key like any other.
  const titles = Object.create(null) as Record<string, string>;
  for (const [id, row] of b.byId) {
    const code = String(row[b.code]);
    const old = a.byId.get(id);
    if (!old) {
      created.push(code);
      titles[code] = String(row[b.title] ?? '');
      continue;
    }
    const fields = new Set<string>();
    b.columns.forEach((column, i) => {
      const j = a.columns.indexOf(column);
      if (j >= 0 && old[j] !== row[i]) fields.add(field(column));
    });
    if (!fields.size) continue;
    const values = [...fields].map((f): FieldChange => ({ field: f, before: a.value(old, f), after: b.value(row, f) }));
    changed.push({ code, fields: [...fields], values });
    titles[code] = String(row[b.title] ?? '');
  }
  const deleted: string[] = [];
  for (const [id, row] of a.byId) {
    if (b.byId.has(id)) continue;
    deleted.push(String(row[a.code]));
    // A code deleted and given again to a new initiative keeps the new one's title.
    titles[String(row[a.code])] ??= String(row[a.title] ?? '');
  }
  const sort = (xs: string[]) => xs.sort((x, y) => x.localeCompare(y));
  return {
    created: sort(created),
    deleted: sort(deleted),
    changed: changed.sort((x, y) => x.code.localeCompare(y.code)),
    titles,
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

/** The changes since the latest submission, for a report that carries them; none before the first. */
export async function changesSinceLatest(db: Db): Promise<ChangesDetail | undefined> {
  const last = latestSubmission(db);
  return last ? changesDetail(db, last) : undefined;
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
