/**
 * What a matrix cell shows, for the screen and the Excel export alike. Counts and money add up across cells; progress and indicator
 * achievement are averages, so totals divide sums by counts instead of adding percentages.
 */
import { AXIS_IDS } from './axes';
import type { MatrixRow } from './results';

/**
 * The counting rule, the one for every figure: an initiative counts unless it is cancelled
 * (completed ones count: they covered the axis). A cancelled initiative stays in the register,
 * marked, and counts nowhere else. Region-wide initiatives count in their region's and the
 * office's totals (they are the matrix's region-wide rows). The SQL of the matrix applies the
 * same rule; every total is a sum of matrix rows (sumRows).
 */
export const counts = (i: { status: string }): boolean => i.status !== 'cancelled';

/**
 * A gap (rule R1): a cluster selected for development with no live initiative on the axis,
 * whatever the view's filters; an empty cell under a filter is not a gap.
 */
export const isGap = (row: Pick<MatrixRow, 'selected' | 'covered'>, axis: number): boolean =>
  row.selected && !row.covered[axis - 1];

/** How many gaps a set of matrix rows holds. */
export const countGaps = (rows: readonly Pick<MatrixRow, 'selected' | 'covered'>[]): number =>
  rows.reduce((s, r) => s + AXIS_IDS.filter((a) => isGap(r, a)).length, 0);

/** What a matrix cell can show, named once for the screens, the contract, the sheets and the SQL. */
export const MEASURES = ['count', 'budget', 'spent', 'progress', 'achievement'] as const;
export type Measure = (typeof MEASURES)[number];
/** The measures summed from an initiative's own column; counts are always summed, achievement is apart. */
export const SUM_MEASURES = ['budget', 'spent', 'progress'] as const satisfies readonly Measure[];
export type SumMeasure = (typeof SUM_MEASURES)[number];
/** What a measure's values are: a count, money (the currency's minor unit) or a percentage (0–100). */
export const MEASURE_UNIT = {
  count: 'count',
  budget: 'money',
  spent: 'money',
  progress: 'percent',
  achievement: 'percent',
} as const satisfies Record<Measure, 'count' | 'money' | 'percent'>;
export const isSumMeasure = (m: string | undefined): m is SumMeasure => SUM_MEASURES.includes(m as SumMeasure);

/** The sums behind one cell, one row total, or a group of them. */
export interface Bucket {
  n: number;
  budget: number;
  spent: number;
  progressSum: number;
  achievementSum: number;
  achievementCount: number;
}

const EMPTY: Bucket = { n: 0, budget: 0, spent: 0, progressSum: 0, achievementSum: 0, achievementCount: 0 };

export function cellBucket(r: MatrixRow, axis: number): Bucket {
  const i = axis - 1;
  return {
    n: r.initiatives[i]!,
    budget: r.budget[i]!,
    spent: r.spent[i]!,
    progressSum: r.progressSum[i]!,
    achievementSum: r.achievementSum[i]!,
    achievementCount: r.achievementCount[i]!,
  };
}

/** The cluster's own total: each initiative once, however many axes it is on. */
export function rowBucket(r: MatrixRow): Bucket {
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    n: r.total.initiatives,
    budget: r.total.budget,
    spent: r.total.spent,
    progressSum: r.total.progressSum,
    achievementSum: sum(r.achievementSum),
    achievementCount: sum(r.achievementCount),
  };
}

export function addBuckets(buckets: Bucket[]): Bucket {
  const out = { ...EMPTY };
  for (const b of buckets) {
    out.n += b.n;
    out.budget += b.budget;
    out.spent += b.spent;
    out.progressSum += b.progressSum;
    out.achievementSum += b.achievementSum;
    out.achievementCount += b.achievementCount;
  }
  return out;
}

/** The row's initiatives on no axis yet: the "not classified" column. */
export function unclassifiedBucket(r: MatrixRow): Bucket {
  const u = r.unclassified;
  return {
    n: u.initiatives,
    budget: u.budget,
    spent: u.spent,
    progressSum: u.progressSum,
    achievementSum: 0,
    achievementCount: 0,
  };
}

/**
 * A group of rows summed: one axis's column (a subtotal or total cell), the "not classified"
 * column, or their own totals (null).
 */
export function sumRows(rows: readonly MatrixRow[], axis: number | 'unclassified' | null): Bucket {
  return addBuckets(
    rows.map((r) => (axis === 'unclassified' ? unclassifiedBucket(r) : axis ? cellBucket(r, axis) : rowBucket(r))),
  );
}

/** The measure's value; null where it has no meaning (an average of nothing). Percentages are 0–100. */
export function valueOf(b: Bucket, m: Measure): number | null {
  switch (m) {
    case 'count':
      return b.n;
    case 'budget':
      return b.budget;
    case 'spent':
      return b.spent;
    case 'progress':
      return b.n > 0 ? b.progressSum / b.n : null;
    case 'achievement':
      return b.achievementCount > 0 ? (b.achievementSum / b.achievementCount) * 100 : null;
  }
}

/** The top of the heat scale: the largest cell for amounts, 100 % for percentages. */
export function scaleMax(rows: MatrixRow[], m: Measure): number {
  if (MEASURE_UNIT[m] === 'percent') return 100;
  let max = 0;
  for (const r of rows) for (let a = 1; a <= 7; a++) max = Math.max(max, valueOf(cellBucket(r, a), m) ?? 0);
  return max;
}
