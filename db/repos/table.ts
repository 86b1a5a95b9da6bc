import { randomUUID } from 'node:crypto';
import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { naturalCompare } from '../core/normalize';
import { AppError, ENTITY_NAMES, notFound, type EntityName } from '../core/errors';
import { auditBatch, recordAudit, type WriteContext } from './audit';
import { bilingual } from '../core/messages';

type Row = Record<string, unknown>;

/**
 * How one entity maps onto its table. Column names are the snake_case of the field names, so
 * only the exceptions (booleans, derived fields) need code.
 */
export interface TableSpec<T extends { id: string }> {
  table: string;
  entity: EntityName;
  /**
   * Prefix of generated human codes, e.g. `INI` gives INI-0001; absent for code-less entities.
   * A function reads it from the file (the office code for initiatives).
   */
  codePrefix?: string | ((db: Db) => string);
  booleans?: readonly (keyof T & string)[];
  /** Fields with no column of their own (written by `toRow` or kept in another table). */
  derived?: readonly (keyof T & string)[];
  /** Columns that `fromRow` turns into something else (axis flags into an axes array). */
  hiddenColumns?: readonly string[];
  orderBy: string;
  /**
   * Fields the list is then put in a reader's order by (numbers by their value, «تجمع 33»
   * before «تجمع 113»), as the matrix orders them; SQLite orders text by its bytes.
   */
  naturalBy?: readonly (keyof T & string)[];
  /** Extra row → entity conversion (e.g. axis flag columns → an axes array). */
  fromRow?: (column: (name: string) => unknown, entity: Row) => void;
  /** Extra entity → row conversion: writes its columns into `row`. */
  toRow?: (entity: T, row: Row) => void;
}

/** Drops keys whose value is undefined, so a partial patch never blanks a stored field. */
export function dropUndefined<T extends object>(o: T): T {
  const out: Row = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

/** Name conversions are cached: an import converts the same two dozen names for every row. */
const memo = (f: (s: string) => string) => {
  const cache = new Map<string, string>();
  return (s: string): string => {
    let v = cache.get(s);
    if (v === undefined) cache.set(s, (v = f(s)));
    return v;
  };
};
const snake = memo((s) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`));
const camel = memo((s) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase()));

export interface Table<T extends { id: string }> {
  get(db: Db, id: string): T;
  find(db: Db, id: string): T | undefined;
  list(db: Db, where?: string, params?: Row): T[];
  /** Inserts a complete entity (id and code filled in when missing). */
  insert(db: Db, ctx: WriteContext, entity: Omit<T, 'id' | 'code'> & Partial<T>): T;
  /** Merges a patch into the stored entity, checks it with `validate`, writes it. */
  update(db: Db, ctx: WriteContext, id: string, patch: Partial<T>, validate?: (t: T) => T): T;
  remove(db: Db, ctx: WriteContext, id: string): T;
  nextCode(db: Db): string;
  /**
   * Inserts many complete entities inside the caller's transaction (an import): each as
   * `insert` would, through one statement of the first entity's columns prepared once, and with
   * the audit entry's `after` made by `auditAfter` (an import's names its batch and row).
   * The entity handed in is completed in place and returned. The audit entries are written a
   * hundred at a time: `flush` writes the rest, before anything else writes to the log.
   */
  inserter(
    db: Db,
    ctx: WriteContext,
    auditAfter: (entity: T) => unknown,
  ): Inserter<Omit<T, 'id' | 'code'> & Partial<T>, T>;
}

/** Writes one entity a call; `flush` writes the audit entries still held. */
export interface Inserter<In, Out> {
  (input: In): Out;
  flush(): void;
}

/** The last generated code number per connection and table (see nextCode). */
const lastNumber = new WeakMap<Db, Map<string, number>>();

/** Two records with the same fields and values, whatever the order of their keys. */
function sameEntity(a: object, b: object): boolean {
  const canon = (o: object) => JSON.stringify(Object.entries(o).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)));
  return canon(a) === canon(b);
}

export function defineTable<T extends { id: string }>(spec: TableSpec<T>): Table<T> {
  const booleans = new Set<string>(spec.booleans ?? []);
  const derivedKeys = new Set<string>(spec.derived ?? []);

  const skipped = new Set(['created_at', 'updated_at', ...(spec.hiddenColumns ?? [])]);
  // Rows are read as plain arrays (better-sqlite3's raw mode, ~2.5× faster than an object per
  // row on a 20,000-initiative list) and turned into entities by a plan made once per query.
  const plans = new Map<
    string,
    { index: Map<string, number>; fields: { at: number; field: string; bool: boolean }[] }
  >();
  const planOf = (sql: string, names: string[]) => {
    let plan = plans.get(sql);
    if (!plan) {
      const index = new Map(names.map((n, i) => [n, i]));
      const fields = names
        .map((column, at) => ({ at, column, field: camel(column), bool: booleans.has(camel(column)) }))
        .filter((c) => !skipped.has(c.column));
      plans.set(sql, (plan = { index, fields }));
    }
    return plan;
  };
  const readAll = (db: Db, sql: string, ...params: unknown[]): T[] => {
    const statement = stmt(db, sql).raw(true);
    const plan = planOf(
      sql,
      statement.columns().map((c) => c.name),
    );
    return (statement.all(...params) as unknown[][]).map((values) => {
      const entity: Row = {};
      for (const { at, field, bool } of plan.fields) entity[field] = bool ? values[at] === 1 : values[at];
      spec.fromRow?.((name) => values[plan.index.get(name)!], entity);
      return entity as T;
    });
  };

  const toRow = (entity: T): Row => {
    const row: Row = {};
    for (const field in entity) {
      if (derivedKeys.has(field)) continue;
      const value = entity[field];
      row[snake(field)] = booleans.has(field) ? (value ? 1 : 0) : value;
    }
    spec.toRow?.(entity, row);
    return row;
  };
  const sqlByColumns = new Map<string, string>();

  const find = (db: Db, id: string): T | undefined => {
    return readAll(db, `SELECT * FROM ${spec.table} WHERE id = ?`, id)[0];
  };
  const get = (db: Db, id: string): T => {
    const found = find(db, id);
    if (!found) throw notFound(ENTITY_NAMES[spec.entity], id);
    return found;
  };

  const prefixOf = (db: Db): string =>
    typeof spec.codePrefix === 'function' ? spec.codePrefix(db) : (spec.codePrefix ?? '');
  /**
   * The next free generated code. Finding the highest number scans every code, so it is done
   * once per connection and then counted on. The guess is checked against the unique index:
   * it must be free and the code before it must exist. A code taken meanwhile (another program
   * on the same file) or one the count ran past (its insert rolled back with a failed import or
   * a planning preview) sends it back to the scan, so no rollback leaves a gap in the codes.
   */
  const nextCode = (db: Db): string => {
    if (!spec.codePrefix) return '';
    const prefix = prefixOf(db);
    const format = (k: number) => `${prefix}-${String(k).padStart(4, '0')}`;
    const lastByDb = lastNumber.get(db) ?? new Map<string, number>();
    lastNumber.set(db, lastByDb);
    // Counted per prefix: an office code set later starts its own numbers.
    const key = `${spec.table}|${prefix}`;
    let n = (lastByDb.get(key) ?? -1) + 1;
    const taken = (k: number) => stmt(db, `SELECT 1 FROM ${spec.table} WHERE code = ?`).get(format(k)) !== undefined;
    if (n === 0 || taken(n) || (n > 1 && !taken(n - 1))) {
      const row = stmt(
        db,
        `SELECT coalesce(max(CAST(substr(code, ?) AS INTEGER)), 0) AS n FROM ${spec.table}
         WHERE code GLOB ?`,
      ).get(prefix.length + 2, `${prefix}-[0-9]*`) as { n: number };
      n = row.n + 1;
    }
    lastByDb.set(key, n);
    return format(n);
  };

  // Positional parameters: binding ~30 named ones per row cost more than the insert itself.
  const writeUpdate = (db: Db, entity: T): void => {
    const row = toRow(entity);
    const cols = Object.keys(row).filter((c) => c !== 'id');
    const key = cols.join(',');
    let sql = sqlByColumns.get(key);
    if (!sql) {
      sql = `UPDATE ${spec.table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`;
      sqlByColumns.set(key, sql);
    }
    try {
      stmt(db, sql).run(...cols.map((c) => row[c]), new Date().toISOString(), row.id);
    } catch (e) {
      codeTaken(e, row.code);
    }
  };

  /** Inserts, one or many (see Table.inserter): the one way a row is created. */
  const inserter: Table<T>['inserter'] = (db, ctx, auditAfter) => {
    if (!db.inTransaction) throw new Error('inserter: inside a transaction only');
    /** The statement's columns, from the first entity's row, and where each value comes from. */
    let columns: { column: string; field: string | null; bool: boolean }[] | null = null;
    let statement: ReturnType<typeof stmt> | null = null;
    const audit = auditBatch(db);
    const now = new Date().toISOString();
    const insert = (input: Omit<T, 'id' | 'code'> & Partial<T>): T => {
      const entity = input as T & { code?: string };
      if (!entity.id) entity.id = randomUUID();
      if (spec.codePrefix && !entity.code) entity.code = nextCode(db);
      // The row as toRow makes it, but built straight into the statement's values: only the
      // derived columns (spec.toRow) go through an object. An import inserts tens of thousands.
      const derived: Row = {};
      spec.toRow?.(entity, derived);
      if (!columns) {
        const fieldOf = new Map(Object.keys(entity).map((f) => [snake(f), f]));
        columns = Object.keys(toRow(entity)).map((column) => {
          const field = column in derived ? null : fieldOf.get(column)!;
          return { column, field, bool: field !== null && booleans.has(field) };
        });
        statement = stmt(
          db,
          `INSERT INTO ${spec.table} (${columns.map((c) => c.column).join(', ')}, created_at, updated_at)
           VALUES (${columns.map(() => '?').join(', ')}, ?, ?)`,
        );
      }
      // One array handed over whole: spreading thirty values into the call cost more than building them.
      const values: unknown[] = new Array(columns.length + 2);
      const fields = entity as Row;
      for (let k = 0; k < columns.length; k++) {
        const { column, field, bool } = columns[k]!;
        values[k] = field === null ? derived[column] : bool ? (fields[field] ? 1 : 0) : fields[field];
      }
      values[columns.length] = now;
      values[columns.length + 1] = now;
      try {
        statement!.run(values);
      } catch (e) {
        codeTaken(e, entity.code);
      }
      audit.add(now, ctx.source, spec.entity, entity.id, 'create', null, JSON.stringify(auditAfter(entity)));
      return entity;
    };
    return Object.assign(insert, { flush: audit.flush });
  };

  /**
   * The unique index on the code answers "is this code taken?" as the row is written, instead
   * of a query before every write (an import writes tens of thousands). A failed statement
   * changes nothing, and the caller's transaction stays usable.
   */
  const codeTaken = (e: unknown, code: unknown): never => {
    if (
      e instanceof Error &&
      (e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' &&
      e.message.includes(`${spec.table}.code`)
    ) {
      throw new AppError(
        'CONFLICT',
        bilingual('errors.codeTaken', { code: String(code), another: bilingual(`another.${spec.entity}`) }),
        { field: 'code', code },
      );
    }
    throw e;
  };

  return {
    get,
    find,
    nextCode,
    list(db, where = '1 = 1', params = {}) {
      const rows = readAll(db, `SELECT * FROM ${spec.table} WHERE ${where} ORDER BY ${spec.orderBy}`, params);
      const by = spec.naturalBy;
      if (!by) return rows;
      const text = (t: T, k: keyof T) => String(t[k] ?? '');
      return rows.sort((a, b) => {
        for (const k of by) {
          const c = naturalCompare(text(a, k), text(b, k));
          if (c !== 0) return c;
        }
        return 0;
      });
    },
    insert(db, ctx, input) {
      return tx(db, () => {
        const insert = inserter(db, ctx, (entity) => entity);
        const entity = insert(Object.assign({}, input));
        insert.flush();
        return entity;
      });
    },
    update(db, ctx, id, patch, validate) {
      return tx(db, () => {
        const before = get(db, id);
        let after = Object.assign({}, before, dropUndefined(patch), { id }) as T;
        if (validate) after = validate(after);
        // Saved without a change (the editor opened and saved as it was): nothing written, no
        // empty "edit" in the history or the undo list.
        if (sameEntity(after, before)) return before;
        writeUpdate(db, after);
        recordAudit(db, ctx, spec.entity, id, 'update', before, after);
        return after;
      });
    },
    inserter,
    remove(db, ctx, id) {
      return tx(db, () => {
        const before = get(db, id);
        stmt(db, `DELETE FROM ${spec.table} WHERE id = ?`).run(id);
        recordAudit(db, ctx, spec.entity, id, 'delete', before, null);
        return before;
      });
    },
  };
}
