import type { Database } from 'better-sqlite3';
import { createClusterSums } from '../cluster-sums';

/**
 * Initiatives summed per cluster, status and axis in a table the triggers keep current: the
 * whole matrix reads it instead of scanning every initiative (see cluster-sums.ts).
 */
export const version = 50;
export const name = 'cluster-sums';

export function up(db: Database): void {
  createClusterSums(db);
}
