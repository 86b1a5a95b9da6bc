/**
 * The one import pipeline, for the app and the command line alike: the worker reads the sheet
 * (read.ts) and turns each batch of rows into records cell by cell (rows.ts), and here the
 * records are planned against the portfolio with the model's rules (plan.ts). The app shows the plan as a
 * preview and writes it when the user says so (commit.ts); the command line attaches the writer
 * to the batches, inside its transaction (stream.ts). Nothing here writes.
 */
import type { Db } from '../../../db/connection';
import { getSettings } from '../../../db/repos/settings';
import { createPlanner, type ImportPlan, type PlanOptions, type Planner } from './plan';
import { type ReadOptions, streamWorkbook } from './read';

export interface PlanHooks {
  /** A later sheet turned out to be the table: whatever was done with the earlier one goes. */
  restart?(): void;
  /** The plan has grown by a batch of rows. */
  planned?(plan: ImportPlan): void;
}

/** Reads the workbook and plans its rows batch by batch, while the worker reads on. */
export async function planWhileReading(
  db: Db,
  file: string,
  options: ReadOptions & PlanOptions,
  hooks: PlanHooks = {},
): Promise<ImportPlan> {
  const { currencyDigits } = getSettings(db);
  let planner: Planner | null = null;
  const header = await streamWorkbook(
    file,
    { ...options, currencyDigits },
    {
      sheet(h) {
        if (planner) hooks.restart?.();
        planner = createPlanner(db, h, currencyDigits, options);
      },
      records(result) {
        planner!.add(result);
        hooks.planned?.(planner!.plan);
      },
    },
  );
  const plan = ((planner as Planner | null) ?? createPlanner(db, header, currencyDigits, options)).finish();
  plan.otherSheets = header.otherSheets;
  return plan;
}
