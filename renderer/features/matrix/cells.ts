/** How the matrix screen shows a measure's value and colours its cells. */
import type { Measure } from '../../../db/queries/measures';
import type { Formatter } from '../../format';

export function show(fmt: Formatter, m: Measure, v: number | null): string | null {
  if (v === null) return null;
  if (m === 'budget' || m === 'spent') return fmt.money(v);
  if (m === 'progress' || m === 'achievement') return fmt.percent(v);
  return fmt.number(v);
}

/** Teal heat: the share of the scale sets the fill; text turns white where the fill is dark. */
export function heat(value: number | null, max: number): { bgcolor: string; color: string } {
  if (value === null || value <= 0 || max <= 0) return { bgcolor: 'transparent', color: 'text.primary' };
  const alpha = 0.12 + Math.min(1, value / max) * 0.78;
  return { bgcolor: `rgba(11, 93, 90, ${alpha.toFixed(2)})`, color: alpha > 0.5 ? '#fff' : 'text.primary' };
}
