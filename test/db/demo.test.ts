import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../db/demo';
import { getMatrix } from '../../db/queries/matrix';
import { getStats } from '../../db/queries/stats';
import { useTestDb } from '../helpers/db';

const newDb = useTestDb();

describe('db/demo', () => {
  it('fills a believable portfolio with deliberate gaps, the same every time', () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const stats = getStats(db);
    expect(stats.regions).toBe(4);
    expect(stats.clusters).toBe(24);
    expect(stats.initiatives).toBeGreaterThanOrEqual(270);
    expect(stats.initiatives).toBeLessThanOrEqual(330);
    const matrix = getMatrix(db);
    const gaps = matrix.filter((r) => r.selected).flatMap((r) => r.initiatives.filter((n) => n === 0));
    expect(gaps.length).toBeGreaterThan(10);
    const again = newDb();
    loadDemo(again, { source: 'cli' });
    expect(getMatrix(again).map((r) => r.initiatives)).toEqual(matrix.map((r) => r.initiatives));
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses to load into a portfolio that already holds data, changing nothing', () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    const before = getStats(db);
    expect(() => loadDemo(db, { source: 'cli' })).toThrow(/empty/);
    expect(getStats(db)).toEqual(before);
  });
});
