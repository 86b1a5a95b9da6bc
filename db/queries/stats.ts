import type { Db } from '../connection';

/**
 * What a portfolio file holds: an inventory of its records (every initiative in the register,
 * cancelled ones too, and how many of those). Money figures come from the matrix, under the
 * counting rule (measures.ts), never from here.
 */
export interface PortfolioStats {
  regions: number;
  sectors: number;
  clusters: number;
  initiatives: number;
  /** Initiatives kept in the register as cancelled: they count in no figure. */
  cancelled: number;
  indicators: number;
}

/** The inventory of a portfolio, and the "is this portfolio empty?" question of a first start. */
export function getStats(db: Db): PortfolioStats {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM regions) AS regions,
              (SELECT count(*) FROM sectors) AS sectors,
              (SELECT count(*) FROM clusters) AS clusters,
              (SELECT count(*) FROM initiatives) AS initiatives,
              (SELECT count(*) FROM initiatives WHERE status = 'cancelled') AS cancelled,
              (SELECT count(*) FROM indicators) AS indicators`,
    )
    .get() as PortfolioStats;
}
