import { AppError } from '../../db/errors';
import type { ApiError, OperationName } from './contract';

/** Maps what a handler threw onto the stable error codes; unexpected failures become INTERNAL. */
export function toApiError(e: unknown, operation?: OperationName): ApiError {
  if (e instanceof AppError) {
    return { code: e.code, message: e.bilingual, ...(e.details === undefined ? {} : { details: e.details }) };
  }
  const sqlCode = (e as { code?: unknown }).code;
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
    message: {
      ar: 'حدث خطأ غير متوقع، ولم يُحفظ أي تغيير.',
      en: 'An unexpected error occurred; no change was saved.',
    },
    details: { operation, reason: e instanceof Error ? e.message : String(e) },
  };
}
