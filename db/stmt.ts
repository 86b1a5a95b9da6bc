import type { Database, Statement } from 'better-sqlite3';

const caches = new WeakMap<Database, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. Imports write tens of thousands of rows
 * through the repositories; compiling each statement per row cost more than the writes.
 */
export function stmt(db: Database, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s;
}

/**
 * Runs fn in a transaction, or inside the caller's when one is open: a nested savepoint per
 * row would double an import's time, and the outer transaction already makes it all or nothing.
 */
export function tx<T>(db: Database, fn: () => T): T {
  return db.inTransaction ? fn() : db.transaction(fn)();
}
