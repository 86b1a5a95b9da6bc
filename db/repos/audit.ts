import type { Db } from '../connection';
import { journals } from '../changes';
import { stmt } from '../stmt';
import type { AuditEntry, AuditSource } from '../core/model';

/** Who is writing: every write names its source so the audit log can answer "where from?". */
export interface WriteContext {
  source: AuditSource;
}

export function recordAudit(
  db: Db,
  ctx: WriteContext,
  entity: string,
  entityId: string,
  action: AuditEntry['action'],
  before: unknown,
  after: unknown,
): void {
  auditStatement(db)(
    new Date().toISOString(),
    ctx.source,
    entity,
    entityId,
    action,
    before === null ? null : JSON.stringify(before),
    after === null ? null : JSON.stringify(after),
  );
}

/**
 * The statement that writes `rows` audit entries as given (`before` and `after` already JSON).
 * Since schema 60 an entry names the change it belongs to (none outside the screens' changes).
 */
function auditInsert(db: Db, rows: number) {
  const change = journals(db);
  const row = change ? '(?, ?, ?, ?, ?, ?, ?, (SELECT id FROM temp.current_change))' : '(?, ?, ?, ?, ?, ?, ?)';
  return stmt(
    db,
    `INSERT INTO audit_log (at, source, entity, entity_id, action, before, after${change ? ', change_id' : ''})
     VALUES ${Array(rows).fill(row).join(', ')}`,
  );
}

/** Writes one audit entry as given (`before` and `after` already JSON). */
export function auditStatement(
  db: Db,
): (
  at: string,
  source: AuditSource,
  entity: string,
  entityId: string,
  action: AuditEntry['action'],
  before: string | null,
  after: string | null,
) => void {
  const insert = auditInsert(db, 1);
  return (...values) => void insert.run(...values);
}

type AuditValues = Parameters<ReturnType<typeof auditStatement>>;

/** Entries per statement when many are written at once. */
const AUDIT_CHUNK = 100;

/**
 * Audit entries written many at once (an import's created rows), in statements of a hundred:
 * the log's AUTOINCREMENT key updates sqlite_sequence once per statement, which halved the
 * entries' cost (0.2 s to 0.1 s for 50,000). `flush` writes what is still held; entries keep
 * the order they were added in. The hundred-row statement is made when first needed: a single
 * insert (every record created from the screens) never needs it.
 */
export function auditBatch(db: Db): { add(...values: AuditValues): void; flush(): void } {
  const one = auditStatement(db);
  let held: unknown[] = [];
  let count = 0;
  return {
    add(...values) {
      for (const v of values) held.push(v);
      if (++count === AUDIT_CHUNK) {
        auditInsert(db, AUDIT_CHUNK).run(held);
        held = [];
        count = 0;
      }
    },
    flush() {
      for (let k = 0; k < count; k++) one(...(held.slice(k * 7, k * 7 + 7) as AuditValues));
      held = [];
      count = 0;
    },
  };
}

interface AuditRow {
  id: number;
  at: string;
  source: AuditSource;
  entity: string;
  entity_id: string;
  action: AuditEntry['action'];
  before: string | null;
  after: string | null;
}

export function listAudit(db: Db, filter: { entity?: string; entityId?: string; limit?: number } = {}): AuditEntry[] {
  // Since schema 60 each entry says whether an undo took its change back.
  const undone = journals(db)
    ? '(SELECT undone_at IS NOT NULL FROM changes WHERE changes.id = audit_log.change_id)'
    : 'NULL';
  const rows = stmt(
    db,
    `SELECT *, ${undone} AS undone FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY id DESC LIMIT @limit`,
  ).all({
    entity: filter.entity ?? null,
    entityId: filter.entityId ?? null,
    limit: filter.limit ?? 100,
  }) as (AuditRow & { undone: number | null })[];
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    source: r.source,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
    undone: r.undone === 1,
  }));
}
