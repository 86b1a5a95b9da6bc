/**
 * The submission package: the ministry report of the period, which a person reads in Excel, with
 * a machine part in very hidden sheets that the ministry's Tajammu reads exactly: `pkg_meta`
 * (format, office, period, version, times, counts, the SHA-256) and one `pkg_<table>` sheet per
 * table of the frozen snapshot, a header row of column names and the rows as they were.
 */
import { createHash } from 'node:crypto';
import type * as ExcelJS from 'exceljs';
import program from '../../package.json';
import { schemaVersion, type Db } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { OFFICE_CODE } from '../../db/core/model';
import { PERIOD_PATTERN } from '../../db/core/period';
import { bilingual } from '../../db/core/messages';
import {
  canonical,
  differingRows,
  type RowDifference,
  type RowHash,
  rowHashes,
  type Snapshot,
  snapshotHash,
  SNAPSHOT_TABLES,
} from '../../db/snapshot';
import { getSettings } from '../../db/repos/settings';
import type { Lang } from './labels';
import type { ChangesDetail } from '../../db/core/results';
import { writeReport } from './report';
import { addSheet } from './sheet';
import { cellValue, readKeyValues, writeKeyValues } from './machine';

export const PACKAGE_FORMAT = 'tajammu-package';
/**
 * 2 adds the currency, a hash of the labels (office, period, version…) and a hash per row;
 * packages of format 1 are still read, their rows checked by the one SHA-256 alone.
 */
export const PACKAGE_FORMAT_VERSION = 2;
const PROGRAM_VERSION = program.version;

export interface PackageMeta {
  format: string;
  formatVersion: number;
  agency: string;
  officeCode: string;
  officeName: string;
  period: string;
  version: number;
  submittedAt: string;
  programVersion: string;
  schemaVersion: number;
  counts: Record<string, number>;
  sha256: string;
  /** Format 2: the currency the amounts are in (minor units of it). */
  currencyCode?: string;
  currencyDigits?: number;
  /** Format 2: SHA-256 over the labels above (everything but itself), so a relabelled package shows. */
  labelsSha256?: string;
}

/** What labelsSha256 covers, in this order. */
const LABELS = [
  'format',
  'formatVersion',
  'agency',
  'officeCode',
  'officeName',
  'period',
  'version',
  'submittedAt',
  'programVersion',
  'schemaVersion',
  'counts',
  'sha256',
  'currencyCode',
  'currencyDigits',
] as const;

const labelsHash = (meta: PackageMeta) =>
  createHash('sha256')
    .update(JSON.stringify(LABELS.map((k) => canonical(k === 'counts' ? JSON.stringify(meta.counts) : meta[k]))))
    .digest('hex');

/** Writes the package of a submission: the report for its period and the snapshot's rows. */
export async function writePackage(
  db: Db,
  out: string,
  o: {
    lang: Lang;
    period: string;
    version: number;
    snapshot: Snapshot;
    submittedAt: string;
    changes?: ChangesDetail;
  },
): Promise<PackageMeta> {
  const settings = getSettings(db);
  const meta: PackageMeta = {
    format: PACKAGE_FORMAT,
    formatVersion: PACKAGE_FORMAT_VERSION,
    agency: settings.agencyName,
    officeCode: settings.officeCode,
    officeName: settings.officeName,
    period: o.period,
    version: o.version,
    submittedAt: o.submittedAt,
    programVersion: PROGRAM_VERSION,
    schemaVersion: schemaVersion(db),
    counts: Object.fromEntries(SNAPSHOT_TABLES.map((t) => [t, o.snapshot.tables[t].rows.length])),
    sha256: snapshotHash(o.snapshot),
    currencyCode: settings.currencyCode,
    currencyDigits: settings.currencyDigits,
  };
  meta.labelsSha256 = labelsHash(meta);
  await writeReport(db, out, {
    lang: o.lang,
    period: o.period,
    now: new Date(o.submittedAt),
    changes: o.changes,
    extra: (wb) => writeMachinePart(wb, meta, o.snapshot),
  });
  return meta;
}

function writeMachinePart(wb: ExcelJS.stream.xlsx.WorkbookWriter, meta: PackageMeta, s: Snapshot): void {
  const sheet = (name: string) => addSheet(wb, { name, rtl: false, footer: '', state: 'veryHidden' }, 0);
  writeKeyValues(sheet('pkg_meta'), { ...meta });
  for (const table of SNAPSHOT_TABLES) {
    const ws = sheet(`pkg_${table}`);
    ws.addRow(s.tables[table].columns).commit();
    for (const row of s.tables[table].rows) ws.addRow(row).commit();
    ws.commit();
  }
  const rows = sheet('pkg_rows');
  rows.addRow(['table', 'key', 'hash']).commit();
  for (const r of rowHashes(s)) rows.addRow(r).commit();
  rows.commit();
}

export interface ReadPackage {
  meta: PackageMeta;
  snapshot: Snapshot;
  /** The hash of the rows as they are in the file now. */
  sha256: string;
  /** Whether the rows and labels are those the office sent (the hashes it wrote match them). */
  intact: boolean;
  /** Format 2: whether the labels (office, period, version, currency…) are those it wrote. */
  labelsIntact: boolean;
  /** Format 2, when the rows do not match: which rows were edited, added or removed. */
  differs: RowDifference[] | null;
}

/** Reads a package's machine part back; refused in both languages when it has none. */
export async function readPackage(file: string): Promise<ReadPackage> {
  const refuse = (reason: string) => new AppError('FOREIGN_FILE', bilingual('errors.notPackage', { reason }));
  const { wb, values: raw } = await readKeyValues(file, 'pkg_meta', refuse);
  if (!raw) throw refuse('pkg_meta');
  if (raw.format !== PACKAGE_FORMAT) throw refuse(String(raw.format));
  let counts: unknown;
  try {
    counts = JSON.parse(String(raw.counts ?? '{}'));
  } catch {
    throw refuse('counts');
  }
  const meta = { ...raw, counts, version: Number(raw.version) } as PackageMeta;
  const v2 = Number(meta.formatVersion) >= 2;
  // What the package says it is must be well formed: the ministry files it under these.
  if (!OFFICE_CODE.test(String(meta.officeCode))) throw refuse('officeCode');
  if (!PERIOD_PATTERN.test(String(meta.period))) throw refuse('period');
  if (!Number.isInteger(meta.version) || meta.version < 1) throw refuse('version');
  if (Number.isNaN(Date.parse(String(meta.submittedAt)))) throw refuse('submittedAt');
  if (!/^[0-9a-f]{64}$/.test(String(meta.sha256))) throw refuse('sha256');
  if (v2 && !/^[A-Z]{3}$/.test(String(meta.currencyCode))) throw refuse('currencyCode');
  if (v2 && !Number.isInteger(Number(meta.currencyDigits))) throw refuse('currencyDigits');
  const tables = {} as Snapshot['tables'];
  for (const table of SNAPSHOT_TABLES) {
    const ws = wb.getWorksheet(`pkg_${table}`);
    if (!ws) throw refuse(`pkg_${table}`);
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: false }, (row) => rows.push((row.values as unknown[]).slice(1)));
    const columns = (rows.shift() ?? []).map(String);
    tables[table] = {
      columns,
      // Cells past the last value come back missing: as empty as the office left them.
      rows: rows.map((r) => columns.map((_, i) => canonical(cellValue(r[i])))),
    };
  }
  const snapshot = { tables };
  const sha256 = snapshotHash(snapshot);
  const rowsIntact = sha256 === meta.sha256;
  if (!v2) {
    // Format 1 named its currency only in the report's own hidden sheet.
    let currency: unknown;
    wb.getWorksheet('meta')?.eachRow((row) => {
      if (row.getCell(1).value === 'currency') currency = cellValue(row.getCell(2).value);
    });
    if (typeof currency === 'string' && currency) meta.currencyCode = currency;
    return { meta, snapshot, sha256, intact: rowsIntact, labelsIntact: true, differs: null };
  }
  const labelsIntact = labelsHash(meta) === meta.labelsSha256;
  // The rows' hashes are read only when the rows do not match: a package intact without them is intact.
  const listed = rowsIntact ? null : wb.getWorksheet('pkg_rows');
  const hashes: RowHash[] = [];
  listed?.eachRow({ includeEmpty: false }, (row, n) => {
    if (n > 1) hashes.push([1, 2, 3].map((i) => String(cellValue(row.getCell(i).value) ?? '')) as RowHash);
  });
  const differs = rowsIntact ? [] : listed ? differingRows(snapshot, hashes) : null;
  return {
    meta,
    snapshot,
    sha256,
    intact: rowsIntact && labelsIntact,
    labelsIntact,
    // Rows that differ by their order alone (or a sheet of hashes gone): modified, the rows not named.
    differs: differs && !rowsIntact && differs.length === 0 ? null : differs,
  };
}
