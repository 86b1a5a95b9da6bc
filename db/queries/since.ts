/**
 * What changed in the register since a submission: initiatives created, deleted and changed
 * (by field), compared by their identity, so a renamed code is a change, not a deletion.
 */
import type { Db } from '../connection';
import { type Snapshot, takeSnapshot } from '../snapshot';
import type { ChangesSince } from '../core/results';

export type { ChangesSince };

/** Column → field as the register names it (snake_case → camelCase; the seven flags are "axes"). */
const field = (column: string) =>
  /^axis\d$/.test(column) ? 'axes' : column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

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
