import type { Db } from '../connection';
import type { PortfolioStats } from '../core/results';

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
