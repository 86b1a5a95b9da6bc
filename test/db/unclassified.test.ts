/**
 * Initiatives not yet classified (issue 14, point 9): imported from registers that predate the
 * seven axes, they have no axis and no primary axis. They count in every total, show in the
 * matrix's "not classified" column, raise a finding, and are never refused for that alone.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { getFindings } from '../../db/queries/health';
import { getMatrix } from '../../db/queries/matrix';
import { sumRows } from '../../db/core/measures';
import { createCluster } from '../../db/repos/clusters';
import { createInitiative, updateInitiative } from '../../db/repos/initiatives';
import { createRegion } from '../../db/repos/regions';
import { open } from '../../db/connection';
import { writeForeignWorkbook } from '../helpers/foreign';
import { useTestDb } from '../helpers/db';
import { useTempDir } from '../helpers/tmp';

const newDb = useTestDb();
const tempDir = useTempDir();
const ui = { source: 'ui' } as const;

describe('db/not yet classified', () => {
  it('is stored without axes or primary axis, counted in totals and in its own column, and named in a finding', () => {
    const db = newDb();
    const region = createRegion(db, ui, { nameAr: 'إقليم' });
    const cluster = createCluster(db, ui, { nameAr: 'تجمع', regionId: region.id });
    createInitiative(db, ui, { title: 'مصنفة', clusterId: cluster.id, axes: [2], plannedBudget: 1000 });
    const loose = createInitiative(db, ui, { title: 'غير مصنفة', clusterId: cluster.id, axes: [], plannedBudget: 500 });
    createInitiative(db, ui, { title: 'على مستوى الإقليم', regionId: region.id, axes: [], plannedBudget: 300 });
    expect([loose.axes, loose.primaryAxis]).toEqual([[], null]);

    const rows = getMatrix(db);
    const row = rows.find((r) => r.clusterId === cluster.id)!;
    expect(row.initiatives).toEqual([0, 1, 0, 0, 0, 0, 0]);
    expect(row.unclassified).toEqual({ initiatives: 1, budget: 500, spent: 0, progressSum: 0 });
    expect(row.total.initiatives).toBe(2);
    expect(row.total.budget).toBe(1500);
    const wide = rows.find((r) => r.clusterId === null)!;
    expect(wide.unclassified.initiatives).toBe(1);
    // The office's totals: every initiative once, the unclassified ones included.
    expect(sumRows(rows, null).n).toBe(3);
    expect(sumRows(rows, 'unclassified')).toMatchObject({ n: 2, budget: 800 });

    const found = getFindings(db).filter((f) => f.kind === 'unclassified');
    expect(found.map((f) => [f.rule, f.initiativeCode, f.axis])).toEqual([
      ['R1', loose.code, null],
      ['R1', expect.any(String), null],
    ]);

    // Classified later: the column empties and the finding goes.
    updateInitiative(db, ui, { id: loose.id, axes: [5, 3] });
    const after = getMatrix(db).find((r) => r.clusterId === cluster.id)!;
    expect(after.unclassified.initiatives).toBe(0);
    expect(after.initiatives).toEqual([0, 1, 1, 0, 1, 0, 0]);
    expect(getFindings(db).filter((f) => f.kind === 'unclassified')).toHaveLength(1);
  });

  it('the file itself refuses a primary axis without axes, and axes without a primary axis', () => {
    const db = newDb();
    const region = createRegion(db, ui, { nameAr: 'إقليم' });
    const insert = (axis2: number, primary: number | null) =>
      db
        .prepare(
          `INSERT INTO initiatives (id, code, title, region_id, axis2, primary_axis, created_at, updated_at)
           VALUES (lower(hex(randomblob(8))), lower(hex(randomblob(4))), 't', ?, ?, ?, '', '')`,
        )
        .run(region.id, axis2, primary);
    expect(() => insert(0, 2)).toThrow(/CHECK/);
    expect(() => insert(1, null)).toThrow(/CHECK/);
    expect(() => insert(0, null)).not.toThrow();
    expect(() => insert(1, 2)).not.toThrow();
  });

  it('a register without an axes column imports as not yet classified, said in the JSON and in matrix --json', async () => {
    const file = join(tempDir(), 'old.xlsx');
    writeForeignWorkbook(file, [
      {
        name: 'Projets',
        rows: [
          ['Intitulé', 'Wilaya', 'Montant'],
          ['Formation', 'Tlemcen', 1000],
          ['Foire', 'Oran', 2000],
        ],
      },
    ]);
    const dbFile = join(tempDir(), 'p.tajammu');
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t), err: () => undefined };
    expect(await runCli(['init', '--db', dbFile], io)).toBe(0);
    expect(await runCli(['import', '--db', dbFile, file, '--json'], io)).toBe(0);
    expect(JSON.parse(out.at(-1)!)).toMatchObject({ ok: true, created: 2, unclassified: 2, missingColumns: [] });
    expect(await runCli(['matrix', '--db', dbFile, '--json'], io)).toBe(0);
    const matrix = JSON.parse(out.at(-1)!) as { rows: { unclassified: number; initiatives: number[] }[] };
    expect(matrix.rows.map((r) => r.unclassified)).toEqual([1, 1]);
    expect(matrix.rows.flatMap((r) => r.initiatives).every((n) => n === 0)).toBe(true);
    const db = open(dbFile);
    expect(db.prepare('SELECT count(*) FROM initiatives WHERE primary_axis IS NULL').pluck().get()).toBe(2);
    db.close();
  });
});
