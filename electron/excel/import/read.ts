/**
 * Reads a workbook off the calling thread: the file is checked first (zip directory, sizes),
 * then parsed in a worker with a heap limit and a time limit, and can be cancelled. A refused
 * or unreadable file throws an AppError with a bilingual message; nothing is ever written.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../../../db/core/errors';
import type { Field } from './fields';
import { normalizeHeader } from './headers';
import type { RowsResult } from './rows';
import type { ParsedSheet, SheetHeader, WorkerInput, WorkerMessage } from './worker';
import { checkWorkbookFile, REFUSALS, sheetNames, workbookSheets } from './zipcheck';
import { bilingual } from '../../../db/core/messages';

export interface ReadOptions {
  /** Header text → field (or null to ignore), as the user corrected or saved it. */
  mapping?: Record<string, Field | null>;
  onProgress?: (rowsRead: number) => void;
  signal?: AbortSignal;
  /** Defaults grow with the file: a bomb or a hang is cut off, a large register is not. */
  timeoutMs?: number;
  maxRows?: number;
  heapMb?: number;
  /**
   * When no header row names a known field, return the first row's headers (score 0) so the
   * user can map them by hand, instead of refusing the file. The screens ask for this; the CLI
   * does not (a --map file is its way).
   */
  allowUnmapped?: boolean;
  /** The sheet to read, by name (hidden or not); otherwise the one most like a register. */
  sheet?: string;
  /** The file's name as the user knows it (the app reads an uploaded copy): names a CSV's one sheet. */
  sourceName?: string;
}

export const CANCELLED = (): AppError => new AppError('CANCELLED', bilingual('errors.cancelled'));

/**
 * The worker's entry: the bundled file in the app; under tsx and vitest, the TypeScript source
 * behind tsx's require hook (a worker thread does not inherit the parent's loader).
 */
function startWorker(workerData: WorkerInput, heapMb: number): Worker {
  // A young generation of 8 MB: the worker's batches are short-lived, and V8's default let the
  // 50,000-row import peak at ~300 MB (now ~275 MB) for no gain in time.
  const resourceLimits = { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 8 };
  // TAJAMMU_EXCEL_WORKER lets the benchmark time the bundled worker the app ships.
  const bundled = process.env.TAJAMMU_EXCEL_WORKER ?? join(__dirname, 'excel-worker.js');
  // The bundled worker needs no loader: not inheriting tsx's --import spares ~0.2 s of start.
  if (existsSync(bundled)) return new Worker(bundled, { workerData, resourceLimits, execArgv: [] });
  const source = JSON.stringify(join(__dirname, 'worker.ts'));
  // Resolved here: the eval'd worker resolves modules from the working directory, which may be
  // any folder the command line was run from.
  const tsx = JSON.stringify(require.resolve('tsx/cjs/api'));
  return new Worker(`require(${tsx}).register(); require(${source});`, {
    eval: true,
    workerData,
    resourceLimits,
  });
}

/** Where streamed rows go, as they are read. A throw stops the read and rejects it. */
export interface RowSink {
  /** The table is (from now on) this sheet's; rows given before belong to another sheet. */
  sheet(header: SheetHeader): void;
  /** A batch of the table's rows, read into records. */
  records(result: RowsResult): void;
}

/**
 * Reads the table's rows into `sink` batch by batch while the worker parses on; resolves with
 * the table's header and the other sheets' scores (its `rows` are empty: they went to the sink).
 */
export async function streamWorkbook(
  file: string,
  options: ReadOptions & { currencyDigits: number },
  sink: RowSink,
): Promise<ParsedSheet> {
  const check = checkWorkbookFile(file);
  if (options.signal?.aborted) throw CANCELLED();
  // No prototype: a header named "__proto__" or "constructor" is a key like any other.
  const overrides: Record<string, Field | null> = Object.create(null) as Record<string, Field | null>;
  for (const [header, field] of Object.entries(options.mapping ?? {})) overrides[normalizeHeader(header)] = field;
  const sheets = check.zip ? workbookSheets(file, check.zip) : [];
  const input: WorkerInput = {
    file,
    overrides,
    maxRows: options.maxRows ?? 200_000,
    maxColumns: 300,
    sheetNames: sheetNames(sheets),
    hidden: sheets.filter((s) => s.hidden).map((s) => s.name),
    sheet: options.sheet,
    format: check.format,
    sourceName: (options.sourceName ?? basename(file)).replace(/\.[^.]*$/, ''),
    currencyDigits: options.currencyDigits,
  };
  // .xls and CSV are not compressed; .ods and .xlsx by their declared unpacked size.
  const timeoutMs = options.timeoutMs ?? 20_000 + (check.zip?.uncompressedBytes ?? check.bytes * 3) / 10_000;
  const worker = startWorker(input, options.heapMb ?? 1024);

  return new Promise<ParsedSheet>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(new AppError('INVALID_INPUT', bilingual('errors.readTimeout'), { reason: 'timeout', timeoutMs })),
        ),
      timeoutMs,
    );
    const onAbort = () => finish(() => reject(CANCELLED()));
    options.signal?.addEventListener('abort', onAbort);
    worker.on('message', (m: WorkerMessage) => {
      if (settled) return;
      if (m.type === 'progress') options.onProgress?.(m.rows);
      else if (m.type === 'sheet' || m.type === 'records') {
        try {
          if (m.type === 'sheet') sink.sheet(m.header);
          else sink.records(m.result);
        } catch (e) {
          finish(() => reject(e));
        }
      } else if (m.type === 'done') {
        finish(() =>
          m.result && (m.result.score > 0 || options.allowUnmapped) ? resolve(m.result) : reject(noTable()),
        );
      } else {
        finish(() =>
          reject(
            m.reason === 'unreadable'
              ? REFUSALS.truncated()
              : m.reason === 'no_such_sheet'
                ? noSuchSheet(m.sheet ?? '', m.sheets ?? [])
                : tooLarge(m.reason, m.sheet),
          ),
        );
      }
    });
    worker.on('error', (e: Error & { code?: string }) =>
      finish(() => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? REFUSALS.bomb() : REFUSALS.truncated())),
    );
    worker.on('exit', (code) => {
      if (code !== 0) finish(() => reject(REFUSALS.truncated()));
    });
  });
}

function noTable(): AppError {
  return new AppError('INVALID_INPUT', bilingual('errors.noTable'), { reason: 'no_table' });
}

function noSuchSheet(sheet: string, sheets: string[]): AppError {
  return new AppError(
    'INVALID_INPUT',
    bilingual('errors.noSuchSheet', {
      sheet,
      sheets: { ar: sheets.map((s) => `«${s}»`).join('، '), en: sheets.map((s) => `"${s}"`).join(', ') },
    }),
    { reason: 'no_such_sheet', sheets },
  );
}

function tooLarge(reason: string, sheet = ''): AppError {
  return new AppError('INVALID_INPUT', bilingual('errors.tooLarge', { sheet }), { reason, sheet });
}
