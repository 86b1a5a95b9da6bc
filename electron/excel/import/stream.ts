/**
 * The one-step import of the CLI: the one pipeline (pipeline.ts) with the writer attached, so
 * the rows are validated, planned and written while the worker still parses the rest of the file, inside one transaction that is rolled back if anything goes
 * wrong (an invalid row without --skip-invalid, a refused file, a cancel, a crash). Only for a
 * caller that owns the connection for the whole time: the app's preview-then-commit keeps the
 * transaction short because the user reviews in between.
 */
import { backupBeside } from '../../../db/backup';
import { requireOffice } from '../../../db/repos/ministry';
import type { Db } from '../../../db/connection';
import { createWriter, type ImportSource, keepBackupIfWritten, withFullSync } from './commit';
import { sha256File } from '.';
import { planWhileReading } from './pipeline';
import type { ImportPlan, PlanOptions } from './plan';
import type { ReadOptions } from './read';
import { checkWorkbookFile } from './zipcheck';
import type { ImportResult } from '../../../db/core/results';

export interface StreamImportOptions extends ReadOptions, PlanOptions {
  /** Write the valid rows even when others are invalid; otherwise any error writes nothing. */
  skipInvalid: boolean;
  fileName: string;
}

export interface StreamImportResult {
  plan: ImportPlan;
  /** Null when nothing was written because of invalid rows. */
  result: ImportResult | null;
}

export async function streamImport(db: Db, file: string, options: StreamImportOptions): Promise<StreamImportResult> {
  // A refused file is refused before the backup, so it leaves no trace at all.
  requireOffice(db);
  checkWorkbookFile(file);
  // One after the other: were the hash to fail beside a backup still being written, that
  // backup would be left behind, outside the rotation's care.
  const sha256 = await sha256File(file);
  const backup = await backupBeside(db, 'before-import', new Date(), { prune: false });
  const source: ImportSource = { fileName: options.fileName, sha256 };
  return keepBackupIfWritten(
    db,
    backup,
    () => writeWhileReading(db, file, options, backup, source),
    (o) => o.result?.backup != null,
  );
}

function writeWhileReading(
  db: Db,
  file: string,
  options: StreamImportOptions,
  backup: string,
  source: ImportSource,
): Promise<StreamImportResult> {
  return withFullSync(db, async () => {
    db.exec('BEGIN IMMEDIATE');
    db.exec('SAVEPOINT sheet');
    try {
      let writer = createWriter(db, source);
      const plan = await planWhileReading(
        db,
        file,
        { ...options, allowUnmapped: false },
        {
          restart() {
            // A later sheet names more fields: what the earlier one wrote goes.
            db.exec('ROLLBACK TO sheet');
            writer = createWriter(db, source);
          },
          planned(grown) {
            if (options.skipInvalid || grown.errors.length === 0) writer.apply(grown);
          },
        },
      );
      // Collisions left to `stop` write nothing, --skip-invalid or not: the user must choose.
      if ((plan.errors.length > 0 && !options.skipInvalid) || plan.collisions.length > 0) {
        rollback(db);
        return { plan, result: null };
      }
      const result = writer.finish(plan, backup);
      db.exec('RELEASE sheet');
      db.exec('COMMIT');
      return { plan, result };
    } catch (e) {
      rollback(db);
      throw e;
    }
  });
}

function rollback(db: Db): void {
  if (db.inTransaction) db.exec('ROLLBACK');
}
