import { describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../../db/core/contract';
import { MESSAGES } from '../../db/core/messages';
import { dispatch } from '../../electron/api/dispatch';
import { handlers } from '../../electron/api/handlers';
import type { Handler } from '../../electron/api/handlers/types';
import { useTestDb } from '../helpers/db';

const newDb = useTestDb();

describe('api/dispatch', () => {
  it('runs a valid call and wraps the value', async () => {
    const db = newDb();
    const result = await dispatch({ db, source: 'ui' }, 'regions.create', { nameAr: 'إقليم الدلتا' });
    expect(result.ok).toBe(true);
    const listed = await dispatch({ db, source: 'ui' }, 'regions.list', undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ nameAr: 'إقليم الدلتا', code: 'REG-0001' }] });
  });

  it('answers an unknown operation with a stable code, not a crash', async () => {
    const db = newDb();
    for (const name of ['regions.drop', '__proto__', 'constructor', 42, null]) {
      const result = await dispatch({ db, source: 'ui' }, name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
    }
  });

  it('refuses invalid input with the fields named in both languages, and writes nothing', async () => {
    const db = newDb();
    const result = await dispatch({ db, source: 'ui' }, 'regions.create', { nameAr: '', bogus: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_INPUT');
    expect(result.error.message.ar).toContain('nameAr');
    expect(result.error.message.en).toContain('nameAr');
    expect(db.prepare('SELECT count(*) AS n FROM regions').get()).toEqual({ n: 0 });
  });

  it('turns a domain error into its code with a bilingual message', async () => {
    const db = newDb();
    const result = await dispatch({ db, source: 'ui' }, 'regions.get', { id: '00000000-0000-4000-8000-000000000000' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    if (!result.ok) expect(result.error.message.ar).toContain('الإقليم');
  });

  it('records the transport as the audit source', async () => {
    const db = newDb();
    await dispatch({ db, source: 'cli' }, 'sectors.create', { nameAr: 'الفخار' });
    expect(db.prepare('SELECT source FROM audit_log').all()).toEqual([{ source: 'cli' }]);
  });

  it('has a handler for every operation of the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(name).toMatch(/^[a-z][a-zA-Z]*\.[a-zA-Z]+$/);
    expect(Object.keys(contract)).toContain('matrix.get');
  });

  it('counts an initiative on two axes in both matrix cells, with its planned budget', async () => {
    const db = newDb();
    const ctx = { db, source: 'ui' as const };
    const region = await dispatch(ctx, 'regions.create', { nameAr: 'إقليم الصعيد' });
    if (!region.ok) throw new Error('region');
    const cluster = await dispatch(ctx, 'clusters.create', {
      regionId: (region.value as { id: string }).id,
      nameAr: 'فخار تونس',
    });
    if (!cluster.ok) throw new Error('cluster');
    const clusterId = (cluster.value as { id: string }).id;
    await dispatch(ctx, 'initiatives.create', { title: 'أ', clusterId, axes: [1, 6], plannedBudget: 100_00 });
    await dispatch(ctx, 'initiatives.create', {
      title: 'ب',
      clusterId,
      axes: [6],
      plannedBudget: 50_00,
      status: 'active',
    });
    const all = await dispatch(ctx, 'matrix.get', undefined);
    expect(all).toMatchObject({
      ok: true,
      value: [
        { clusterNameAr: 'فخار تونس', initiatives: [1, 0, 0, 0, 0, 2, 0], budget: [100_00, 0, 0, 0, 0, 150_00, 0] },
      ],
    });
    const active = await dispatch(ctx, 'matrix.get', { status: 'active' });
    expect(active).toMatchObject({ ok: true, value: [{ initiatives: [0, 0, 0, 0, 0, 1, 0] }] });
  });
});

describe('api/contract: what each operation does to the file', () => {
  it('declares every write, and keeps the undoable ones synchronous by type', async () => {
    // A handler of an undoable operation that awaited could let another write into its change.
    // @ts-expect-error an async handler for an undoable operation does not type-check
    const asyncUndoable: Handler<'regions.create'> = async () => ({}) as never;
    const asyncWrite: Handler<'import.commit'> = async () => ({}) as never; // allowed: not undoable
    expect([typeof asyncUndoable, typeof asyncWrite]).toEqual(['function', 'function']);
    const effects = Object.fromEntries(OPERATION_NAMES.map((n) => [n, contract[n].effect]));
    expect(effects['initiatives.update']).toBe('undoable');
    expect(effects['import.commit']).toBe('write');
    expect(effects['planning.add']).toBe('write');
    expect(effects['initiatives.list']).toBe('read');
    // The undo button names the last change by its operation, in both languages.
    const undoable = OPERATION_NAMES.filter((o) => effects[o] === 'undoable');
    for (const lang of ['ar', 'en'] as const) {
      const ops = MESSAGES[lang].history.ops as Record<string, string>;
      expect(
        undoable.filter((n) => !ops[n.replace('.', '_')]),
        lang,
      ).toEqual([]);
    }
    expect(effects['files.saveCopy']).toBe('session');
    // Every operation that changes the portfolio's records is refused on a file gone away: the
    // reads are exactly those whose names say so.
    const reads = OPERATION_NAMES.filter((n) => effects[n] === 'read');
    for (const n of reads)
      expect(n, n).toMatch(
        /\.(list|get|last|findings|proposals|stats|status|preview|discard|errorWorkbook|export|template|matrix|cell|cancel)$/,
      );
  });
});
