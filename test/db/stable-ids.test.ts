/**
 * A template's rows keyed by what they say, not by the random ids an import gives them: the same
 * rows give the same snapshot whatever ids they came with, and no two rows share an id.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { differingRows, emptySnapshot, rowHashes, type Snapshot, snapshotHash, withStableIds } from '../../db/snapshot';

/** Initiatives A and A/B; A has indicators X, X (told apart by unit), X#2 and B/C; A/B has C. */
function imported(): Snapshot {
  const s = emptySnapshot();
  const [a, ab] = [randomUUID(), randomUUID()];
  const ind = Array.from({ length: 5 }, () => randomUUID());
  s.tables.initiatives = {
    columns: ['id', 'code', 'title'],
    rows: [
      [a, 'A', 'أ'],
      [ab, 'A/B', 'ب'],
    ],
  };
  s.tables.indicators = {
    columns: ['id', 'initiative_id', 'name', 'unit'],
    rows: [
      [ind[0]!, a, 'X', 'kg'],
      [ind[1]!, a, 'X', 'ton'],
      [ind[2]!, a, 'X#2', 'kg'],
      [ind[3]!, a, 'B/C', 'kg'],
      [ind[4]!, ab, 'C', 'kg'],
    ],
  };
  s.tables.indicator_values = {
    columns: ['indicator_id', 'period', 'value'],
    rows: ind.flatMap((id, k) => [
      [id, '2026-Q1', k],
      [id, '2026-Q2', k * 10],
    ]),
  };
  // In the order of their random ids, as SQLite hands them over.
  for (const t of Object.values(s.tables)) t.rows.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
  return s;
}

describe('withStableIds', () => {
  it('gives the same rows and hash for the same content, whatever its ids, and unique ids', () => {
    const first = withStableIds(imported());
    for (let k = 0; k < 20; k++) {
      const again = withStableIds(imported());
      expect(again.tables).toEqual(first.tables);
      expect(snapshotHash(again)).toBe(snapshotHash(first));
    }
    const ids = first.tables.indicators.rows.map((r) => r[0]);
    expect(new Set(ids).size).toBe(5);
    // Values follow their indicator; the key order is SQLite's (indicator, then period).
    const values = first.tables.indicator_values.rows;
    expect(new Set(values.map((r) => r[0]))).toEqual(new Set(ids));
    expect(values.map((r) => [r[0], r[1]])).toEqual(
      [...values.map((r) => [r[0], r[1]])].sort(
        (x, y) =>
          Buffer.compare(Buffer.from(String(x[0])), Buffer.from(String(y[0]))) ||
          String(x[1]).localeCompare(String(y[1])),
      ),
    );
  });

  it('names the rows edited in a package: changed, removed, and a row copied as added', () => {
    const sent = withStableIds(imported());
    const listed = rowHashes(sent);
    const edited = structuredClone(sent);
    edited.tables.indicators.rows[0]![3] = 'g';
    edited.tables.initiatives.rows.push([...edited.tables.initiatives.rows[0]!]);
    edited.tables.indicator_values.rows.pop();
    expect(differingRows(edited, listed)).toEqual([
      { table: 'indicators', key: String(sent.tables.indicators.rows[0]![0]), code: null, kind: 'changed' },
      expect.objectContaining({ table: 'indicator_values', kind: 'removed' }),
      { table: 'initiatives', key: 'A', code: 'A', kind: 'added' },
    ]);
    // Reordered only: no row differs (the package's one hash says it was edited).
    const reordered = structuredClone(sent);
    reordered.tables.initiatives.rows.reverse();
    expect(differingRows(reordered, listed)).toEqual([]);
  });
});
