import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPLICATION_ID, open, schemaVersion } from '../../db/connection';
import { AppError } from '../../db/core/errors';
import { LATEST_VERSION, MIGRATIONS } from '../../db/migrations';
import { getMatrix } from '../../db/queries/matrix';
import { getFindings } from '../../db/queries/health';
import { loadDemo } from '../../db/demo';
import { refreshClusterSums } from '../../db/cluster-sums';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

describe('db/connection', () => {
  it('opens a new file with WAL, foreign keys and a busy timeout', () => {
    const db = open(join(tempDir(), 'p.tajammu'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it('reopens a file without migrating it again', () => {
    const file = join(tempDir(), 'p.tajammu');
    open(file).close();
    const db = open(file);
    expect(db.prepare('SELECT count(*) AS n FROM axes').get()).toEqual({ n: 7 });
    db.close();
  });

  it('refuses a file from a newer version and leaves it untouched', () => {
    const file = join(tempDir(), 'newer.tajammu');
    open(file).close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 10}`);
    raw.close();
    const err = catchError(() => open(file));
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('NEWER_FILE');
    expect(err.bilingual.ar).toMatch(/أحدث/);
    expect(err.bilingual.en).toMatch(/newer version/);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 10);
    check.close();
  });

  it('refuses a file that is not a database', () => {
    const file = join(tempDir(), 'notes.tajammu');
    writeFileSync(file, 'this is a text file, not a portfolio '.repeat(200));
    expect(catchError(() => open(file)).code).toBe('NOT_A_PORTFOLIO');
  });

  it("refuses another program's SQLite database", () => {
    const file = join(tempDir(), 'other.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)');
    raw.close();
    expect(catchError(() => open(file)).code).toBe('NOT_A_PORTFOLIO');
  });
});

describe('db/migrations', () => {
  it('are numbered in increasing steps of 10', () => {
    MIGRATIONS.forEach((m, i) => expect(m.version).toBe((i + 1) * 10));
  });

  it('carry their own statements and data: a released migration imports no live code', () => {
    const dir = join(__dirname, '../../db/migrations');
    for (const f of readdirSync(dir).filter((n) => /^\d{4}-.*\.ts$/.test(n))) {
      // Every way a module can reach another: import (one line or several, or bare), export … from, require.
      const uses = [
        ...readFileSync(join(dir, f), 'utf8').matchAll(
          /\b(?:import|export)\s+(type\s+)?(?:[^;'"]*?\bfrom\s+)?'([^']+)'|\brequire\(\s*'([^']+)'\s*\)/g,
        ),
      ];
      expect(
        uses.filter(([, type, from]) => !(type && from === 'better-sqlite3')).map(([text]) => text),
        f,
      ).toEqual([]);
    }
  });

  for (const m of MIGRATIONS) {
    it(`migration ${m.version} (${m.name}) runs on an empty file`, () => {
      const db = open(join(tempDir(), `m${m.version}.tajammu`), { toVersion: m.version });
      expect(schemaVersion(db)).toBe(m.version);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('migration 50 sums the initiatives a portfolio of version 40 already holds', () => {
    const file = join(tempDir(), 'v40.tajammu');
    const old = open(file, { toVersion: 40 });
    const insert = old.prepare(
      `INSERT INTO initiatives (id, code, title, region_id, cluster_id, axis2, axis5, primary_axis, status,
         planned_budget, spent, progress, created_at, updated_at)
       VALUES (?, ?, 'مبادرة', ?, ?, 1, 1, 2, ?, 1000, 400, 50, '', '')`,
    );
    const region = randomUUID();
    const cluster = randomUUID();
    old
      .prepare(`INSERT INTO regions (id, code, name_ar, created_at, updated_at) VALUES (?, 'R', 'إقليم', '', '')`)
      .run(region);
    old
      .prepare(
        `INSERT INTO clusters (id, code, name_ar, region_id, created_at, updated_at) VALUES (?, 'C', 'تجمع', ?, '', '')`,
      )
      .run(cluster, region);
    ['active', 'active', 'completed', 'cancelled'].forEach((status, k) =>
      insert.run(randomUUID(), `I-${k}`, region, cluster, status),
    );
    old.close();
    const db = open(file);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    const row = getMatrix(db).find((r) => r.clusterId === cluster)!;
    expect(row.initiatives).toEqual([0, 3, 0, 0, 3, 0, 0]);
    expect(row.total).toEqual({ initiatives: 3, budget: 3000, spent: 1200, progressSum: 150 });
    db.close();
  });

  // Issue 6: a portfolio made by each earlier version, with data, opens in this one intact.
  for (const m of MIGRATIONS.filter((x) => x.version < LATEST_VERSION)) {
    it(`a portfolio made at schema ${m.version} keeps its data through every later migration`, () => {
      const file = join(tempDir(), `from-${m.version}.tajammu`);
      const old = open(file, { toVersion: m.version });
      loadDemo(old, { source: 'cli' });
      const tables = ['regions', 'sectors', 'clusters', 'initiatives', 'indicators', 'indicator_values', 'settings'];
      const rows = (db: Database.Database) =>
        Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]));
      const before = rows(old);
      const audit = old.prepare('SELECT count(*) FROM audit_log').pluck().get();
      old.close();
      const db = open(file);
      expect(schemaVersion(db)).toBe(LATEST_VERSION);
      expect(rows(db)).toEqual(before);
      expect(db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(audit);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      // What later versions added is filled in from the old data: the matrix's sums agree with a
      // fresh count, and the health rules run.
      const sums = db.prepare('SELECT * FROM cluster_sums WHERE n > 0 ORDER BY 1, 2').all();
      refreshClusterSums(db);
      expect(db.prepare('SELECT * FROM cluster_sums WHERE n > 0 ORDER BY 1, 2').all()).toEqual(sums);
      expect(sums.length).toBeGreaterThan(0);
      expect(getFindings(db).length).toBeGreaterThan(0);
      db.close();
    });
  }

  it('seeds the seven axes with the Arabic and English names of the source text', () => {
    const db = open(join(tempDir(), 'axes.tajammu'));
    const axes = db.prepare('SELECT id, name_ar, name_en, description_ar FROM axes ORDER BY id').all() as {
      id: number;
      name_ar: string;
      name_en: string;
      description_ar: string;
    }[];
    expect(axes.map((a) => a.id)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(axes[0]!.name_ar).toBe('التنمية الاقتصادية');
    expect(axes[6]!.name_ar).toContain('لتحويل القطاعات الإنتاجية العشوائية إلى منظمة');
    expect(axes[5]!.description_ar).toContain('التقليدية والتراثية والحرفية');
    for (const a of axes) expect(a.name_en.length).toBeGreaterThan(5);
    db.close();
  });

  it('rolls every pending migration back when one fails', () => {
    const file = join(tempDir(), 'fail.tajammu');
    const db = new Database(file);
    db.exec('CREATE TABLE axes (id INTEGER)'); // collides with the first migration's table
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.close();
    expect(() => open(file)).toThrow();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(0);
    expect(check.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'regions'").get()).toEqual({ n: 0 });
    check.close();
  });
});

function catchError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected an error');
}
