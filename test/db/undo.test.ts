import { describe, expect, it } from 'vitest';
import { JOURNALED } from '../../db/changes';
import type { Db } from '../../db/connection';
import { refreshClusterSums } from '../../db/cluster-sums';
import { createInitiative } from '../../db/repos/initiatives';
import { dispatch } from '../../electron/api/dispatch';
import { useTestDb } from '../helpers/db';

const newDb = useTestDb();

/** Every row of the portfolio's tables, and the matrix summary kept from them (its emptied rows aside). */
function snapshot(db: Db) {
  const out: Record<string, unknown[]> = {};
  for (const t of JOURNALED) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();
  out.cluster_sums = db.prepare('SELECT * FROM cluster_sums WHERE n > 0 ORDER BY 1, 2').all();
  return out;
}

/** An API call as the screens make it; the value, or a thrown error with its code. */
async function ui<T = Record<string, unknown>>(db: Db, name: string, input?: unknown): Promise<T> {
  const r = await dispatch({ db, source: 'ui' }, name, input);
  if (!r.ok) throw Object.assign(new Error(r.error.message.en), { code: r.error.code, ar: r.error.message.ar });
  return r.value as T;
}

async function portfolio(db: Db) {
  const region = await ui<{ id: string }>(db, 'regions.create', { nameAr: 'إقليم الدلتا' });
  const cluster = await ui<{ id: string }>(db, 'clusters.create', { nameAr: 'أثاث دمياط', regionId: region.id });
  const ids: string[] = [];
  for (const title of ['أولى', 'ثانية', 'ثالثة']) {
    ids.push((await ui<{ id: string }>(db, 'initiatives.create', { title, clusterId: cluster.id, axes: [1, 4] })).id);
  }
  return { region, cluster, ids };
}

describe('db/undo (the last change from the screens, put back)', () => {
  it('puts back an edit, then a delete with its cascaded indicator and values, exactly', async () => {
    const db = newDb();
    const { ids } = await portfolio(db);
    await ui(db, 'indicators.create', {
      initiativeId: ids[0],
      name: 'عدد المتدربين',
      baseline: 0,
      target: 100,
      values: [
        { period: '2026-Q1', value: 20.5 },
        { period: '2026-Q2', value: 40 },
      ],
    });
    const beforeEdit = snapshot(db);
    await ui(db, 'initiatives.update', { id: ids[0], status: 'completed', progress: 100, axes: [2] });
    const beforeDelete = snapshot(db);
    await ui(db, 'initiatives.delete', { id: ids[0] });
    expect(db.prepare('SELECT count(*) FROM indicator_values').pluck().get()).toBe(0);

    expect((await ui<{ change: { operation: string } }>(db, 'history.last')).change.operation).toBe(
      'initiatives.delete',
    );
    await ui(db, 'history.undo');
    expect(snapshot(db)).toEqual(beforeDelete);
    await ui(db, 'history.undo');
    expect(snapshot(db)).toEqual(beforeEdit);
    // The summary the matrix reads followed the rows put back.
    const kept = snapshot(db).cluster_sums;
    refreshClusterSums(db);
    expect(snapshot(db).cluster_sums).toEqual(kept);
  });

  it("saves an initiative's editor with its indicators as one change: created, updated, deleted, unchanged left alone", async () => {
    const db = newDb();
    const { ids } = await portfolio(db);
    const make = (name: string, target: number) =>
      ui<{ id: string }>(db, 'indicators.create', {
        initiativeId: ids[0],
        name,
        target,
        values: [{ period: '2026-Q1', value: 5 }],
      });
    const kept = await make('عدد المتدربين', 100);
    const edited = await make('عدد المعارض', 4);
    const dropped = await make('عدد الزيارات', 10);
    const other = await ui<{ id: string }>(db, 'indicators.create', { initiativeId: ids[1], name: 'مؤشر آخر' });
    const before = snapshot(db);
    const audits = () => db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
    const n = audits();
    const list = (
      await ui<
        { id: string; name: string; unit: string; baseline: number | null; target: number | null; values: unknown[] }[]
      >(db, 'indicators.list', { initiativeId: ids[0] })
    ).map(({ id, name, unit, baseline, target, values }) => ({ id, name, unit, baseline, target, values }));
    const byId = (id: string) => list.find((i) => i.id === id)!;
    await ui(db, 'initiatives.updateWithIndicators', {
      initiative: { id: ids[0], progress: 40 },
      indicators: [
        byId(kept.id),
        {
          ...byId(edited.id),
          target: 6,
          values: [
            { period: '2026-Q1', value: 5 },
            { period: '2026-Q2', value: 9 },
          ],
        },
        { name: 'عدد المصدّرين', target: 12 },
      ],
    });
    const names = () =>
      db.prepare('SELECT name, target FROM indicators WHERE initiative_id = ? ORDER BY name').all(ids[0]);
    expect(names()).toEqual([
      { name: 'عدد المتدربين', target: 100 },
      { name: 'عدد المصدّرين', target: 12 },
      { name: 'عدد المعارض', target: 6 },
    ]);
    expect(db.prepare('SELECT count(*) FROM indicators WHERE id = ?').pluck().get(dropped.id)).toBe(0);
    // The initiative, one updated, one created, one deleted: four entries; the unchanged one none.
    expect(audits() - n).toBe(4);
    expect(
      db.prepare("SELECT count(*) FROM audit_log WHERE entity_id = ? AND action = 'update'").pluck().get(kept.id),
    ).toBe(0);
    expect((await ui<{ change: { operation: string } }>(db, 'history.last')).change.operation).toBe(
      'initiatives.updateWithIndicators',
    );
    await ui(db, 'history.undo');
    expect(snapshot(db)).toEqual(before);

    // Another initiative's indicator cannot be taken over, and the refused call changes nothing.
    await expect(
      ui(db, 'initiatives.updateWithIndicators', {
        initiative: { id: ids[0], progress: 60 },
        indicators: [{ id: other.id, name: 'مؤشر آخر' }],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(snapshot(db)).toEqual(before);

    // An indicator saved exactly as it was writes nothing.
    const m = audits();
    await ui(db, 'indicators.update', { ...byId(kept.id) });
    expect(audits()).toBe(m);
  });

  it('takes back a bulk status change as one change, and records the undo itself', async () => {
    const db = newDb();
    const { ids } = await portfolio(db);
    const before = snapshot(db);
    await ui(db, 'initiatives.setStatus', { ids, status: 'on_hold' });
    const undone = await ui<{ id: number; records: unknown[] }>(db, 'history.undo');
    expect(undone.records).toHaveLength(3);
    expect(snapshot(db)).toEqual(before);
    const audit = db
      .prepare('SELECT source, entity, action, change_id FROM audit_log ORDER BY id DESC LIMIT 3')
      .all() as { source: string; change_id: number }[];
    expect(audit.every((a) => a.source === 'ui' && a.change_id > undone.id)).toBe(true);
    const changes = db.prepare('SELECT id, operation, undo_of, undone_at FROM changes ORDER BY id').all() as {
      operation: string;
      undo_of: number | null;
      undone_at: string | null;
    }[];
    expect(changes.at(-1)).toMatchObject({ operation: 'undo', undo_of: undone.id });
    expect(changes.at(-2)).toMatchObject({ operation: 'initiatives.setStatus' });
    expect(changes.at(-2)!.undone_at).not.toBeNull();
    // The next undo goes one further back: the third initiative's creation.
    expect((await ui<{ change: { operation: string } }>(db, 'history.last')).change.operation).toBe(
      'initiatives.create',
    );
  });

  it('puts back a settings change, and records nothing for reads', async () => {
    const db = newDb();
    await ui(db, 'settings.update', { officeName: 'مكتب الدلتا' });
    const count = () => db.prepare('SELECT count(*) FROM changes').pluck().get();
    const n = count();
    await ui(db, 'initiatives.list');
    await ui(db, 'matrix.get');
    expect(count()).toBe(n);
    await ui(db, 'settings.update', { officeName: 'مكتب آخر', currencyCode: 'SAR' });
    await ui(db, 'history.undo');
    expect(await ui(db, 'settings.get')).toMatchObject({ officeName: 'مكتب الدلتا', currencyCode: 'EGP' });
  });

  it('refuses to undo a change followed by writes from elsewhere, and when there is nothing left', async () => {
    const db = newDb();
    const { cluster } = await portfolio(db);
    // The command line (or an import) writes after the last change from the screens.
    createInitiative(db, { source: 'cli' }, { title: 'من سطر الأوامر', clusterId: cluster.id, axes: [3] });
    const before = snapshot(db);
    await expect(ui(db, 'history.undo')).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(snapshot(db)).toEqual(before);

    const fresh = newDb();
    await expect(ui(fresh, 'history.undo')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await ui<{ change: unknown }>(fresh, 'history.last')).change).toBeNull();
  });
});
