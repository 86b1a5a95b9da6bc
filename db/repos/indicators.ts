import { z } from 'zod';
import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { type Indicator, IndicatorCreate, type IndicatorValue, IndicatorUpdate } from '../core/model';
import type { WriteContext } from './audit';
import { assertExists } from './guards';
import { defineTable } from './table';

/** Indicator rows; their values per reporting period live in `indicator_values`. */
const indicatorsTable = defineTable<Indicator>({
  table: 'indicators',
  entity: 'indicator',
  derived: ['values'],
  orderBy: 'created_at, name',
});

function loadValues(db: Db, indicator: Indicator): Indicator {
  const values = stmt(db, 'SELECT period, value FROM indicator_values WHERE indicator_id = ? ORDER BY period').all(
    indicator.id,
  ) as IndicatorValue[];
  return { ...indicator, values };
}

/** Values as stored: the last value given for a period wins, as when a clerk corrects a figure in place. */
const canonical = (values: readonly IndicatorValue[]): IndicatorValue[] =>
  [...new Map(values.map((v) => [v.period, v.value]))]
    .map(([period, value]) => ({ period, value }))
    .sort(comparePeriods);

function saveValues(db: Db, id: string, values: readonly IndicatorValue[]): IndicatorValue[] {
  const stored = canonical(values);
  stmt(db, 'DELETE FROM indicator_values WHERE indicator_id = ?').run(id);
  const insert = stmt(db, 'INSERT INTO indicator_values (indicator_id, period, value) VALUES (?, ?, ?)');
  for (const { period, value } of stored) insert.run(id, period, value);
  return stored;
}

const comparePeriods = (a: IndicatorValue, b: IndicatorValue): number =>
  a.period < b.period ? -1 : a.period > b.period ? 1 : 0;

export const getIndicator = (db: Db, id: string): Indicator => loadValues(db, indicatorsTable.get(db, id));

export function findIndicator(db: Db, id: string): Indicator | undefined {
  const found = indicatorsTable.find(db, id);
  return found && loadValues(db, found);
}

export const listIndicators = (db: Db, initiativeId: string): Indicator[] =>
  indicatorsTable.list(db, 'initiative_id = @initiativeId', { initiativeId }).map((i) => loadValues(db, i));

/** Every indicator with its values, in two queries: the report reads them all at once. */
export function listAllIndicators(db: Db): Indicator[] {
  const values = new Map<string, IndicatorValue[]>();
  for (const v of stmt(
    db,
    'SELECT indicator_id, period, value FROM indicator_values ORDER BY indicator_id, period',
  ).all() as {
    indicator_id: string;
    period: string;
    value: number;
  }[]) {
    const list = values.get(v.indicator_id) ?? [];
    list.push({ period: v.period, value: v.value });
    values.set(v.indicator_id, list);
  }
  return indicatorsTable.list(db).map((i) => ({ ...i, values: values.get(i.id) ?? [] }));
}

export function createIndicator(db: Db, ctx: WriteContext, input: z.infer<typeof IndicatorCreate>): Indicator {
  return tx(db, () => {
    assertExists(db, 'initiatives', 'initiative', input.initiativeId);
    const values = input.values ?? [];
    const row = indicatorsTable.insert(db, ctx, {
      unit: '',
      baseline: null,
      target: null,
      ...input,
      values,
    });
    return { ...row, values: saveValues(db, row.id, values) };
  });
}

export function updateIndicator(db: Db, ctx: WriteContext, input: z.infer<typeof IndicatorUpdate>): Indicator {
  const { id, ...patch } = input;
  return tx(db, () => {
    const before = getIndicator(db, id);
    const values = canonical(patch.values ?? before.values);
    // Saved as it was (its values are kept outside the row the table compares): nothing written,
    // no empty edit in the history.
    const unchanged = (Object.keys(patch) as (keyof typeof patch)[]).every(
      (k) => k === 'values' || patch[k] === undefined || patch[k] === before[k],
    );
    if (unchanged && JSON.stringify(values) === JSON.stringify(before.values)) return before;
    const updated = indicatorsTable.update(db, ctx, id, { ...patch, values });
    return { ...updated, values: saveValues(db, id, updated.values) };
  });
}

export function deleteIndicator(db: Db, ctx: WriteContext, id: string): Indicator {
  return tx(db, () => {
    const before = getIndicator(db, id);
    indicatorsTable.remove(db, ctx, id);
    return before;
  });
}
