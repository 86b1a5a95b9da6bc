import { z } from 'zod';
import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { type Cluster, CLUSTER_DEFAULTS, ClusterCreate, ClusterUpdate } from '../core/model';
import type { WriteContext } from './audit';
import { assertExists, assertUnused } from './guards';
import { defineTable, dropUndefined } from './table';

export const clustersTable = defineTable<Cluster>({
  table: 'clusters',
  entity: 'cluster',
  codePrefix: 'CLU',
  booleans: ['heritage', 'selected'],
  orderBy: 'name_ar, code',
  naturalBy: ['nameAr', 'code'],
});

export const getCluster = (db: Db, id: string): Cluster => clustersTable.get(db, id);

export function listClusters(db: Db, filter: { regionId?: string } = {}): Cluster[] {
  return filter.regionId
    ? clustersTable.list(db, 'region_id = @regionId', { regionId: filter.regionId })
    : clustersTable.list(db);
}

function checkReferences(db: Db, c: Pick<Cluster, 'regionId' | 'sectorId'>): void {
  assertExists(db, 'regions', 'region', c.regionId);
  if (c.sectorId) assertExists(db, 'sectors', 'sector', c.sectorId);
}

export function createCluster(db: Db, ctx: WriteContext, input: z.infer<typeof ClusterCreate>): Cluster {
  return tx(db, () => {
    const cluster = { ...CLUSTER_DEFAULTS, ...dropUndefined(input) };
    checkReferences(db, cluster);
    return clustersTable.insert(db, ctx, cluster);
  });
}

export function updateCluster(db: Db, ctx: WriteContext, input: z.infer<typeof ClusterUpdate>): Cluster {
  const { id, ...patch } = input;
  return tx(db, () => {
    const updated = clustersTable.update(db, ctx, id, patch, (c) => {
      checkReferences(db, c);
      return c;
    });
    // An initiative's region follows its cluster's, so moving a cluster moves its initiatives.
    stmt(db, 'UPDATE initiatives SET region_id = ? WHERE cluster_id = ? AND region_id <> ?').run(
      updated.regionId,
      id,
      updated.regionId,
    );
    return updated;
  });
}

export function deleteCluster(db: Db, ctx: WriteContext, id: string): Cluster {
  return tx(db, () => {
    assertUnused(db, 'cluster', id, [{ table: 'initiatives', column: 'cluster_id', entity: 'initiative' }]);
    return clustersTable.remove(db, ctx, id);
  });
}
