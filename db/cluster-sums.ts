/**
 * Initiatives summed per cluster, status and axis, kept up to date by triggers (created by
 * migration 0050, which carries its own statements), so that the matrix reads a few thousand
 * summary rows instead of every initiative (the whole
 * matrix of 100,000 initiatives in under 50 ms). Only a view with a period filter needs the
 * initiatives themselves, since the period depends on each initiative's dates.
 */
import type { Database } from 'better-sqlite3';
import { prefixRange } from './core/model';

const AXES = [1, 2, 3, 4, 5, 6, 7];
/** The summed measures and the initiative column each sums. */
export const SUMMED = { n: '1', budget: 'planned_budget', spent: 'spent', progress: 'progress' } as const;
export type Summed = keyof typeof SUMMED;

/** Per measure: its seven axis columns, then the cluster's total (each initiative once). */
export const sumColumns = (m: Summed): string[] => [...AXES.map((a) => `${m}${a}`), m];
const COLUMNS = (Object.keys(SUMMED) as Summed[]).flatMap(sumColumns);
/** The value an initiative `row` (NEW or OLD, or a table alias) adds to each column. */
const values = (row: string) =>
  (Object.keys(SUMMED) as Summed[]).flatMap((m) => {
    const v = SUMMED[m] === '1' ? '1' : `${row}.${SUMMED[m]}`;
    return [...AXES.map((a) => (v === '1' ? `${row}.axis${a}` : `${row}.axis${a} * ${v}`)), v];
  });

/**
 * Sums everything again: after a bulk import that wrote with the triggers suspended. With a
 * `prefix`, only the clusters whose ids start with it (one office's, in the nation's portfolio).
 */
export function refreshClusterSums(db: Database, prefix?: string): void {
  const within = (column: string) => (prefix === undefined ? '' : `${column} >= @from AND ${column} < @to`);
  const range = prefix === undefined ? {} : prefixRange(prefix);
  db.prepare(`DELETE FROM cluster_sums ${prefix === undefined ? '' : `WHERE ${within('cluster_id')}`}`).run(range);
  db.prepare(
    `INSERT INTO cluster_sums (cluster_id, status, ${COLUMNS.join(', ')})
  SELECT i.cluster_id, i.status, ${values('i')
    .map((v, k) => (k % 8 === 7 && v === '1' ? 'count(*)' : `sum(${v})`))
    .join(', ')}
  FROM initiatives i WHERE i.cluster_id IS NOT NULL ${prefix === undefined ? '' : `AND ${within('i.cluster_id')}`}
  GROUP BY i.cluster_id, i.status`,
  ).run(range);
}
