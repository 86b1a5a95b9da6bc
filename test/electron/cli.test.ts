import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const ROOT = resolve(__dirname, '../..');

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

interface MatrixJson {
  axes: number[];
  rows: { region: string; cluster: string | null; initiatives: number[]; budget: number[] }[];
  totals: { initiatives: number[]; budget: number[] };
}

describe('cli', () => {
  it('init --demo then matrix --json prints the demo matrix in the documented shape', async () => {
    const db = join(tempDir(), 'demo.tajammu');
    expect((await cli('init', '--db', db, '--demo')).code).toBe(0);
    const { code, out } = await cli('matrix', '--db', db, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as MatrixJson;
    // Extended, nothing removed: totals, and a row with cluster null per region with region-wide initiatives.
    expect(Object.keys(json)).toEqual(['axes', 'rows', 'totals']);
    expect(json.axes).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(json.rows.filter((r) => r.cluster !== null)).toHaveLength(24);
    const wide = json.rows.filter((r) => r.cluster === null);
    expect(wide.length).toBeGreaterThan(0);
    expect(new Set(wide.map((r) => r.region)).size).toBe(wide.length);
    for (const key of ['initiatives', 'budget'] as const) {
      expect(json.totals[key]).toEqual(json.axes.map((a) => json.rows.reduce((s, r) => s + r[key][a - 1]!, 0)));
      for (const n of json.totals[key]) expect(Number.isInteger(n)).toBe(true);
    }
    for (const row of json.rows) {
      expect(Object.keys(row)).toEqual(['region', 'cluster', 'initiatives', 'budget', 'unclassified']);
      expect(row.region).toMatch(/[\u0600-\u06FF]/);
      expect(row.initiatives).toHaveLength(7);
      expect(row.budget).toHaveLength(7);
      for (const n of [...row.initiatives, ...row.budget]) expect(Number.isInteger(n)).toBe(true);
    }
    const damietta = json.rows.find((r) => r.cluster === 'أثاث دمياط');
    expect(damietta?.region).toBe('إقليم الدلتا');
  });

  it('matrix --region NAME --status S filters the rows and cells; a bad status exits 64', async () => {
    const db = join(tempDir(), 'demo.tajammu');
    await cli('init', '--db', db, '--demo');
    const all = JSON.parse((await cli('matrix', '--db', db, '--json')).out) as MatrixJson;
    const delta = JSON.parse((await cli('matrix', '--db', db, '--json', '--region', 'اقليم الدلتا')).out) as MatrixJson;
    expect(delta.rows.length).toBeGreaterThan(0);
    expect(delta.rows.every((r) => r.region === 'إقليم الدلتا')).toBe(true);
    expect(delta.rows).toEqual(all.rows.filter((r) => r.region === 'إقليم الدلتا'));
    const active = JSON.parse((await cli('matrix', '--db', db, '--json', '--status', 'active')).out) as MatrixJson;
    const cells = (j: MatrixJson) => j.rows.flatMap((r) => r.initiatives).reduce((a, b) => a + b, 0);
    expect(cells(active)).toBeGreaterThan(0);
    expect(cells(active)).toBeLessThan(cells(all));
    const bad = await cli('matrix', '--db', db, '--status', 'finished');
    expect(bad.code).toBe(64);
    expect(bad.err).toContain('status');
    const nowhere = await cli('matrix', '--db', db, '--region', 'لا يوجد');
    expect(nowhere.code).toBe(1);
    expect(nowhere.err).toContain('لا يوجد إقليم');
  });

  it('check --json prints the findings in the documented shape', async () => {
    const db = join(tempDir(), 'demo.tajammu');
    await cli('init', '--db', db, '--demo');
    const { code, out } = await cli('check', '--db', db, '--json');
    expect(code).toBe(0);
    const { findings } = JSON.parse(out) as {
      findings: {
        rule: string;
        region: string;
        cluster: string | null;
        axis: number | null;
        initiative: string | null;
        message: { ar: string; en: string };
      }[];
    };
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['R1', 'R3', 'R4', 'R5', 'R6']));
    for (const f of findings) {
      expect(Object.keys(f)).toEqual(['rule', 'kind', 'region', 'cluster', 'axis', 'initiative', 'message']);
      expect(f.region).toMatch(/[\u0600-\u06FF]/);
      expect(f.message.ar).toMatch(/[\u0600-\u06FF]/);
      expect(f.message.en).toMatch(/^[\x20-\x7E\u0600-\u06FF«»“”’]+$/);
    }
    const gap = findings.find((f) => f.rule === 'R1')!;
    expect(gap).toMatchObject({ initiative: null });
    expect(gap.axis).toBeGreaterThanOrEqual(1);
    expect(findings.find((f) => f.rule === 'R3')!.initiative).toMatch(/^INI-\d{4}$/);
    // The rules come in order, R1 first.
    expect(findings.map((f) => f.rule)).toEqual([...findings.map((f) => f.rule)].sort());
    const delta = JSON.parse((await cli('check', '--db', db, '--json', '--region', 'إقليم الدلتا')).out) as {
      findings: { region: string }[];
    };
    expect(delta.findings.length).toBeLessThan(findings.length);
    expect(delta.findings.every((f) => f.region === 'إقليم الدلتا')).toBe(true);
  });

  it('counts an initiative on two axes in both cells and reports budget in major units', async () => {
    const db = join(tempDir(), 'small.tajammu');
    await cli('init', '--db', db);
    const { open } = await import('../../db/connection');
    const { createRegion } = await import('../../db/repos/regions');
    const { createCluster } = await import('../../db/repos/clusters');
    const { createInitiative } = await import('../../db/repos/initiatives');
    const h = open(db);
    const r = createRegion(h, { source: 'cli' }, { nameAr: 'إقليم' });
    const c = createCluster(h, { source: 'cli' }, { regionId: r.id, nameAr: 'تجمع' });
    createInitiative(h, { source: 'cli' }, { title: 'م', clusterId: c.id, axes: [2, 5], plannedBudget: 1_234_567_89 });
    h.close();
    const json = JSON.parse((await cli('matrix', '--db', db, '--json')).out) as MatrixJson;
    expect(json.rows).toEqual([
      {
        region: 'إقليم',
        cluster: 'تجمع',
        initiatives: [0, 1, 0, 0, 1, 0, 0],
        budget: [0, 1234568, 0, 0, 1234568, 0, 0],
        unclassified: 0,
      },
    ]);
  });

  it('refuses to overwrite a portfolio that holds data unless --force', async () => {
    const db = join(tempDir(), 'full.tajammu');
    await cli('init', '--db', db, '--demo');
    const refused = await cli('init', '--db', db, '--demo');
    expect(refused.code).not.toBe(0);
    expect(refused.err.trim().split('\n')).toHaveLength(1);
    expect(refused.err).toMatch(/--force/);
    expect(refused.err).toMatch(/[\u0600-\u06FF]/);
    expect((await cli('init', '--db', db, '--demo', '--force')).code).toBe(0);
  });

  it('fails with one bilingual line and no stack trace on bad input', async () => {
    const notDb = join(tempDir(), 'notes.txt');
    writeFileSync(notDb, 'x'.repeat(5000));
    for (const args of [['matrix', '--db', notDb], ['matrix'], ['frobnicate'], ['matrix', '--nope']]) {
      const r = await cli(...args);
      expect(r.code).not.toBe(0);
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/[\u0600-\u06FF].* \/ [A-Za-z]/);
      expect(r.err).not.toMatch(/at .*\.ts:\d+/);
    }
    const debug = await cli('matrix', '--db', notDb, '--debug');
    expect(debug.err).toMatch(/at /);
  });

  it('runs as `npm run --silent cli` with exit codes and clean stdout', () => {
    const db = join(tempDir(), 'proc.tajammu');
    execFileSync('npm', ['run', '--silent', 'cli', '--', 'init', '--db', db, '--demo'], { cwd: ROOT });
    const out = execFileSync('npm', ['run', '--silent', 'cli', '--', 'matrix', '--db', db, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect((JSON.parse(out) as MatrixJson).rows.filter((r) => r.cluster)).toHaveLength(24);
    const bad = spawnSync(
      'npm',
      ['run', '--silent', 'cli', '--', 'matrix', '--db', join(tempDir(), 'missing.tajammu'), '--json'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);
});
