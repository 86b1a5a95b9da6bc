/**
 * Applies an import plan: one transaction, after a backup of the portfolio file, with
 * synchronous=FULL so a power cut cannot keep half of it. Every write goes through the
 * repositories and so carries an audit entry with source `import`. The writer also serves the
 * streaming import (stream.ts), which applies the plan batch by batch as it grows.
 */
import { backupBeside, dropBackup, rotate } from '../../../db/backup';
import { refreshClusterSums } from '../../../db/cluster-sums';
import { suspendJournal } from '../../../db/changes';
import type { Db } from '../../../db/connection';
import { stmt } from '../../../db/stmt';
import type { WriteContext } from '../../../db/repos/audit';
import { createCluster } from '../../../db/repos/clusters';
import { AppError } from '../../../db/core/errors';
import { bilingual } from '../../../db/core/messages';
import { INITIATIVE_VALUES } from '../../../db/core/model';
import { initiativeCreator, initiativesTable, updateInitiative } from '../../../db/repos/initiatives';
import { createRegion } from '../../../db/repos/regions';
import { createSector } from '../../../db/repos/sectors';
import type { ImportPlan, InitiativeValues, Ref } from './plan';
import type { ImportResult } from '../../../db/core/results';

export interface ImportSource {
  fileName: string;
  sha256: string;
}

export async function commitImport(db: Db, plan: ImportPlan, source: ImportSource): Promise<ImportResult> {
  refuseStale(db, plan);
  const backup = await backupBeside(db, 'before-import', new Date(), { prune: false });
  return keepBackupIfWritten(
    db,
    backup,
    () =>
      withFullSync(db, async () =>
        db.transaction(() => {
          refuseStale(db, plan); // the backup was awaited: nothing may have slipped in since
          const writer = createWriter(db, source);
          writer.apply(plan);
          return writer.finish(plan, backup);
        })(),
      ),
    (r) => r.backup !== null,
  );
}

/** Whether an import plan writes anything to the portfolio's records. */
const writesAnything = (plan: ImportPlan): boolean =>
  plan.creates.length + plan.updates.length + plan.regionsToCreate.length + plan.clustersToCreate.length > 0 ||
  plan.sectorsToCreate.length > 0;

/**
 * A backup taken before an import stays only when the import wrote something; then the rotation
 * runs. A failed or empty import drops it, so attempts never push good backups out.
 */
export async function keepBackupIfWritten<T>(
  db: Db,
  backup: string,
  run: () => Promise<T>,
  wrote: (result: T) => boolean,
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (e) {
    dropBackup(backup);
    throw e;
  }
  if (wrote(result)) rotate(db);
  else dropBackup(backup);
  return result;
}

/**
 * A preview is planned against the initiatives as they stood then; if one of those it updates was
 * changed since (from a screen or the command line), writing the preview would put old values
 * back. Refused with the codes concerned, nothing written.
 */
function refuseStale(db: Db, plan: ImportPlan): void {
  const stale: string[] = [];
  for (const u of plan.updates) {
    const now = initiativesTable.find(db, u.id);
    if (!now || JSON.stringify(now) !== JSON.stringify(u.before)) stale.push(u.code);
  }
  if (stale.length === 0) return;
  const more = stale.length > 10 ? ' …' : '';
  throw new AppError(
    'CONFLICT',
    bilingual('errors.staleUpdates', {
      count: stale.length,
      shown: { ar: stale.slice(0, 10).join('، ') + more, en: stale.slice(0, 10).join(', ') + more },
    }),
    { stale },
  );
}

/** synchronous=FULL while an import writes, so a power cut cannot keep half of it. */
export async function withFullSync<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const previous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return await fn();
  } finally {
    db.pragma(`synchronous = ${previous}`);
  }
}

export interface ImportWriter {
  /** Writes what the plan holds beyond what earlier calls wrote; the caller's transaction. */
  apply(plan: ImportPlan): void;
  /** Restores suspended indexes and records the batch's counts; returns them. */
  finish(plan: ImportPlan, backup: string): ImportResult;
}

/**
 * Writes a plan inside the caller's transaction, once or batch by batch as the plan grows while
 * rows stream in. Every write goes through the repositories, with an audit entry of source
 * `import`; a created initiative's entry names the batch and the sheet's row it came from
 * (docs/import-audit.md). Past bulkAt rows the indexes are dropped and rebuilt once at the end.
 */
export function createWriter(db: Db, source: ImportSource): ImportWriter {
  const ctx: WriteContext = { source: 'import' };
  // The batch is recorded first, so that each row's entry can name it; its counts at the end.
  const batchId = stmt(
    db,
    `INSERT INTO import_batches (at, file_name, sha256, sheet, created, updated, unchanged, skipped,
       regions_created, clusters_created) VALUES (?, ?, ?, '', 0, 0, 0, 0, 0, 0)`,
  ).run(new Date().toISOString(), source.fileName, source.sha256).lastInsertRowid as number;
  let row = 0; // the sheet's row of the initiative being created, for its audit entry
  // Rebuilding the indexes (and the matrix summary) costs in proportion to the whole table;
  // keeping them costs per row written (the summary's trigger most). Dropped once the rows
  // written are many, and half as many as the table held: a 5,000-row import into an empty
  // portfolio went from 0.80 s to 0.73 s (whole process) with the indexes dropped at 1,000 rows.
  const existing = stmt(db, 'SELECT count(*) AS n FROM initiatives').get() as { n: number };
  const bulkAt = Math.max(BULK_MIN_ROWS, existing.n / 2);
  const create = initiativeCreator(db, ctx, () => ({ batch: batchId, row }));
  const ids = new Map<string, string>();
  const resolve = (ref: Ref): string => ('id' in ref ? ref.id : ids.get(ref.newKey)!);
  const done = { sectors: 0, regions: 0, clusters: 0, creates: 0, updates: 0 };
  let rebuild: (() => void) | null = null;
  const fields = (v: InitiativeValues) => pick(v, resolve(v.regionRef), v.clusterRef ? resolve(v.clusterRef) : null);
  /** Only the fields the preview showed as changing: whatever else the row holds is left alone. */
  const patchOf = (u: ImportPlan['updates'][number]) => {
    const all = fields(u.values) as Record<string, unknown>;
    const patch: Record<string, unknown> = { id: u.id };
    for (const c of u.changes) {
      if (c.field === 'region' || c.field === 'cluster') {
        // Where an initiative is, is one fact in two fields: a region alone would be taken back
        // from the old cluster (the preview compares clusters by name, and two regions may have
        // a cluster of the same name), so both are written.
        patch.regionId = all.regionId;
        patch.clusterId = all.clusterId;
      } else patch[c.field] = all[c.field];
    }
    return patch as Parameters<typeof updateInitiative>[2];
  };

  return {
    apply(plan) {
      for (; done.sectors < plan.sectorsToCreate.length; done.sectors++) {
        const s = plan.sectorsToCreate[done.sectors]!;
        ids.set(s.key, createSector(db, ctx, { nameAr: s.nameAr }).id);
      }
      for (; done.regions < plan.regionsToCreate.length; done.regions++) {
        const r = plan.regionsToCreate[done.regions]!;
        ids.set(r.key, createRegion(db, ctx, { nameAr: r.nameAr }).id);
      }
      for (; done.clusters < plan.clustersToCreate.length; done.clusters++) {
        const c = plan.clustersToCreate[done.clusters]!;
        const cluster = createCluster(db, ctx, {
          nameAr: c.nameAr,
          regionId: resolve(c.regionRef),
          sectorId: c.sectorRef ? resolve(c.sectorRef) : null,
        });
        ids.set(c.key, cluster.id);
      }
      if (!rebuild && plan.creates.length + plan.updates.length > bulkAt) rebuild = dropIndexes(db);
      for (; done.creates < plan.creates.length; done.creates++) {
        const c = plan.creates[done.creates]!;
        row = c.row;
        create(fields(c.values));
      }
      create.flush(); // the created rows' audit entries before the updates' own
      for (; done.updates < plan.updates.length; done.updates++) {
        updateInitiative(db, ctx, patchOf(plan.updates[done.updates]!));
      }
    },
    finish(plan, backup) {
      rebuild?.();
      stmt(
        db,
        `UPDATE import_batches SET sheet = ?, created = ?, updated = ?, unchanged = ?, skipped = ?,
           regions_created = ?, clusters_created = ? WHERE id = ?`,
      ).run(
        plan.sheet,
        plan.creates.length,
        plan.updates.length,
        plan.unchanged,
        plan.skipped,
        plan.regionsToCreate.length,
        plan.clustersToCreate.length,
        batchId,
      );
      return {
        created: plan.creates.length,
        updated: plan.updates.length,
        unchanged: plan.unchanged,
        skipped: plan.skipped,
        regionsCreated: plan.regionsToCreate.length,
        clustersCreated: plan.clustersToCreate.length,
        // Kept only when the import wrote something (keepBackupIfWritten drops it otherwise).
        backup: writesAnything(plan) ? backup : null,
        batchId,
      };
    },
  };
}

/** Below this many rows written, the indexes are always kept. */
const BULK_MIN_ROWS = 1000;

/**
 * Drops the indexes of the tables an import fills (and suspends the journal's triggers on them)
 * and returns how to recreate them, from their own definitions in the schema. Both happen inside
 * the import's transaction, so a failure leaves the indexes exactly as they were.
 */
function dropIndexes(db: Db): () => void {
  const indexes = db
    .prepare(
      "SELECT name, type, sql FROM sqlite_schema WHERE type IN ('index', 'trigger') AND sql IS NOT NULL AND tbl_name IN ('initiatives', 'audit_log')",
    )
    .all() as { name: string; type: string; sql: string }[];
  for (const i of indexes) db.exec(`DROP ${i.type.toUpperCase()} "${i.name}"`);
  const resume = suspendJournal(db, ['initiatives']);
  return () => {
    resume();
    for (const i of indexes) db.exec(i.sql);
    // The matrix's summary missed the rows written while its triggers were away: one pass.
    refreshClusterSums(db);
  };
}

/** The initiative fields the repositories take, in its places; values carry a few more (ids of the old row). */
function pick(v: InitiativeValues, regionId: string, clusterId: string | null) {
  const out: Record<string, unknown> = { regionId, clusterId };
  for (const k of INITIATIVE_VALUES) out[k] = v[k];
  out.code = v.code || undefined;
  return out as Parameters<ReturnType<typeof initiativeCreator>>[0];
}
