/**
 * The nation's scratch portfolio kept on disk between runs and brought up to date office by
 * office: after any sequence of decisions it must give exactly what a portfolio built afresh
 * gives, survive a damaged cache file, and start again under other settings.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { closeNationalDbs, nationalReader } from '../../db/national-db';
import { nationalFindings, nationalMatrix, nationalSources } from '../../db/queries/national';
import { listInitiatives, updateInitiative } from '../../db/repos/initiatives';
import { makeMinistry, reopen } from '../../db/repos/ministry';
import { updateSettings } from '../../db/repos/settings';
import { decide } from '../../electron/excel/decide';
import { receivePackages } from '../../electron/excel/receive';
import { submitPeriod } from '../../electron/excel/submit';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const ctx = { source: 'cli' as const };
let cacheDir: string;
const before = process.env.TAJAMMU_CACHE_DIR;
beforeEach(() => {
  cacheDir = tempDir();
  process.env.TAJAMMU_CACHE_DIR = cacheDir;
});
afterEach(() => {
  closeNationalDbs();
  if (before === undefined) delete process.env.TAJAMMU_CACHE_DIR;
  else process.env.TAJAMMU_CACHE_DIR = before;
});

/** The figures as a portfolio built afresh gives them: the same calls over an empty cache folder. */
function afresh(m: ReturnType<typeof open>, period: string) {
  closeNationalDbs();
  const kept = process.env.TAJAMMU_CACHE_DIR;
  process.env.TAJAMMU_CACHE_DIR = tempDir();
  try {
    return { matrix: nationalMatrix(m, { period }), findings: nationalFindings(m, { period }) };
  } finally {
    closeNationalDbs();
    process.env.TAJAMMU_CACHE_DIR = kept;
  }
}

describe('the nation’s portfolio on disk', () => {
  it('after accepting, resubmitting and reopening, gives what a fresh build gives, rewriting only the office decided', async () => {
    const dir = tempDir();
    const m = open(join(dir, 'm.tajammu'));
    makeMinistry(m, ctx);
    const packages: string[] = [];
    // DL's keys ('DL:…') are a prefix of DLT's in text: each office's range must hold its own rows only.
    const offices = ['DLT', 'DL', 'ALX'].map((code, k) => {
      const db = open(join(dir, `${code}.tajammu`));
      loadDemo(db, ctx);
      updateSettings(db, ctx, { officeCode: code, officeName: code });
      for (const i of listInitiatives(db).slice(0, 20))
        updateInitiative(db, ctx, { id: i.id, plannedBudget: i.plannedBudget * (k + 1) });
      return { code, db };
    });
    for (const o of offices) {
      const file = join(dir, `${o.code}-v1.xlsx`);
      await submitPeriod(o.db, ctx, file, { period: '2026-Q3', lang: 'ar' });
      packages.push(file);
    }
    await receivePackages(m, ctx, packages);
    const accept = (office: string) =>
      decide(m, ctx, {
        office,
        period: '2026-Q3',
        status: 'accepted',
        out: join(dir, `r-${office}-${Date.now()}.xlsx`),
        lang: 'ar',
      });
    const same = () => {
      const now = {
        matrix: nationalMatrix(m, { period: '2026-Q3' }),
        findings: nationalFindings(m, { period: '2026-Q3' }),
      };
      expect(now).toEqual(afresh(m, '2026-Q3'));
      return now;
    };
    await accept('DLT');
    await accept('DL');
    expect(new Set(same().matrix.map((r) => r.office))).toEqual(new Set(['DLT', 'DL']));
    // One more office accepted: its rows added to the cache, the others' rows left where they were.
    const loaded = () => {
      const [file] = readdirSync(cacheDir).filter((f) => f.endsWith('.tajammu'));
      const cache = open(join(cacheDir, file!));
      try {
        return cache
          .prepare('SELECT substr(id, 1, 3) AS office, min(rowid) AS first FROM initiatives GROUP BY 1')
          .all();
      } finally {
        cache.close();
      }
    };
    const was = loaded();
    await accept('ALX');
    expect(new Set(same().matrix.map((r) => r.office))).toEqual(new Set(['DLT', 'DL', 'ALX']));
    expect(loaded().filter((r) => (r as { office: string }).office !== 'ALX')).toEqual(was);
    // DL sends a version 2 with other budgets, accepted: its rows replaced, DLT's untouched.
    const dl = offices[1]!;
    for (const i of listInitiatives(dl.db).slice(0, 50))
      updateInitiative(dl.db, ctx, { id: i.id, plannedBudget: i.plannedBudget + 12_345 });
    const v2 = join(dir, 'DL-v2.xlsx');
    await submitPeriod(dl.db, ctx, v2, { period: '2026-Q3', lang: 'ar', reason: 'تصحيح' });
    await receivePackages(m, ctx, [v2]);
    // A report being written meanwhile reads the nation as it was when it began.
    const reading = nationalReader(m, nationalSources(m, { period: '2026-Q3' }), '2026-Q3');
    const budget = () => reading.db.prepare('SELECT sum(planned_budget) FROM initiatives').pluck().get();
    const was2 = budget();
    await accept('DL');
    same();
    closeNationalDbs();
    expect(budget()).toBe(was2);
    reading.release();
    // DLT reopened: out of the nation's figures until decided again.
    reopen(m, ctx, 'DLT', '2026-Q3', 'مراجعة');
    expect(new Set(same().matrix.map((r) => r.office))).toEqual(new Set(['DL', 'ALX']));
    // Closed and opened again (another run): the cache on disk is used as it is, and still right.
    closeNationalDbs();
    expect(readdirSync(cacheDir).filter((f) => f.endsWith('.tajammu'))).toHaveLength(1);
    same();
    for (const o of offices) o.db.close();
    m.close();
  }, 180_000);

  it('starts again from a damaged cache file, and under other settings', async () => {
    const dir = tempDir();
    const m = open(join(dir, 'm.tajammu'));
    makeMinistry(m, ctx);
    const o = open(join(dir, 'DLT.tajammu'));
    loadDemo(o, ctx);
    updateSettings(o, ctx, { officeCode: 'DLT', officeName: 'DLT' });
    const file = join(dir, 'DLT-v1.xlsx');
    await submitPeriod(o, ctx, file, { period: '2026-Q3', lang: 'ar' });
    await receivePackages(m, ctx, [file]);
    await decide(m, ctx, {
      office: 'DLT',
      period: '2026-Q3',
      status: 'accepted',
      out: join(dir, 'r.xlsx'),
      lang: 'ar',
    });
    const first = nationalMatrix(m, { period: '2026-Q3' });
    expect(first.length).toBeGreaterThan(0);
    closeNationalDbs();
    const [cache] = readdirSync(cacheDir).filter((f) => f.endsWith('.tajammu'));
    writeFileSync(join(cacheDir, cache!), 'not a database at all');
    expect(nationalMatrix(m, { period: '2026-Q3' })).toEqual(first);
    // The ministry's calendar changes which initiatives fall in a period: built again under it.
    updateSettings(m, ctx, { fiscalYearStartMonth: 7 });
    expect(nationalMatrix(m, { period: '2026-Q3' })).toEqual(afresh(m, '2026-Q3').matrix);
    o.close();
    m.close();
  }, 120_000);
});
