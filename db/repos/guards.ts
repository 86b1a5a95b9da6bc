import type { Db } from '../connection';
import { stmt } from '../stmt';
import { AppError, ENTITY_NAMES, notFound, type EntityName } from '../core/errors';
import { bilingual } from '../core/messages';

/** Refuses to delete a record that others still point to, naming what and how many. */
export function assertUnused(
  db: Db,
  entity: EntityName,
  id: string,
  dependents: readonly { table: string; column: string; entity: EntityName }[],
): void {
  for (const d of dependents) {
    const { n } = stmt(db, `SELECT count(*) AS n FROM ${d.table} WHERE ${d.column} = ?`).get(id) as { n: number };
    if (n > 0) {
      const what = ENTITY_NAMES[entity];
      const dep = ENTITY_NAMES[d.entity];
      throw new AppError(
        'IN_USE',
        bilingual('errors.inUseBy', { what: { ar: what.ar, en: what.en.toLowerCase() }, n, dep }),
        { dependents: d.entity, count: n },
      );
    }
  }
}

/** Checks that a referenced record exists, so the user hears which reference is wrong. */
export function assertExists(db: Db, table: string, entity: EntityName, id: string): void {
  if (!stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id)) {
    throw notFound(ENTITY_NAMES[entity], id);
  }
}
