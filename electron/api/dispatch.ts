import { z } from 'zod';
import type { Db } from '../../db/connection';
import { AppError } from '../../db/errors';
import type { AuditSource } from '../../db/model';
import { type ApiError, type ApiResult, contract, isOperationName, type OperationName } from './contract';
import { handlers } from './handlers';

export interface DispatchContext {
  db: Db;
  source: AuditSource;
}

/**
 * The one entry point of all three transports: validates the input against the contract, runs
 * the handler, and turns every failure into a plain, bilingual error object. Never throws.
 */
export async function dispatch(ctx: DispatchContext, name: unknown, input: unknown): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) {
    return fail({
      code: 'UNKNOWN_OPERATION',
      message: {
        ar: `عملية غير معروفة: ${String(name).slice(0, 80)}`,
        en: `Unknown operation: ${String(name).slice(0, 80)}`,
      },
    });
  }
  const parsed = contract[name].input.safeParse(input);
  if (!parsed.success) return fail(invalidInput(parsed.error));
  try {
    const handler = handlers[name] as (input: unknown, ctx: DispatchContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (e) {
    return fail(toApiError(e, name));
  }
}

const fail = (error: ApiError): ApiResult<never> => ({ ok: false, error });

function invalidInput(error: z.ZodError): ApiError {
  const issues = error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const fields = [...new Set(issues.map((i) => i.path || '—'))].join('، ');
  return {
    code: 'INVALID_INPUT',
    message: {
      ar: `بيانات غير صالحة في: ${fields}`,
      en: `Invalid data in: ${fields.replace(/، /g, ', ')}`,
    },
    details: { issues },
  };
}

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
