import { describe, expect, it } from 'vitest';
import { contract, OPERATION_NAMES } from '../../db/core/contract';
import { COLLECTIONS, touched } from '../../renderer/stores/touched';

describe('renderer/stores/touched: a write fetches again what it changed', () => {
  it('fetches each collection with a read operation', () => {
    for (const op of Object.values(COLLECTIONS)) expect(contract[op].effect, op).toBe('read');
  });

  it('refreshes the figures after a record changes, nothing after a draft, everything after an undo or another file', () => {
    expect(touched('initiatives.update')).toEqual(['initiatives', 'matrix', 'findings', 'stats']);
    expect(touched('indicators.create')).toContain('matrix');
    expect(touched('regions.update')).toEqual(expect.arrayContaining(['regions', 'matrix', 'findings']));
    expect(touched('settings.update')).toEqual(['settings', 'findings']);
    expect(touched('clusters.update')).toContain('initiatives');
    expect(touched('planning.add')).toEqual([]);
    expect(touched('planning.commit')).toContain('initiatives');
    for (const whole of [
      'history.undo',
      'portfolio.loadDemo',
      'import.commit',
      'files.open',
      'backups.restore',
    ] as const)
      expect(touched(whole), whole).toBeNull();
  });

  it('names only collections the store keeps, for every write of the contract', () => {
    for (const name of OPERATION_NAMES.filter((n) => contract[n].effect !== 'read')) {
      const t = touched(name);
      if (t) for (const c of t) expect(Object.keys(COLLECTIONS), name).toContain(c);
    }
  });
});
