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
 * Writes one audit entry as given (`before` and `after` already JSON). Since schema 60 an entry
 * names the change it belongs to (none outside the screens' changes).
 */
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
  const insert = journals(db)
    ? stmt(
        db,
        `INSERT INTO audit_log (at, source, entity, entity_id, action, before, after, change_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, (SELECT id FROM temp.current_change))`,
      )
    : stmt(
        db,
        `INSERT INTO audit_log (at, source, entity, entity_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      );
  return (...values) => void insert.run(...values);
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
