import { AppError } from '../../db/core/errors';
import type { OperationName } from '../../db/core/contract';
import type { ApiError } from '../../db/core/results';
import { bilingual } from '../../db/core/messages';

/** Maps what a handler threw onto the stable error codes; unexpected failures become INTERNAL. */
export function toApiError(e: unknown, operation?: OperationName): ApiError {
  if (e instanceof AppError) {
    return { code: e.code, message: e.bilingual, ...(e.details === undefined ? {} : { details: e.details }) };
  }
  const sqlCode = (e as { code?: unknown }).code;
  // SQLite's extended codes (SQLITE_IOERR_WRITE) fall under their primary one.
  const disk =
    typeof sqlCode === 'string'
      ? (DISK_FAILURES[sqlCode] ?? DISK_FAILURES[sqlCode.split('_').slice(0, 2).join('_')])
      : undefined;
  if (disk) {
    return {
      code: 'WRITE_FAILED',
      message: disk,
      details: { operation, system: sqlCode, reason: e instanceof Error ? e.message : String(e) },
    };
  }
  if (typeof sqlCode === 'string' && sqlCode.startsWith('SQLITE_')) {
    if (sqlCode === 'SQLITE_BUSY' || sqlCode === 'SQLITE_LOCKED') {
      return {
        code: 'BUSY',
        message: bilingual('errors.busy'),
      };
    }
    if (sqlCode.startsWith('SQLITE_CONSTRAINT')) {
      return {
        code: 'INVALID_INPUT',
        message: bilingual('errors.constraint'),
        details: { sqlite: sqlCode, reason: (e as Error).message },
      };
    }
  }
  return {
    code: 'INTERNAL',
    // The system's own text is English: it goes in the details, never inside the Arabic message.
    message: bilingual('errors.internal'),
    details: { operation, reason: e instanceof Error ? e.message : String(e) },
  };
}

const FULL = bilingual('errors.diskFull');
const READ_ONLY = bilingual('errors.notWritable');
const MOVED = bilingual('errors.fileMoved');
const IO = bilingual('errors.driveFailed');

/** Failures of the disk itself, from Node or SQLite, told in words a user can act on. */
const DISK_FAILURES: Record<string, { ar: string; en: string }> = {
  ENOSPC: FULL,
  EDQUOT: FULL,
  SQLITE_FULL: FULL,
  EROFS: READ_ONLY,
  EACCES: READ_ONLY,
  // On Windows, EPERM and EBUSY also mean another program holds the file (a report open in Excel).
  EPERM: READ_ONLY,
  EBUSY: READ_ONLY,
  SQLITE_READONLY_DBMOVED: MOVED,
  // A file standing where a folder should be (or the reverse): nothing can be written there.
  ENOTDIR: READ_ONLY,
  EISDIR: READ_ONLY,
  SQLITE_READONLY: READ_ONLY,
  SQLITE_CANTOPEN: READ_ONLY,
  EIO: IO,
  SQLITE_IOERR: IO,
};
