/** How the matrix screen shows a measure's value and colours its cells. */
import { type Measure, MEASURE_UNIT } from '../../../db/core/measures';
import type { Formatter } from '../../../db/core/format';
import type { MatrixRow } from '../../../db/core/results';

/** A cell's text; amounts as plain grouped numbers, the table's header naming the currency once. */
export function show(fmt: Formatter, m: Measure, v: number | null): string | null {
  if (v === null) return null;
  if (MEASURE_UNIT[m] === 'money') return fmt.amount(v);
  if (MEASURE_UNIT[m] === 'percent') return fmt.percent(v);
  return fmt.number(v);
}

/**
 * Teal heat: the share of the scale sets the fill; text turns white where the fill is dark. An
 * achievement beyond its target colours as the target reached. The table and its image alike.
 */
export function heat(m: Measure, v: number | null, max: number): { bgcolor: string; color: string } {
  const value = m === 'achievement' && v !== null ? Math.min(v, 100) : v;
  if (value === null || value <= 0 || max <= 0) return { bgcolor: 'transparent', color: 'text.primary' };
  const alpha = 0.12 + Math.min(1, value / max) * 0.78;
  return { bgcolor: `rgba(11, 93, 90, ${alpha.toFixed(2)})`, color: alpha > 0.5 ? '#fff' : 'text.primary' };
}

/** Items by key, in their order; items without a key are left out. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** A region's subtotal row, or a cluster row with its place among the cluster rows shown. */
export type MatrixItem = { regionId: string; rows: MatrixRow[] } | { row: MatrixRow; index: number };

/** The matrix as drawn: each region's row, then its clusters unless the region is collapsed. */
export function matrixItems(rows: MatrixRow[], collapsed: ReadonlySet<string>): MatrixItem[] {
  const items: MatrixItem[] = [];
  let index = 0;
  for (const [regionId, group] of groupBy(rows, (r) => r.regionId)) {
    items.push({ regionId, rows: group });
    if (!collapsed.has(regionId)) for (const row of group) items.push({ row, index: index++ });
  }
  return items;
}
