/**
 * The only door from the renderer to the program's data. In Electron the preload puts
 * `window.api` on the page; in a browser against the web host, calls go over HTTP to the
 * same dispatcher. Either way a call resolves to its value or rejects with an ApiFailure.
 */
import type { ApiResult, InputOf, OperationName, OutputOf } from '../db/core/contract';
import { bilingual } from '../db/core/messages';
import type { ApiError } from '../db/core/results';

interface Bridge {
  invoke(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Electron only: the page as printed, in PDF. A browser prints with its own dialog instead. */
  printPdf?(): Promise<Uint8Array>;
}

declare global {
  interface Window {
    api?: Bridge;
  }
}

export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message.en);
  }
}

async function overHttp(name: string, input: unknown): Promise<ApiResult<unknown>> {
  try {
    const res = await fetch('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name, input }),
    });
    return (await res.json()) as ApiResult<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'NETWORK',
        message: bilingual('errors.network'),
      },
    };
  }
}

export async function call<N extends OperationName>(
  name: N,
  ...args: undefined extends InputOf<N> ? [input?: InputOf<N>] : [input: InputOf<N>]
): Promise<OutputOf<N>> {
  const input = args[0];
  const result = window.api ? await window.api.invoke(name, input) : await overHttp(name, input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value as OutputOf<N>;
}
