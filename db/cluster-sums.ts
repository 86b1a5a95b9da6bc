/**
 * Initiatives summed per cluster, status and axis, kept up to date by triggers, so that the
 * matrix reads a few thousand summary rows instead of every initiative (the whole
 * matrix of 100,000 initiatives in under 50 ms). Only a view with a period filter needs the
 * initiatives themselves, since the period depends on each initiative's dates.
 */
import type { Database } from 'better-sqlite3';

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

const insertFrom = (row: string) => `INSERT INTO cluster_sums (cluster_id, status, ${COLUMNS.join(', ')})
  SELECT ${row}.cluster_id, ${row}.status, ${values(row).join(', ')} WHERE ${row}.cluster_id IS NOT NULL
  ON CONFLICT (cluster_id, status) DO UPDATE SET ${COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};`;
const subtractOld = `UPDATE cluster_sums SET ${COLUMNS.map((c, k) => `${c} = ${c} - ${values('OLD')[k]}`).join(', ')}
  WHERE cluster_id = OLD.cluster_id AND status = OLD.status;`;

/** The table and its triggers (migration 0050). */
export function createClusterSums(db: Database): void {
  db.exec(`
CREATE TABLE cluster_sums (
  cluster_id TEXT NOT NULL,
  status TEXT NOT NULL,
  ${COLUMNS.map((c) => `${c} INTEGER NOT NULL DEFAULT 0`).join(',\n  ')},
  PRIMARY KEY (cluster_id, status)
) WITHOUT ROWID;
CREATE TRIGGER cluster_sums_insert AFTER INSERT ON initiatives BEGIN
  ${insertFrom('NEW')}
END;
CREATE TRIGGER cluster_sums_delete AFTER DELETE ON initiatives BEGIN
  ${subtractOld}
END;
CREATE TRIGGER cluster_sums_update AFTER UPDATE OF cluster_id, status, ${AXES.map((a) => `axis${a}`).join(', ')},
  planned_budget, spent, progress ON initiatives BEGIN
  ${subtractOld}
  ${insertFrom('NEW')}
END;
`);
  refreshClusterSums(db);
}

/** Sums everything again: after a bulk import that wrote with the triggers suspended. */
export function refreshClusterSums(db: Database): void {
  db.exec(`DELETE FROM cluster_sums;
INSERT INTO cluster_sums (cluster_id, status, ${COLUMNS.join(', ')})
  SELECT i.cluster_id, i.status, ${values('i')
    .map((v, k) => (k % 8 === 7 && v === '1' ? 'count(*)' : `sum(${v})`))
    .join(', ')}
  FROM initiatives i WHERE i.cluster_id IS NOT NULL GROUP BY i.cluster_id, i.status;`);
}
