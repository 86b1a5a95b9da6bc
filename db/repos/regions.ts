import { z } from 'zod';
import type { Db } from '../connection';
import { stmt, tx } from '../stmt';
import { invalid } from '../core/errors';
import { type Region, RegionCreate, RegionUpdate } from '../core/model';
import type { WriteContext } from './audit';
import { assertExists, assertUnused } from './guards';
import { defineTable } from './table';
import { bilingual } from '../core/messages';

export const regionsTable = defineTable<Region>({
  table: 'regions',
  entity: 'region',
  codePrefix: 'REG',
  orderBy: 'name_ar, code',
  naturalBy: ['nameAr', 'code'],
});

export const listRegions = (db: Db): Region[] => regionsTable.list(db);
export const getRegion = (db: Db, id: string): Region => regionsTable.get(db, id);

export function createRegion(db: Db, ctx: WriteContext, input: z.infer<typeof RegionCreate>): Region {
  return tx(db, () => {
    if (input.parentId) assertExists(db, 'regions', 'region', input.parentId);
    return regionsTable.insert(db, ctx, { nameEn: '', parentId: null, ...input });
  });
}

export function updateRegion(db: Db, ctx: WriteContext, input: z.infer<typeof RegionUpdate>): Region {
  const { id, ...patch } = input;
  return regionsTable.update(db, ctx, id, patch, (r) => {
    if (r.parentId) {
      assertExists(db, 'regions', 'region', r.parentId);
      assertNoCycle(db, r.id, r.parentId);
    }
    return r;
  });
}

function assertNoCycle(db: Db, id: string, parentId: string): void {
  const { hit } = stmt(
    db,
    `WITH RECURSIVE up(id) AS (SELECT ? UNION SELECT r.parent_id FROM regions r JOIN up ON r.id = up.id
         WHERE r.parent_id IS NOT NULL)
       SELECT count(*) AS hit FROM up WHERE id = ?`,
  ).get(parentId, id) as { hit: number };
  if (hit > 0) {
    throw invalid(bilingual('errors.placeUnderItself'), { field: 'parentId' });
  }
}

export function deleteRegion(db: Db, ctx: WriteContext, id: string): Region {
  return tx(db, () => {
    assertUnused(db, 'region', id, [
      { table: 'regions', column: 'parent_id', entity: 'region' },
      { table: 'clusters', column: 'region_id', entity: 'cluster' },
      { table: 'initiatives', column: 'region_id', entity: 'initiative' },
    ]);
    return regionsTable.remove(db, ctx, id);
  });
}
