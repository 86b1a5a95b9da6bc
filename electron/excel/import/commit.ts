/**
 * Applies an import plan: one transaction, after a backup of the portfolio file, with
 * synchronous=FULL so a power cut cannot keep half of it. Every write goes through the
 * repositories and so carries an audit entry with source `import`.
 */
import { backupBeside } from '../../../db/backup';
import type { Db } from '../../../db/connection';
import type { WriteContext } from '../../../db/repos/audit';
import { createCluster } from '../../../db/repos/clusters';
import { createInitiative, updateInitiative } from '../../../db/repos/initiatives';
import { createRegion } from '../../../db/repos/regions';
import { createSector } from '../../../db/repos/sectors';
import type { ImportPlan, InitiativeValues, Ref } from './plan';

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  regionsCreated: number;
  clustersCreated: number;
  backup: string;
  batchId: number;
}

export interface ImportSource {
  fileName: string;
  sha256: string;
}

export async function commitImport(db: Db, plan: ImportPlan, source: ImportSource): Promise<ImportResult> {
  const backup = await backupBeside(db, 'before-import');
  const ctx: WriteContext = { source: 'import' };
  const previous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    const batchId = db.transaction(() => {
      const ids = new Map<string, string>();
      const resolve = (ref: Ref): string => ('id' in ref ? ref.id : ids.get(ref.newKey)!);
      for (const s of plan.sectorsToCreate) ids.set(s.key, createSector(db, ctx, { nameAr: s.nameAr }).id);
      for (const r of plan.regionsToCreate) ids.set(r.key, createRegion(db, ctx, { nameAr: r.nameAr }).id);
      for (const c of plan.clustersToCreate) {
        const cluster = createCluster(db, ctx, {
          nameAr: c.nameAr,
          regionId: resolve(c.regionRef),
          sectorId: c.sectorRef ? resolve(c.sectorRef) : null,
        });
        ids.set(c.key, cluster.id);
      }
      const fields = (v: InitiativeValues) =>
        Object.assign(pick(v), {
          regionId: resolve(v.regionRef),
          clusterId: v.clusterRef ? resolve(v.clusterRef) : null,
        });
      const rebuild = plan.creates.length + plan.updates.length > BULK_ROWS ? dropIndexes(db) : () => undefined;
      for (const c of plan.creates) createInitiative(db, ctx, fields(c.values));
      for (const u of plan.updates) updateInitiative(db, ctx, { id: u.id, ...fields(u.values) });
      rebuild();
      return db
        .prepare(
          `INSERT INTO import_batches (at, file_name, sha256, sheet, created, updated, unchanged, skipped,
             regions_created, clusters_created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          new Date().toISOString(),
          source.fileName,
          source.sha256,
          plan.sheet,
          plan.creates.length,
          plan.updates.length,
          plan.unchanged,
          plan.skipped,
          plan.regionsToCreate.length,
          plan.clustersToCreate.length,
        ).lastInsertRowid as number;
    })();
    return {
      created: plan.creates.length,
      updated: plan.updates.length,
      unchanged: plan.unchanged,
      skipped: plan.skipped,
      regionsCreated: plan.regionsToCreate.length,
      clustersCreated: plan.clustersToCreate.length,
      backup,
      batchId,
    };
  } finally {
    db.pragma(`synchronous = ${previous}`);
  }
}

/** Above this many rows, rebuilding the indexes once beats updating them row by row. */
const BULK_ROWS = 5000;

/**
 * Drops the indexes of the tables an import fills and returns how to recreate them, from their
 * own definitions in the schema. Both happen inside the import's transaction, so a failure
 * leaves the indexes exactly as they were.
 */
function dropIndexes(db: Db): () => void {
  const indexes = db
    .prepare(
      "SELECT name, type, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('initiatives', 'audit_log')",
    )
    .all() as { name: string; type: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP ${i.type.toUpperCase()} "${i.name}"`);
  return () => {
    for (const i of indexes) db.exec(i.sql);
  };
}

/** The initiative fields the repositories take; values carry a few more (ids of the old row). */
function pick(v: InitiativeValues) {
  return {
    code: v.code || undefined,
    title: v.title,
    description: v.description,
    axes: v.axes,
    primaryAxis: v.primaryAxis,
    leadBody: v.leadBody,
    partners: v.partners,
    marketingHolder: v.marketingHolder,
    marketingBody: v.marketingBody,
    status: v.status,
    startDate: v.startDate,
    endDate: v.endDate,
    plannedBudget: v.plannedBudget,
    spent: v.spent,
    beneficiaries: v.beneficiaries,
    jobs: v.jobs,
    trainees: v.trainees,
    progress: v.progress,
    notes: v.notes,
  };
}
