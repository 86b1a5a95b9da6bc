/**
 * What to offer when a portfolio file is found damaged: its newest good backup, and which
 * records the damaged file and that backup disagree on, so the office knows what to re-enter.
 * Everything here reads; the damaged file is opened read-only and never written to.
 */
import Database from 'better-sqlite3';
import { checkPortfolioFile } from './backup';
import { type BackupInfo, listBackups } from './backup-store';
import { LATEST_VERSION } from './migrations';

export const COMPARED = ['regions', 'sectors', 'clusters', 'initiatives', 'indicators', 'indicator_values'] as const;
export type ComparedTable = (typeof COMPARED)[number];

export interface RecordDiff {
  table: ComparedTable;
  /** Records the damaged file holds that the backup lacks (work done since the backup). */
  onlyInFile: string[];
  /** Records of the backup the damaged file lacks (deleted since, or lost to the damage). */
  onlyInBackup: string[];
  /** Records in both whose fields differ. */
  changed: string[];
  /** Totals; the lists above stop at LIST_LIMIT names. */
  counts: { onlyInFile: number; onlyInBackup: number; changed: number };
}

export interface RecoveryOffer {
  /** The newest backup that passes the full integrity check; null when there is none. */
  backup: BackupInfo | null;
  differences: RecordDiff[];
  /** Tables of the damaged file that could not be read in full: any of their records may differ. */
  unreadable: ComparedTable[];
}

const LIST_LIMIT = 20;

/** Each compared table as (key, how a user recognises the record, the whole row). */
const READS: Record<ComparedTable, string> = {
  regions: "SELECT id AS k, code || ' — ' || name_ar AS label, * FROM regions",
  sectors: "SELECT id AS k, code || ' — ' || name_ar AS label, * FROM sectors",
  clusters: "SELECT id AS k, code || ' — ' || name_ar AS label, * FROM clusters",
  initiatives: "SELECT id AS k, code || ' — ' || title AS label, * FROM initiatives",
  indicators:
    "SELECT i.id AS k, n.code || ' — ' || i.name AS label, i.* FROM indicators i LEFT JOIN initiatives n ON n.id = i.initiative_id",
  indicator_values:
    "SELECT v.indicator_id || '/' || v.period AS k, coalesce(i.name, '?') || ' ' || v.period AS label, v.* FROM indicator_values v LEFT JOIN indicators i ON i.id = v.indicator_id",
};

export function recoveryOffer(file: string): RecoveryOffer {
  const backup = newestGoodBackup(file);
  if (!backup) return { backup: null, differences: [], unreadable: [] };
  return { backup, ...compareFiles(file, backup.path) };
}

export function newestGoodBackup(file: string): BackupInfo | null {
  for (const b of listBackups(file)) {
    if (b.counts === null || b.version === null || b.version > LATEST_VERSION) continue;
    if (checkPortfolioFile(b.path).ok) return b;
  }
  return null;
}

/** Record by record, what `file` holds that `backup` does not, and the other way round. */
export function compareFiles(file: string, backup: string): Omit<RecoveryOffer, 'backup'> {
  const differences: RecordDiff[] = [];
  const unreadable: ComparedTable[] = [];
  for (const table of COMPARED) {
    const { rows: mine, complete } = readTable(file, table);
    const theirs = readTable(backup, table).rows;
    if (!complete) unreadable.push(table);
    const diff: RecordDiff = {
      table,
      onlyInFile: [],
      onlyInBackup: [],
      changed: [],
      counts: { onlyInFile: 0, onlyInBackup: 0, changed: 0 },
    };
    const note = (kind: 'onlyInFile' | 'onlyInBackup' | 'changed', label: string) => {
      diff.counts[kind]++;
      if (diff[kind].length < LIST_LIMIT) diff[kind].push(label);
    };
    for (const [k, row] of mine) {
      const other = theirs.get(k);
      if (!other) note('onlyInFile', row.label);
      else if (other.body !== row.body) note('changed', row.label);
    }
    // What could not be read is not known to be missing: only a full read tells what was lost.
    if (complete) for (const [k, row] of theirs) if (!mine.has(k)) note('onlyInBackup', row.label);
    if (diff.counts.onlyInFile + diff.counts.onlyInBackup + diff.counts.changed > 0) differences.push(diff);
  }
  return { differences, unreadable };
}

interface Row {
  label: string;
  body: string;
}

/**
 * A table of a file read-only, row by row. Damage stops the read where it lies; the rows read
 * until then are kept (a bad page loses what is on it, not what came before).
 */
function readTable(file: string, table: ComparedTable): { rows: Map<string, Row>; complete: boolean } {
  const rows = new Map<string, Row>();
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    for (const r of db.prepare(READS[table]).iterate() as Iterable<Record<string, unknown>>) {
      const { k, label, ...fields } = r;
      rows.set(String(k), { label: String(label), body: JSON.stringify(fields) });
    }
    return { rows, complete: true };
  } catch {
    return { rows, complete: false };
  } finally {
    db?.close();
  }
}
