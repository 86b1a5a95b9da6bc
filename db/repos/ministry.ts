/**
 * The ministry's consolidated portfolio: whether a file is one, its offices, and the packages
 * received from them with their provenance and frozen rows. Written only in transactions: a
 * batch of packages is received whole or not at all.
 */
import type { Db } from '../connection';
import { AppError } from '../core/errors';
import { bilingual } from '../core/messages';
import { OFFICE_CODE } from '../core/model';
import type { Office, Received } from '../core/results';
import { packSnapshot, type Snapshot, unpackSnapshot } from '../snapshot';
import { stmt, tx } from '../stmt';
import { recordAudit, type WriteContext } from './audit';
import { getSettings } from './settings';
import { comparePeriods } from '../core/period';

export type { Office, Received };

/** The settings key that makes a portfolio the ministry's; set once, when it is created. */
const KIND = 'portfolioKind';

export function isMinistry(db: Db): boolean {
  const row = stmt(db, 'SELECT value FROM settings WHERE key = ?').get(KIND) as { value: string } | undefined;
  return row?.value === '"ministry"';
}

/** Makes an empty portfolio the ministry's consolidated one. */
export function makeMinistry(db: Db, ctx: WriteContext): void {
  tx(db, () => {
    const n = stmt(db, 'SELECT (SELECT count(*) FROM initiatives) + (SELECT count(*) FROM regions) AS n').get() as {
      n: number;
    };
    if (n.n > 0) throw new AppError('CONFLICT', bilingual('errors.ministryNotEmpty'));
    stmt(
      db,
      'INSERT INTO settings (key, value) VALUES (?, \'"ministry"\') ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(KIND);
    recordAudit(db, ctx, 'settings', KIND, 'update', null, 'ministry');
  });
}

/** Refuses an office's work (its register, imports, submissions) on the ministry's file. */
export function requireOffice(db: Db): void {
  if (isMinistry(db)) throw new AppError('CONFLICT', bilingual('errors.notOffice'));
}

/** Refuses a ministry operation on an office's portfolio. */
export function requireMinistry(db: Db): void {
  if (!isMinistry(db)) throw new AppError('CONFLICT', bilingual('errors.notMinistry'));
}

const OFFICE_COLUMNS = 'code, name, regions, closed_since AS closedSince';
const office = (r: Omit<Office, 'active'>): Office => ({ ...r, active: r.closedSince === null });

export function listOffices(db: Db): Office[] {
  return (stmt(db, `SELECT ${OFFICE_COLUMNS} FROM offices ORDER BY code`).all() as Omit<Office, 'active'>[]).map(
    office,
  );
}

export function getOffice(db: Db, code: string): Office | null {
  const r = stmt(db, `SELECT ${OFFICE_COLUMNS} FROM offices WHERE code = ?`).get(code) as
    Omit<Office, 'active'> | undefined;
  return r ? office(r) : null;
}

export function addOffice(
  db: Db,
  ctx: WriteContext,
  input: { code: string; name: string; regions?: string; closedSince?: string | null },
): Office {
  requireMinistry(db);
  const code = input.code.trim().toUpperCase();
  if (!OFFICE_CODE.test(code)) throw new AppError('INVALID_INPUT', bilingual('errors.badOfficeCode', { code }));
  return tx(db, () => {
    if (getOffice(db, code)) throw new AppError('CONFLICT', bilingual('errors.officeExists', { code }));
    stmt(db, 'INSERT INTO offices (code, name, regions, closed_since, created_at) VALUES (?, ?, ?, ?, ?)').run(
      code,
      input.name.trim(),
      input.regions?.trim() ?? '',
      input.closedSince ?? null,
      new Date().toISOString(),
    );
    const made = getOffice(db, code)!;
    recordAudit(db, ctx, 'office', code, 'create', null, made);
    return made;
  });
}

/** An office closed from a day on: it is expected to report for no period ending after it. */
export function closeOffice(db: Db, ctx: WriteContext, code: string, since: string): Office {
  requireMinistry(db);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since))) {
    throw new AppError('INVALID_INPUT', bilingual('errors.badDate', { date: since }));
  }
  return tx(db, () => {
    const before = getOffice(db, code);
    if (!before) throw new AppError('NOT_FOUND', bilingual('errors.noOffice', { code }));
    stmt(db, 'UPDATE offices SET closed_since = ? WHERE code = ?').run(since, code);
    const after = getOffice(db, code)!;
    recordAudit(db, ctx, 'office', code, 'update', before, after);
    return after;
  });
}

const RECEIVED_COLUMNS = `id, office_code AS officeCode, period, version, provenance, submitted_at AS submittedAt,
  received_at AS receivedAt, file_name AS fileName, sha256, declared_sha256 AS declaredSha256, modified,
  initiatives, status, reply`;
type ReceivedRow = Omit<Received, 'modified' | 'reply'> & { modified: number; reply: string | null };
const received = (r: ReceivedRow): Received => ({
  ...r,
  modified: r.modified === 1,
  reply: r.reply ? (JSON.parse(r.reply) as Received['reply']) : null,
});

/** Every package received (of an office, of a period, when given), oldest first. */
export function listReceived(db: Db, filter: { office?: string; period?: string } = {}): Received[] {
  const rows = stmt(
    db,
    `SELECT ${RECEIVED_COLUMNS} FROM received
      WHERE (@office IS NULL OR office_code = @office) AND (@period IS NULL OR period = @period)
      ORDER BY received_at, id`,
  ).all({ office: filter.office ?? null, period: filter.period ?? null }) as ReceivedRow[];
  return rows.map(received);
}

export function getReceived(db: Db, id: number): Received | null {
  const row = stmt(db, `SELECT ${RECEIVED_COLUMNS} FROM received WHERE id = ?`).get(id) as ReceivedRow | undefined;
  return row ? received(row) : null;
}

export function receivedSnapshot(db: Db, id: number): Snapshot {
  const row = stmt(db, 'SELECT snapshot FROM received WHERE id = ?').get(id) as { snapshot: Buffer } | undefined;
  if (!row) throw new AppError('NOT_FOUND', bilingual('errors.noReceived', { id: String(id) }));
  return unpackSnapshot(row.snapshot);
}

/** The office's latest version of a period, whatever its status; null before the first. */
export function latestReceived(db: Db, office: string, period: string): Received | null {
  return listReceived(db, { office, period }).sort((a, b) => b.version - a.version)[0] ?? null;
}

/**
 * Newest first, by the period reported on (when it ends) and then by version: a correction of an
 * earlier quarter accepted late does not stand for the office's latest report.
 */
export function byLatestPeriod(db: Db): (a: Received, b: Received) => number {
  const order = comparePeriods(getSettings(db).fiscalYearStartMonth);
  return (a, b) => order(b.period, a.period) || b.version - a.version;
}

/** The office's latest accepted package (of a period, when given): what the nation's figures read. */
export function latestAccepted(db: Db, office: string, period?: string): Received | null {
  const accepted = listReceived(db, { office, period }).filter((r) => r.status === 'accepted');
  return accepted.sort(byLatestPeriod(db))[0] ?? null;
}

export interface Receipt {
  office: { code: string; name: string };
  period: string;
  version: number;
  provenance: Received['provenance'];
  submittedAt: string | null;
  fileName: string;
  sha256: string;
  declaredSha256: string | null;
  modified: boolean;
  snapshot: Snapshot;
}

/**
 * Records a batch of packages in one transaction, adding the offices met for the first time;
 * a version already received (or any failure) leaves the file as it was.
 */
export function recordReceived(db: Db, ctx: WriteContext, receipts: Receipt[], now = new Date()): Received[] {
  requireMinistry(db);
  return tx(db, () =>
    receipts.map((r) => {
      if (!getOffice(db, r.office.code)) addOffice(db, ctx, r.office);
      const id = Number(
        stmt(
          db,
          `INSERT INTO received (office_code, period, version, provenance, submitted_at, received_at, file_name,
             sha256, declared_sha256, modified, initiatives, snapshot)
           VALUES (@office, @period, @version, @provenance, @submittedAt, @receivedAt, @fileName, @sha256,
             @declaredSha256, @modified, @initiatives, @snapshot)`,
        ).run({
          office: r.office.code,
          period: r.period,
          version: r.version,
          provenance: r.provenance,
          submittedAt: r.submittedAt,
          receivedAt: now.toISOString(),
          fileName: r.fileName,
          sha256: r.sha256,
          declaredSha256: r.declaredSha256,
          modified: r.modified ? 1 : 0,
          initiatives: r.snapshot.tables.initiatives.rows.length,
          snapshot: packSnapshot(r.snapshot),
        }).lastInsertRowid,
      );
      const made = getReceived(db, id)!;
      recordAudit(db, ctx, 'received', `${r.office.code}/${r.period}#${r.version}`, 'create', null, made);
      return made;
    }),
  );
}

/**
 * Accepts or returns a received version, or reopens an accepted one (with a reason): the reply
 * is kept with it, and the audit says who decided what.
 */
export function decideReceived(
  db: Db,
  ctx: WriteContext,
  id: number,
  decision:
    { status: 'accepted' | 'returned'; reply: NonNullable<Received['reply']> } | { status: 'received'; reason: string },
): Received {
  requireMinistry(db);
  return tx(db, () => {
    const before = getReceived(db, id);
    if (!before) throw new AppError('NOT_FOUND', bilingual('errors.noReceived', { id: String(id) }));
    if (decision.status === 'received') {
      if (before.status !== 'accepted') throw new AppError('CONFLICT', bilingual('errors.reopenNotAccepted'));
      if (!decision.reason.trim()) throw new AppError('CONFLICT', bilingual('errors.reopenReason'));
    }
    const reply = decision.status === 'received' ? null : JSON.stringify(decision.reply);
    stmt(db, 'UPDATE received SET status = ?, reply = ? WHERE id = ?').run(decision.status, reply, id);
    const after = getReceived(db, id)!;
    recordAudit(db, ctx, 'received', `${before.officeCode}/${before.period}#${before.version}`, 'update', before, {
      ...after,
      ...(decision.status === 'received' ? { reason: decision.reason.trim() } : {}),
    });
    return after;
  });
}

/** Reopens the office's accepted period (its latest version) with a reason: it waits for a decision again. */
export function reopen(db: Db, ctx: WriteContext, office: string, period: string, reason: string): Received {
  const r = latestReceived(db, office, period);
  if (!r) throw new AppError('NOT_FOUND', bilingual('errors.notReceivedPeriod', { office, period }));
  return decideReceived(db, ctx, r.id, { status: 'received', reason });
}
