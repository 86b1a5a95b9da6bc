/**
 * The one import pipeline, for the app and the command line alike: the worker reads the sheet
 * (read.ts), each batch of rows becomes records cell by cell (rows.ts), and the records are
 * planned against the portfolio with the model's rules (plan.ts). The app shows the plan as a
 * preview and writes it when the user says so (commit.ts); the command line attaches the writer
 * to the batches, inside its transaction (stream.ts). Nothing here writes.
 */
import type { Db } from '../../../db/connection';
import { getSettings } from '../../../db/repos/settings';
import { createPlanner, type ImportPlan, type PlanOptions, type Planner } from './plan';
import { type ReadOptions, streamWorkbook } from './read';
import { type RecordReader, recordReader } from './rows';

export interface PlanHooks {
  /** A later sheet turned out to be the table: whatever was done with the earlier one goes. */
  restart?(): void;
  /** The plan has grown by a batch of rows. */
  planned?(plan: ImportPlan): void;
}

/** Reads the workbook and plans its rows batch by batch, while the worker parses on. */
export async function planWhileReading(
  db: Db,
  file: string,
  options: ReadOptions & PlanOptions,
  hooks: PlanHooks = {},
): Promise<ImportPlan> {
  const { currencyDigits } = getSettings(db);
  let planner: Planner | null = null;
  let reader: RecordReader | null = null;
  const header = await streamWorkbook(file, options, {
    sheet(h) {
      if (planner) hooks.restart?.();
      planner = createPlanner(db, h, currencyDigits, options);
      reader = recordReader(h, currencyDigits, h.date1904);
    },
    rows(rows) {
      planner!.add(reader!.read(rows));
      hooks.planned?.(planner!.plan);
    },
  });
  const done = (planner as Planner | null) ?? createPlanner(db, header, currencyDigits, options);
  // Rows whose numbers needed their whole column (columns.ts) are planned last.
  const rest = (reader as RecordReader | null)?.end();
  if (rest && (rest.records.length > 0 || rest.errors.length > 0)) {
    done.add(rest);
    hooks.planned?.(done.plan);
  }
  const plan = done.finish();
  plan.otherSheets = header.otherSheets;
  return plan;
}
