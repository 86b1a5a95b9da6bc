import type { Db } from '../connection';

export interface PortfolioStats {
  regions: number;
  sectors: number;
  clusters: number;
  initiatives: number;
  indicators: number;
  plannedBudget: number;
  spent: number;
}

/** Totals for the dashboard, and the "is this portfolio empty?" question of a first start. */
export function getStats(db: Db): PortfolioStats {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM regions) AS regions,
              (SELECT count(*) FROM sectors) AS sectors,
              (SELECT count(*) FROM clusters) AS clusters,
              (SELECT count(*) FROM initiatives) AS initiatives,
              (SELECT count(*) FROM indicators) AS indicators,
              (SELECT coalesce(sum(planned_budget), 0) FROM initiatives) AS plannedBudget,
              (SELECT coalesce(sum(spent), 0) FROM initiatives) AS spent`,
    )
    .get() as PortfolioStats;
}
