/**
 * Issue 6: the importer meets a few hundred malformed workbooks (random cells of every type,
 * broken XML, odd cell types and references) without crashing, hanging past its time limit or
 * changing the portfolio. Generated from a fixed seed, so a failure can be replayed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/connection';
import { loadDemo } from '../../db/demo';
import { AppError } from '../../db/core/errors';
import { streamImport } from '../../electron/excel/import/stream';
import { useTestDb } from '../helpers/db';
import { random } from '../helpers/random';
import { fuzzWorkbooks } from '../helpers/fuzz-workbooks';
import { useTempDir } from '../helpers/tmp';

// The bundled worker the app ships, when built (npm test builds first): it starts in a fraction
// of the time the TypeScript source takes under the test runner's loader.
const BUNDLED = resolve(__dirname, '../../out/main/excel-worker.js');
if (existsSync(BUNDLED)) process.env.TAJAMMU_EXCEL_WORKER ??= BUNDLED;

const newDb = useTestDb();
const tempDir = useTempDir();

const fingerprint = (db: Db) =>
  db
    .prepare(
      `SELECT (SELECT count(*) FROM initiatives) AS i, (SELECT count(*) FROM regions) AS r,
              (SELECT count(*) FROM clusters) AS c, (SELECT count(*) FROM audit_log) AS a`,
    )
    .get();

describe('import/fuzz', () => {
  it('takes 240 malformed workbooks without a crash, a hang or a change to the portfolio', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    let before = fingerprint(db);
    let imported = 0;
    const dir = tempDir();
    const r = random(2026);
    let refused = 0;
    const reasons = new Map<string, number>();
    let slowest = 0;
    let peak = 0;
    let k = -1;
    for (const bytes of fuzzWorkbooks(r)) {
      k += 1;
      const file = join(dir, `fuzz-${k}.xlsx`);
      writeFileSync(file, bytes);
      const t0 = performance.now();
      try {
        const { result, plan } = await streamImport(db, file, {
          skipInvalid: false,
          fileName: 'fuzz.xlsx',
          timeoutMs: 10_000,
        });
        // Garbage rows are invalid, so nothing may be written; a row that happens to be valid is
        // written only with every other row of its file valid too.
        if (result === null) expect(plan.errors.length).toBeGreaterThan(0);
        else {
          expect(plan.errors).toEqual([]);
          // A file whose every row is valid (or that has none) is a real import: the new
          // baseline. An empty one is recorded as a batch and changes nothing else.
          if (result.created + result.updated > 0) imported += 1;
          before = fingerprint(db);
        }
      } catch (e) {
        // Refusals are the program's own bilingual errors, never a crash of some library.
        expect(e, `workbook ${k}`).toBeInstanceOf(AppError);
        reasons.set(
          (e as AppError).bilingual.en.slice(0, 60),
          (reasons.get((e as AppError).bilingual.en.slice(0, 60)) ?? 0) + 1,
        );
        refused += 1;
        slowest = Math.max(slowest, performance.now() - t0);
      }
      peak = Math.max(peak, process.memoryUsage().rss);
      if (k % 20 === 19 || k === 239) expect(fingerprint(db), `after workbook ${k}`).toEqual(before);
    }
    console.info(
      `fuzz: 240 workbooks, ${refused} refused, ${imported} imported whole, slowest refusal ${slowest.toFixed(0)} ms, peak RSS ${(peak / 2 ** 20).toFixed(0)} MB`,
    );
    console.info([...reasons].map(([m, n]) => `${n} × ${m}`).join('\n'));
    expect(refused).toBeGreaterThan(40);
    expect(refused).toBeLessThan(240);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 600_000);

  it('takes 60 damaged .xls (LibreOffice’s register with bytes changed) the same way', async () => {
    const db = newDb();
    loadDemo(db, { source: 'cli' });
    let before = fingerprint(db);
    const base = readFileSync(join(__dirname, '../fixtures/register.xls'));
    const r = random(1997);
    const dir = tempDir();
    let refused = 0;
    for (let k = 0; k < 60; k++) {
      const file = join(dir, `fuzz-${k}.xls`);
      // One to eight bytes anywhere set at random: the header, the FAT, the directory, records.
      const bytes = Buffer.from(base);
      for (let i = r.int(1, 8); i > 0; i--) bytes[r.int(0, bytes.length - 1)] = r.int(0, 255);
      writeFileSync(file, bytes);
      try {
        const { result, plan } = await streamImport(db, file, {
          skipInvalid: false,
          fileName: 'fuzz.xls',
          timeoutMs: 10_000,
        });
        if (result === null) expect(plan.errors.length + plan.collisions.length).toBeGreaterThan(0);
        before = fingerprint(db);
      } catch (e) {
        expect(e, `workbook ${k}`).toBeInstanceOf(AppError);
        refused += 1;
      }
      expect(fingerprint(db), `after workbook ${k}`).toEqual(before);
    }
    console.info(`fuzz .xls: 60 workbooks, ${refused} refused`);
    expect(refused).toBeGreaterThan(5);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 300_000);
});
