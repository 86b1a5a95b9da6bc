import { AppError } from '../../db/core/errors';
import type { OperationName } from '../../db/core/contract';
import type { ApiError } from '../../db/core/results';

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
        message: {
          ar: 'ملف المحفظة مشغول ببرنامج آخر. أعد المحاولة بعد قليل.',
          en: 'The portfolio file is busy in another program. Try again in a moment.',
        },
      };
    }
    if (sqlCode.startsWith('SQLITE_CONSTRAINT')) {
      return {
        code: 'INVALID_INPUT',
        message: {
          ar: 'رُفض التغيير لأنه يخالف قواعد البيانات المحفوظة.',
          en: 'The change was refused because it breaks a rule of the stored data.',
        },
        details: { sqlite: sqlCode, reason: (e as Error).message },
      };
    }
  }
  return {
    code: 'INTERNAL',
    // The system's own text is English: it goes in the details, never inside the Arabic message.
    message: {
      ar: 'حدث خطأ غير متوقع، ولم يُحفظ أي تغيير.',
      en: 'An unexpected error occurred; no change was saved.',
    },
    details: { operation, reason: e instanceof Error ? e.message : String(e) },
  };
}

const FULL = {
  ar: 'القرص ممتلئ، فلم يُحفظ شيء. أفرغ مساحة أو اختر قرصًا آخر ثم أعد المحاولة.',
  en: 'The disk is full, so nothing was saved. Free some space or choose another drive, then try again.',
};
const READ_ONLY = {
  ar: 'تعذرت الكتابة في هذا المكان (للقراءة فقط، أو دون صلاحية، أو الملف مفتوح في برنامج آخر)، فلم يُحفظ شيء.',
  en: 'This place could not be written to (read-only, no permission, or the file is open in another program), so nothing was saved.',
};
const MOVED = {
  ar: 'نُقل ملف المحفظة أو حُذف وهو مفتوح، فلم يُحفظ شيء. احفظ نسخة من المحفظة المفتوحة في مكان آخر.',
  en: 'The portfolio file was moved or deleted while open, so nothing was saved. Save a copy of the open portfolio elsewhere.',
};
const IO = {
  ar: 'تعذرت القراءة من القرص أو الكتابة فيه (ربما فُصل)، فلم يُحفظ شيء.',
  en: 'The drive could not be read or written (it may have been removed), so nothing was saved.',
};

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
