import { z } from 'zod';
import type { Db } from '../connection';
import { tx } from '../stmt';
import { type Sector, SectorCreate, SectorUpdate } from '../core/model';
import type { WriteContext } from './audit';
import { assertUnused } from './guards';
import { defineTable } from './table';

export const sectorsTable = defineTable<Sector>({
  table: 'sectors',
  entity: 'sector',
  codePrefix: 'SEC',
  orderBy: 'name_ar, code',
});

export const listSectors = (db: Db): Sector[] => sectorsTable.list(db);
export const getSector = (db: Db, id: string): Sector => sectorsTable.get(db, id);

export const createSector = (db: Db, ctx: WriteContext, input: z.infer<typeof SectorCreate>): Sector =>
  sectorsTable.insert(db, ctx, { nameEn: '', ...input });

export function updateSector(db: Db, ctx: WriteContext, input: z.infer<typeof SectorUpdate>): Sector {
  const { id, ...patch } = input;
  return sectorsTable.update(db, ctx, id, patch);
}

export function deleteSector(db: Db, ctx: WriteContext, id: string): Sector {
  return tx(db, () => {
    assertUnused(db, 'sector', id, [{ table: 'clusters', column: 'sector_id', entity: 'cluster' }]);
    return sectorsTable.remove(db, ctx, id);
  });
}
