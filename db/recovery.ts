/**
 * What to offer when a portfolio file is found damaged: its newest good backup, and which
 * records the damaged file and that backup disagree on, so the office knows what to re-enter.
 * Everything here reads; the damaged file is opened read-only and never written to.
 */
import Database from 'better-sqlite3';
import { checkPortfolioFile } from './backup';
import { describeBackup, scanBackups } from './backup-store';
import { JOURNALED } from './changes';
import { LATEST_VERSION } from './migrations';
import type { BackupInfo, ComparedTable, RecordDiff, RecoveryOffer } from './core/results';

/** The portfolio's own tables but the settings: the records an office would re-enter. */
export const COMPARED = JOURNALED.filter((t): t is ComparedTable => t !== 'settings');

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
  // Newest first, each opened only until one passes: the older ones are not read at all.
  for (const entry of scanBackups(file)) {
    const b = describeBackup(entry);
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
    const theirs = new Map<string, Row>();
    readTable(backup, table, (k, row) => theirs.set(k, row));
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
    // The damaged file is streamed against the backup's rows: what is left of those is missing.
    const complete = readTable(file, table, (k, row) => {
      const other = theirs.get(k);
      if (!other) return note('onlyInFile', row.label);
      if (other.body !== row.body) note('changed', row.label);
      theirs.delete(k);
    });
    if (!complete) unreadable.push(table);
    // What could not be read is not known to be missing: only a full read tells what was lost.
    if (complete) for (const row of theirs.values()) note('onlyInBackup', row.label);
    if (diff.counts.onlyInFile + diff.counts.onlyInBackup + diff.counts.changed > 0) differences.push(diff);
  }
  return { differences, unreadable };
}

interface Row {
  label: string;
  body: string;
}

/**
 * A table of a file read-only, row by row. Damage stops the read where it lies; the rows before
 * it are still visited (a bad page loses what is on it, not what came before). True when whole.
 */
function readTable(file: string, table: ComparedTable, visit: (key: string, row: Row) => void): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    for (const r of db.prepare(READS[table]).raw(true).iterate() as Iterable<unknown[]>) {
      // Fields joined by a separator no text field holds; null kept apart from the empty text.
      const body = r
        .slice(2)
        .map((v) => (v === null ? '\u0000' : String(v)))
        .join('\u001f');
      visit(String(r[0]), { label: String(r[1]), body });
    }
    return true;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}
