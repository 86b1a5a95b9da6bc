import type { Database } from 'better-sqlite3';

/**
 * Initiatives summed per cluster, status and axis in a table the triggers keep current: the
 * whole matrix reads it instead of scanning every initiative. The statements are written out as
 * they were released, not built by live code: a migration never changes once files carry it
 * (db/cluster-sums.ts builds the same columns for the bulk import's fresh sum).
 */
export const version = 50;
export const name = 'cluster-sums';

export function up(db: Database): void {
  db.exec(CREATE);
  db.exec(SUM_EXISTING);
}

const CREATE = `
CREATE TABLE cluster_sums (
  cluster_id TEXT NOT NULL,
  status TEXT NOT NULL,
  n1 INTEGER NOT NULL DEFAULT 0,
  n2 INTEGER NOT NULL DEFAULT 0,
  n3 INTEGER NOT NULL DEFAULT 0,
  n4 INTEGER NOT NULL DEFAULT 0,
  n5 INTEGER NOT NULL DEFAULT 0,
  n6 INTEGER NOT NULL DEFAULT 0,
  n7 INTEGER NOT NULL DEFAULT 0,
  n INTEGER NOT NULL DEFAULT 0,
  budget1 INTEGER NOT NULL DEFAULT 0,
  budget2 INTEGER NOT NULL DEFAULT 0,
  budget3 INTEGER NOT NULL DEFAULT 0,
  budget4 INTEGER NOT NULL DEFAULT 0,
  budget5 INTEGER NOT NULL DEFAULT 0,
  budget6 INTEGER NOT NULL DEFAULT 0,
  budget7 INTEGER NOT NULL DEFAULT 0,
  budget INTEGER NOT NULL DEFAULT 0,
  spent1 INTEGER NOT NULL DEFAULT 0,
  spent2 INTEGER NOT NULL DEFAULT 0,
  spent3 INTEGER NOT NULL DEFAULT 0,
  spent4 INTEGER NOT NULL DEFAULT 0,
  spent5 INTEGER NOT NULL DEFAULT 0,
  spent6 INTEGER NOT NULL DEFAULT 0,
  spent7 INTEGER NOT NULL DEFAULT 0,
  spent INTEGER NOT NULL DEFAULT 0,
  progress1 INTEGER NOT NULL DEFAULT 0,
  progress2 INTEGER NOT NULL DEFAULT 0,
  progress3 INTEGER NOT NULL DEFAULT 0,
  progress4 INTEGER NOT NULL DEFAULT 0,
  progress5 INTEGER NOT NULL DEFAULT 0,
  progress6 INTEGER NOT NULL DEFAULT 0,
  progress7 INTEGER NOT NULL DEFAULT 0,
  progress INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (cluster_id, status)
) WITHOUT ROWID;
CREATE TRIGGER cluster_sums_insert AFTER INSERT ON initiatives BEGIN
  INSERT INTO cluster_sums (cluster_id, status, n1, n2, n3, n4, n5, n6, n7, n, budget1, budget2, budget3,
      budget4, budget5, budget6, budget7, budget, spent1, spent2, spent3, spent4, spent5, spent6, spent7,
      spent, progress1, progress2, progress3, progress4, progress5, progress6, progress7, progress)
  SELECT NEW.cluster_id, NEW.status, NEW.axis1, NEW.axis2, NEW.axis3, NEW.axis4, NEW.axis5, NEW.axis6,
      NEW.axis7, 1, NEW.axis1 * NEW.planned_budget, NEW.axis2 * NEW.planned_budget,
      NEW.axis3 * NEW.planned_budget, NEW.axis4 * NEW.planned_budget, NEW.axis5 * NEW.planned_budget,
      NEW.axis6 * NEW.planned_budget, NEW.axis7 * NEW.planned_budget, NEW.planned_budget,
      NEW.axis1 * NEW.spent, NEW.axis2 * NEW.spent, NEW.axis3 * NEW.spent, NEW.axis4 * NEW.spent,
      NEW.axis5 * NEW.spent, NEW.axis6 * NEW.spent, NEW.axis7 * NEW.spent, NEW.spent, NEW.axis1 * NEW.progress,
      NEW.axis2 * NEW.progress, NEW.axis3 * NEW.progress, NEW.axis4 * NEW.progress, NEW.axis5 * NEW.progress,
      NEW.axis6 * NEW.progress, NEW.axis7 * NEW.progress, NEW.progress WHERE NEW.cluster_id IS NOT NULL
  ON CONFLICT (cluster_id, status) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2,
      n3 = n3 + excluded.n3, n4 = n4 + excluded.n4, n5 = n5 + excluded.n5, n6 = n6 + excluded.n6,
      n7 = n7 + excluded.n7, n = n + excluded.n, budget1 = budget1 + excluded.budget1,
      budget2 = budget2 + excluded.budget2, budget3 = budget3 + excluded.budget3,
      budget4 = budget4 + excluded.budget4, budget5 = budget5 + excluded.budget5,
      budget6 = budget6 + excluded.budget6, budget7 = budget7 + excluded.budget7,
      budget = budget + excluded.budget, spent1 = spent1 + excluded.spent1, spent2 = spent2 + excluded.spent2,
      spent3 = spent3 + excluded.spent3, spent4 = spent4 + excluded.spent4, spent5 = spent5 + excluded.spent5,
      spent6 = spent6 + excluded.spent6, spent7 = spent7 + excluded.spent7, spent = spent + excluded.spent,
      progress1 = progress1 + excluded.progress1, progress2 = progress2 + excluded.progress2,
      progress3 = progress3 + excluded.progress3, progress4 = progress4 + excluded.progress4,
      progress5 = progress5 + excluded.progress5, progress6 = progress6 + excluded.progress6,
      progress7 = progress7 + excluded.progress7, progress = progress + excluded.progress;
END;
CREATE TRIGGER cluster_sums_delete AFTER DELETE ON initiatives BEGIN
  UPDATE cluster_sums SET n1 = n1 - OLD.axis1, n2 = n2 - OLD.axis2, n3 = n3 - OLD.axis3, n4 = n4 - OLD.axis4,
      n5 = n5 - OLD.axis5, n6 = n6 - OLD.axis6, n7 = n7 - OLD.axis7, n = n - 1,
      budget1 = budget1 - OLD.axis1 * OLD.planned_budget, budget2 = budget2 - OLD.axis2 * OLD.planned_budget,
      budget3 = budget3 - OLD.axis3 * OLD.planned_budget, budget4 = budget4 - OLD.axis4 * OLD.planned_budget,
      budget5 = budget5 - OLD.axis5 * OLD.planned_budget, budget6 = budget6 - OLD.axis6 * OLD.planned_budget,
      budget7 = budget7 - OLD.axis7 * OLD.planned_budget, budget = budget - OLD.planned_budget,
      spent1 = spent1 - OLD.axis1 * OLD.spent, spent2 = spent2 - OLD.axis2 * OLD.spent,
      spent3 = spent3 - OLD.axis3 * OLD.spent, spent4 = spent4 - OLD.axis4 * OLD.spent,
      spent5 = spent5 - OLD.axis5 * OLD.spent, spent6 = spent6 - OLD.axis6 * OLD.spent,
      spent7 = spent7 - OLD.axis7 * OLD.spent, spent = spent - OLD.spent,
      progress1 = progress1 - OLD.axis1 * OLD.progress, progress2 = progress2 - OLD.axis2 * OLD.progress,
      progress3 = progress3 - OLD.axis3 * OLD.progress, progress4 = progress4 - OLD.axis4 * OLD.progress,
      progress5 = progress5 - OLD.axis5 * OLD.progress, progress6 = progress6 - OLD.axis6 * OLD.progress,
      progress7 = progress7 - OLD.axis7 * OLD.progress, progress = progress - OLD.progress
  WHERE cluster_id = OLD.cluster_id AND status = OLD.status;
END;
CREATE TRIGGER cluster_sums_update AFTER UPDATE OF cluster_id, status, axis1, axis2, axis3, axis4, axis5,
    axis6, axis7,
  planned_budget, spent, progress ON initiatives BEGIN
  UPDATE cluster_sums SET n1 = n1 - OLD.axis1, n2 = n2 - OLD.axis2, n3 = n3 - OLD.axis3, n4 = n4 - OLD.axis4,
      n5 = n5 - OLD.axis5, n6 = n6 - OLD.axis6, n7 = n7 - OLD.axis7, n = n - 1,
      budget1 = budget1 - OLD.axis1 * OLD.planned_budget, budget2 = budget2 - OLD.axis2 * OLD.planned_budget,
      budget3 = budget3 - OLD.axis3 * OLD.planned_budget, budget4 = budget4 - OLD.axis4 * OLD.planned_budget,
      budget5 = budget5 - OLD.axis5 * OLD.planned_budget, budget6 = budget6 - OLD.axis6 * OLD.planned_budget,
      budget7 = budget7 - OLD.axis7 * OLD.planned_budget, budget = budget - OLD.planned_budget,
      spent1 = spent1 - OLD.axis1 * OLD.spent, spent2 = spent2 - OLD.axis2 * OLD.spent,
      spent3 = spent3 - OLD.axis3 * OLD.spent, spent4 = spent4 - OLD.axis4 * OLD.spent,
      spent5 = spent5 - OLD.axis5 * OLD.spent, spent6 = spent6 - OLD.axis6 * OLD.spent,
      spent7 = spent7 - OLD.axis7 * OLD.spent, spent = spent - OLD.spent,
      progress1 = progress1 - OLD.axis1 * OLD.progress, progress2 = progress2 - OLD.axis2 * OLD.progress,
      progress3 = progress3 - OLD.axis3 * OLD.progress, progress4 = progress4 - OLD.axis4 * OLD.progress,
      progress5 = progress5 - OLD.axis5 * OLD.progress, progress6 = progress6 - OLD.axis6 * OLD.progress,
      progress7 = progress7 - OLD.axis7 * OLD.progress, progress = progress - OLD.progress
  WHERE cluster_id = OLD.cluster_id AND status = OLD.status;
  INSERT INTO cluster_sums (cluster_id, status, n1, n2, n3, n4, n5, n6, n7, n, budget1, budget2, budget3,
      budget4, budget5, budget6, budget7, budget, spent1, spent2, spent3, spent4, spent5, spent6, spent7,
      spent, progress1, progress2, progress3, progress4, progress5, progress6, progress7, progress)
  SELECT NEW.cluster_id, NEW.status, NEW.axis1, NEW.axis2, NEW.axis3, NEW.axis4, NEW.axis5, NEW.axis6,
      NEW.axis7, 1, NEW.axis1 * NEW.planned_budget, NEW.axis2 * NEW.planned_budget,
      NEW.axis3 * NEW.planned_budget, NEW.axis4 * NEW.planned_budget, NEW.axis5 * NEW.planned_budget,
      NEW.axis6 * NEW.planned_budget, NEW.axis7 * NEW.planned_budget, NEW.planned_budget,
      NEW.axis1 * NEW.spent, NEW.axis2 * NEW.spent, NEW.axis3 * NEW.spent, NEW.axis4 * NEW.spent,
      NEW.axis5 * NEW.spent, NEW.axis6 * NEW.spent, NEW.axis7 * NEW.spent, NEW.spent, NEW.axis1 * NEW.progress,
      NEW.axis2 * NEW.progress, NEW.axis3 * NEW.progress, NEW.axis4 * NEW.progress, NEW.axis5 * NEW.progress,
      NEW.axis6 * NEW.progress, NEW.axis7 * NEW.progress, NEW.progress WHERE NEW.cluster_id IS NOT NULL
  ON CONFLICT (cluster_id, status) DO UPDATE SET n1 = n1 + excluded.n1, n2 = n2 + excluded.n2,
      n3 = n3 + excluded.n3, n4 = n4 + excluded.n4, n5 = n5 + excluded.n5, n6 = n6 + excluded.n6,
      n7 = n7 + excluded.n7, n = n + excluded.n, budget1 = budget1 + excluded.budget1,
      budget2 = budget2 + excluded.budget2, budget3 = budget3 + excluded.budget3,
      budget4 = budget4 + excluded.budget4, budget5 = budget5 + excluded.budget5,
      budget6 = budget6 + excluded.budget6, budget7 = budget7 + excluded.budget7,
      budget = budget + excluded.budget, spent1 = spent1 + excluded.spent1, spent2 = spent2 + excluded.spent2,
      spent3 = spent3 + excluded.spent3, spent4 = spent4 + excluded.spent4, spent5 = spent5 + excluded.spent5,
      spent6 = spent6 + excluded.spent6, spent7 = spent7 + excluded.spent7, spent = spent + excluded.spent,
      progress1 = progress1 + excluded.progress1, progress2 = progress2 + excluded.progress2,
      progress3 = progress3 + excluded.progress3, progress4 = progress4 + excluded.progress4,
      progress5 = progress5 + excluded.progress5, progress6 = progress6 + excluded.progress6,
      progress7 = progress7 + excluded.progress7, progress = progress + excluded.progress;
END;
`;

/** The initiatives already in the file, summed once. */
const SUM_EXISTING = `
DELETE FROM cluster_sums;
INSERT INTO cluster_sums (cluster_id, status, n1, n2, n3, n4, n5, n6, n7, n, budget1, budget2, budget3,
    budget4, budget5, budget6, budget7, budget, spent1, spent2, spent3, spent4, spent5, spent6, spent7, spent,
    progress1, progress2, progress3, progress4, progress5, progress6, progress7, progress)
  SELECT i.cluster_id, i.status, sum(i.axis1), sum(i.axis2), sum(i.axis3), sum(i.axis4), sum(i.axis5),
      sum(i.axis6), sum(i.axis7), count(*), sum(i.axis1 * i.planned_budget), sum(i.axis2 * i.planned_budget),
      sum(i.axis3 * i.planned_budget), sum(i.axis4 * i.planned_budget), sum(i.axis5 * i.planned_budget),
      sum(i.axis6 * i.planned_budget), sum(i.axis7 * i.planned_budget), sum(i.planned_budget),
      sum(i.axis1 * i.spent), sum(i.axis2 * i.spent), sum(i.axis3 * i.spent), sum(i.axis4 * i.spent),
      sum(i.axis5 * i.spent), sum(i.axis6 * i.spent), sum(i.axis7 * i.spent), sum(i.spent),
      sum(i.axis1 * i.progress), sum(i.axis2 * i.progress), sum(i.axis3 * i.progress),
      sum(i.axis4 * i.progress), sum(i.axis5 * i.progress), sum(i.axis6 * i.progress),
      sum(i.axis7 * i.progress), sum(i.progress)
  FROM initiatives i WHERE i.cluster_id IS NOT NULL GROUP BY i.cluster_id, i.status;
`;
