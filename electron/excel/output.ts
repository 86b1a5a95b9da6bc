/**
 * Where the program may write a file it makes (a report, a template, a matrix or findings
 * workbook, an image, a PDF): never over the open portfolio or its backups, never over a file of
 * another kind, and over an earlier file of the same kind only when the user said so.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { backupsDir } from '../../db/backup-store';
import { AppError } from '../../db/core/errors';
import { isSameFile, readHead } from '../../db/safe-file';
import { checkWorkbookFile } from './import/zipcheck';
import { bilingual, type MessageKey } from '../../db/core/messages';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether an existing file is of the kind its name says (so replacing it loses nothing else). */
function sameKind(file: string): boolean {
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') {
    try {
      // Only a real .xlsx: a CSV or an old .xls under that name is someone's other file.
      return checkWorkbookFile(file).format === 'xlsx';
    } catch {
      return false;
    }
  }
  if (ext === '.png') return readHead(file, 8).equals(PNG_MAGIC);
  if (ext === '.pdf') return readHead(file, 5).toString('latin1') === '%PDF-';
  return false;
}

const refuse = (key: MessageKey, file: string): AppError =>
  new AppError('CONFLICT', bilingual(key, { file }), { file });

/**
 * Checks a target before anything is written; returns its full path. `force` allows replacing an
 * earlier file of the same kind (the user agreed, or the system's save dialog asked).
 */
export function checkOutputTarget(target: string, options: { force?: boolean; portfolio?: string } = {}): string {
  const file = resolve(target);
  if (options.portfolio) {
    const p = resolve(options.portfolio);
    if (['', '-wal', '-shm', '-journal'].some((suffix) => isSameFile(p + suffix, file))) {
      throw refuse('errors.outputOverPortfolio', file);
    }
    if (isSameFile(dirname(file), backupsDir(p))) {
      throw refuse('errors.outputInBackups', file);
    }
  }
  if (!existsSync(file)) return file;
  if (!statSync(file).isFile() || !sameKind(file)) {
    throw refuse('errors.outputOtherKind', file);
  }
  if (!options.force) {
    throw new AppError('FILE_EXISTS', bilingual('errors.outputExists', { file }));
  }
  return file;
}
