import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshClusterSums } from '../../db/cluster-sums';
import type { Db } from '../../db/connection';
import { getMatrix } from '../../db/queries/matrix';
import { listAudit } from '../../db/repos/audit';
import { createInitiative, listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { createRegion, listRegions } from '../../db/repos/regions';
import { previewImport } from '../../electron/excel/import';
import { commitImport } from '../../electron/excel/import/commit';
import { streamImport } from '../../electron/excel/import/stream';
import Excel from '../../electron/excel/exceljs';
import { dispatch } from '../../electron/api/dispatch';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';

const newDb = useTestDb();
const tempDir = useTempDir();
const HEADER = ['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع الإنتاجي', 'المحاور', 'الميزانية المخططة'];

/** A register of n rows, more than one streamed batch (500) when n is large. */
function rows(n: number): (string | number)[][] {
  return Array.from({ length: n }, (_, i) => [
    `S-${i + 1}`,
    `مبادرة تطوير رقم ${i + 1}`,
    `إقليم ${(i % 3) + 1}`,
    `تجمع ${(i % 7) + 1}`,
    `${(i % 7) + 1}، ${((i + 2) % 7) + 1}`,
    1000 + i,
  ]);
}

async function write(sheets: { name: string; header: string[]; rows: (string | number)[][] }[]): Promise<string> {
  const wb = new Excel.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    ws.addRow(s.header);
    for (const r of s.rows) ws.addRow(r);
  }
  const file = join(tempDir(), 'register.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const portfolio = (db: Db) => listInitiatives(db).map(({ id: _id, regionId: _r, clusterId: _c, ...rest }) => rest);
const options = { skipInvalid: false, fileName: 'register.xlsx' };

describe('import/stream (the CLI one-step import)', () => {
  it('writes the same portfolio as preview then commit, across many batches', async () => {
    // 1,250 rows: batches of 500 and audit entries written a hundred at a time, neither even.
    const file = await write([{ name: 'السجل', header: HEADER, rows: rows(1250) }]);
    const streamed = newDb();
    const { result } = await streamImport(streamed, file, options);
    expect(result).toMatchObject({ created: 1250, regionsCreated: 3, clustersCreated: 21 });

    const twoStep = newDb();
    const { plan } = await previewImport(twoStep, file);
    await commitImport(twoStep, plan, { fileName: 'register.xlsx', sha256: '' });
    expect(portfolio(streamed)).toEqual(portfolio(twoStep));
    expect(listAudit(streamed, { entity: 'initiative', limit: 2000 }).every((e) => e.source === 'import')).toBe(true);
    // Each created initiative's entry names its batch (the file, its hash) and the sheet's row.
    for (const db of [streamed, twoStep]) {
      const batch = db.prepare('SELECT id, file_name, created, sheet FROM import_batches').get() as {
        id: number;
        file_name: string;
        created: number;
        sheet: string;
      };
      expect(batch).toMatchObject({ file_name: 'register.xlsx', created: 1250, sheet: 'السجل' });
      const entries = db
        .prepare(
          `SELECT i.code, a.after FROM audit_log a JOIN initiatives i ON i.id = a.entity_id
           WHERE a.entity = 'initiative' AND a.action = 'create' ORDER BY a.id`,
        )
        .all() as { code: string; after: string }[];
      expect(entries).toHaveLength(1250);
      // In the sheet's order, each naming its own row.
      entries.forEach((e, k) =>
        expect(e).toEqual({ code: `S-${k + 1}`, after: JSON.stringify({ batch: batch.id, row: k + 2 }) }),
      );
    }
  });

  it('puts back the undo journal a bulk import suspends, whether the import is written or refused', async () => {
    const triggers = (db: Db) =>
      db.prepare("SELECT name, sql FROM sqlite_temp_schema WHERE type = 'trigger' ORDER BY name").all();
    const db = newDb();
    const before = triggers(db);
    expect(before.map((t) => (t as { name: string }).name)).toContain('journal_initiatives_insert');
    // Past 1,000 rows the import writes in bulk, without the journal's triggers on initiatives;
    // the duplicate code comes in the fourth batch of 500, after the third was written so.
    const bad = rows(1600);
    bad[1550]![0] = 'S-3';
    const refused = await streamImport(db, await write([{ name: 'السجل', header: HEADER, rows: bad }]), options);
    expect(refused.result).toBeNull();
    expect(triggers(db)).toEqual(before);
    const { result } = await streamImport(
      db,
      await write([{ name: 'السجل', header: HEADER, rows: rows(1200) }]),
      options,
    );
    expect(result?.created).toBe(1200);
    expect(triggers(db)).toEqual(before);
    // A change from the screens after it is journaled, and so can be undone.
    const one = listInitiatives(db)[0]!;
    const edited = await dispatch({ db, source: 'ui' }, 'initiatives.update', { id: one.id, title: 'عنوان معدل' });
    expect(edited.ok).toBe(true);
    expect(db.prepare("SELECT count(*) FROM change_rows WHERE tbl = 'initiatives'").pluck().get()).toBe(1);
    expect((await dispatch({ db, source: 'ui' }, 'history.undo', undefined)).ok).toBe(true);
    expect(listInitiatives(db)[0]!.title).toBe(one.title);
  }, 60_000);

  it('drops what an earlier sheet wrote when a later sheet names more fields', async () => {
    const file = await write([
      {
        name: 'قائمة قديمة',
        header: ['اسم المبادرة', 'الإقليم', 'المحاور'],
        rows: [['نشاط قديم', 'إقليم مهجور', '1']],
      },
      { name: 'السجل', header: HEADER, rows: rows(4) },
    ]);
    const db = newDb();
    const { plan, result } = await streamImport(db, file, options);
    expect(plan.sheet).toBe('السجل');
    expect(result?.created).toBe(4);
    expect(listRegions(db).map((r) => r.nameAr)).not.toContain('إقليم مهجور');
    expect(listInitiatives(db).map((i) => i.title)).not.toContain('نشاط قديم');
  });

  it('writes nothing when a row is invalid, even one in a late batch, and counts codes afresh', async () => {
    const bad = rows(900);
    bad[850]![0] = 'S-10'; // a duplicate code, ~350 rows after the first batch was written
    const file = await write([{ name: 'السجل', header: HEADER, rows: bad }]);
    const db = newDb();
    const region = createRegion(db, { source: 'ui' }, { nameAr: 'إقليم قائم' });
    const before = listAudit(db, { limit: 1000 }).length;
    const { plan, result } = await streamImport(db, file, options);
    expect(result).toBeNull();
    expect(plan.errors.map((e) => e.row)).toEqual([852]);
    expect(listInitiatives(db)).toEqual([]);
    expect(listRegions(db)).toHaveLength(1);
    expect(listAudit(db, { limit: 1000 })).toHaveLength(before);
    expect(db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);
    // The rolled-back rows had taken no codes; the next initiative is the first.
    const next = createInitiative(db, { source: 'ui' }, { title: 'بعد الإلغاء', regionId: region.id, axes: [1] });
    expect(next.code).toBe('INI-0001');

    const skipping = await streamImport(db, file, { ...options, skipInvalid: true });
    expect(skipping.result?.created).toBe(899);
  });

  it('past the bulk size, restores indexes and triggers and brings the matrix summary up to date', async () => {
    const file = await write([{ name: 'السجل', header: HEADER, rows: rows(5200) }]);
    const db = newDb();
    const region = createRegion(db, { source: 'ui' }, { nameAr: 'إقليم 1' });
    createInitiative(db, { source: 'ui' }, { title: 'قائمة من قبل', regionId: region.id, axes: [2] });
    const schema = () => db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all();
    const before = schema();
    const { result } = await streamImport(db, file, options);
    expect(result?.created).toBe(5200);
    expect(schema()).toEqual(before);
    const sums = () => db.prepare('SELECT * FROM cluster_sums WHERE n > 0 ORDER BY cluster_id, status').all();
    const kept = sums();
    expect(kept.length).toBeGreaterThan(0);
    refreshClusterSums(db);
    expect(kept).toEqual(sums());
    // And the triggers are live again: a later edit reaches the matrix.
    const one = listInitiatives(db).find((i) => i.clusterId)!;
    updateInitiative(db, { source: 'ui' }, { id: one.id, status: 'cancelled' });
    const row = getMatrix(db).find((r) => r.clusterId === one.clusterId)!;
    expect(row.total.initiatives).toBe(listInitiatives(db, { clusterId: one.clusterId! }).length - 1);
  });
});
