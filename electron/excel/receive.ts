/**
 * Receiving offices' packages at the ministry: each file is read and judged first (its machine
 * part, its hash, its office, period and version, how it differs from what came before), then
 * the good ones are kept in one transaction. Nothing is merged silently: a package edited after
 * it left the office is received only when the user says so, a duplicate changes nothing, and a
 * template filled by hand comes in only for the office and period the user names.
 */
import { basename } from 'node:path';
import type { Db } from '../../db/connection';
import { AppError, type Bilingual } from '../../db/core/errors';
import { bilingual } from '../../db/core/messages';
import type { PackageState, PackageVerdict } from '../../db/core/results';
import { diffSnapshots } from '../../db/queries/since';
import {
  getOffice,
  latestAccepted,
  listReceived,
  type Receipt,
  receivedSnapshot,
  recordReceived,
  requireMinistry,
} from '../../db/repos/ministry';
import type { WriteContext } from '../../db/repos/audit';
import {
  emptySnapshot,
  type Snapshot,
  snapshotHash,
  takeSnapshot,
  withSnapshotDb,
  withStableIds,
} from '../../db/snapshot';
import { getSettings } from '../../db/repos/settings';
import { streamImport } from './import/stream';
import { readPackage } from './package';

export type { PackageState, PackageVerdict };

export interface ReceiveOptions {
  dryRun?: boolean;
  acceptModified?: boolean;
  /** For a template filled by hand: whose it is and for which period. */
  office?: string;
  period?: string;
  now?: Date;
}

const counts = (before: Snapshot | null, after: Snapshot) => {
  if (!before) return { created: after.tables.initiatives.rows.length, changed: 0, deleted: 0 };
  const c = diffSnapshots(before, after);
  return { created: c.created.length, changed: c.changed.length, deleted: c.deleted.length };
};

/** Judges every file, then keeps the good ones in one transaction (none on a dry run). */
export async function receivePackages(
  db: Db,
  ctx: WriteContext,
  files: string[],
  o: ReceiveOptions = {},
): Promise<PackageVerdict[]> {
  requireMinistry(db);
  const verdicts: PackageVerdict[] = [];
  const receipts: Receipt[] = [];
  for (const file of files) {
    const [verdict, receipt] = await judge(db, file, o, receipts);
    verdicts.push(verdict);
    if (receipt) receipts.push(receipt);
  }
  if (!o.dryRun && receipts.length) recordReceived(db, ctx, receipts, o.now);
  return verdicts;
}

async function judge(
  db: Db,
  file: string,
  o: ReceiveOptions,
  batch: Receipt[],
): Promise<[PackageVerdict, Receipt | null]> {
  const verdict = (v: Partial<PackageVerdict>): PackageVerdict => ({
    file,
    office: null,
    period: null,
    version: null,
    state: 'refused',
    initiatives: 0,
    diff: { created: 0, changed: 0, deleted: 0 },
    message: null,
    received: false,
    newOffice: false,
    replaces: null,
    edited: null,
    ...v,
  });
  let receipt: Read;
  try {
    receipt = await readReceipt(db, file, o);
  } catch (e) {
    // A template for an office not in the registry is refused by a rule, naming the office; a
    // file that is no package (nor a template named as one) names none.
    const named =
      e instanceof AppError && e.code === 'NOT_FOUND' ? { office: o.office ?? null, period: o.period ?? null } : {};
    if (e instanceof AppError) return [verdict({ message: e.bilingual, ...named }), null];
    throw e;
  }
  const { office, period, version, snapshot } = receipt;
  // What came before of the same office and period: kept already, or earlier in this batch.
  const known = [
    ...listReceived(db, { office: office.code, period }).map((r) => ({
      version: r.version,
      sha256: r.sha256,
      rows: () => receivedSnapshot(db, r.id),
    })),
    ...batch
      .filter((b) => b.office.code === office.code && b.period === period)
      .map((b) => ({ version: b.version, sha256: b.sha256, rows: () => b.snapshot })),
  ];
  const base = {
    office: office.code,
    period,
    version,
    initiatives: snapshot.tables.initiatives.rows.length,
    newOffice: !getOffice(db, office.code) && !batch.some((b) => b.office.code === office.code),
  };
  if (receipt.currency) return [verdict({ ...base, message: receipt.currency }), null];
  // The same version with the same rows: the file came twice. (A new version with the same rows is
  // the office submitting again, with its reason: a resubmission that changes nothing.) A template
  // carries no version: the same rows for the same office and period are the same file again.
  const template = receipt.provenance === 'template';
  if (known.some((k) => (template || k.version === version) && k.sha256 === receipt.sha256)) {
    return [verdict({ ...base, state: 'duplicate', message: bilingual('receive.duplicate') }), null];
  }
  if (known.some((k) => k.version === version)) {
    return [verdict({ ...base, state: 'refused', message: bilingual('receive.versionTaken', { version }) }), null];
  }
  const accepted = latestAccepted(db, office.code);
  const diff = counts(accepted ? receivedSnapshot(db, accepted.id) : null, snapshot);
  const previous = known.filter((k) => k.version < version).sort((a, b) => b.version - a.version)[0];
  const replaces = previous ? { version: previous.version, ...counts(previous.rows(), snapshot) } : null;
  if (receipt.modified) {
    const take = !!o.acceptModified;
    return [
      verdict({
        ...base,
        state: 'modified',
        diff,
        replaces,
        received: take,
        edited: receipt.edited,
        message: bilingual(take ? 'receive.modifiedTaken' : 'receive.modified'),
      }),
      take ? receipt : null,
    ];
  }
  return [verdict({ ...base, state: previous ? 'resubmission' : 'new', diff, replaces, received: true }), receipt];
}

/** A file read: what would be kept, what was edited in it, and why its currency refuses it (if it does). */
type Read = Receipt & { edited: PackageVerdict['edited']; currency: Bilingual | null };

/** How many edited rows a verdict lists; the count says how many there are. */
const EDITED_LISTED = 200;

/** The file as the consolidated portfolio would keep it: its office, period, version and rows. */
async function readReceipt(db: Db, file: string, o: ReceiveOptions): Promise<Read> {
  const fileName = basename(file);
  const { currencyCode, currencyDigits } = getSettings(db);
  try {
    const pkg = await readPackage(file);
    // Amounts are kept in the currency's minor units: another currency cannot be added to the nation's.
    const { currencyCode: code, currencyDigits: digits } = pkg.meta;
    // Format 1 names its currency but not its decimals: the code alone is checked then.
    const otherDigits = digits !== undefined && Number(digits) !== currencyDigits;
    const foreign = code !== undefined && (code !== currencyCode || otherDigits);
    const named = (c: string, d: number | undefined) => (otherDigits ? `${c} (${d})` : c);
    return {
      currency: foreign
        ? bilingual('receive.currency', {
            theirs: named(code, digits === undefined ? undefined : Number(digits)),
            ours: named(currencyCode, currencyDigits),
          })
        : null,
      office: { code: pkg.meta.officeCode, name: pkg.meta.officeName },
      period: pkg.meta.period,
      version: pkg.meta.version,
      provenance: 'package',
      submittedAt: pkg.meta.submittedAt,
      fileName,
      sha256: pkg.sha256,
      declaredSha256: pkg.meta.sha256,
      modified: !pkg.intact,
      snapshot: pkg.snapshot,
      edited: pkg.intact
        ? null
        : {
            labels: !pkg.labelsIntact,
            rows: pkg.differs && pkg.differs.slice(0, EDITED_LISTED),
            count: pkg.differs && pkg.differs.length,
          },
    };
  } catch (e) {
    if (!(e instanceof AppError) || e.code !== 'FOREIGN_FILE') throw e;
    if (!o.office || !o.period) throw new AppError('FOREIGN_FILE', bilingual('errors.templateNeedsOffice'));
  }
  // An office still on Excel: the import template, filled by hand, read as an import would.
  const office = getOffice(db, o.office);
  if (!office) throw new AppError('NOT_FOUND', bilingual('errors.noOffice', { code: o.office }));
  // Read with the ministry's currency, so its amounts are in the same minor units as the nation's.
  const start = emptySnapshot({ currencyCode, currencyDigits });
  const snapshot = await withSnapshotDb(start, new Date().toISOString(), async (scratch) => {
    const { result } = await streamImport(scratch, file, { skipInvalid: false, fileName });
    if (!result) throw new AppError('INVALID_INPUT', bilingual('receive.templateInvalid'));
    const { settings: _settings, ...rows } = takeSnapshot(scratch);
    return withStableIds(rows as Snapshot);
  });
  const versions = listReceived(db, { office: office.code, period: o.period }).map((r) => r.version);
  return {
    office: { code: office.code, name: office.name },
    period: o.period,
    version: Math.max(0, ...versions) + 1,
    provenance: 'template',
    submittedAt: null,
    fileName,
    sha256: snapshotHash(snapshot),
    declaredSha256: null,
    modified: false,
    snapshot,
    edited: null,
    currency: null,
  };
}
