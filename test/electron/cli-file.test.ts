import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open } from '../../db/connection';
import { LATEST_VERSION } from '../../db/migrations';
import { runCli } from '../../electron/cli';
import { damage } from '../helpers/damage';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();

async function cli(...args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const count = (file: string, table = 'initiatives') => {
  const db = open(file);
  try {
    return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
};

describe('cli: the portfolio file (check-file, backup, restore)', () => {
  it('check-file reports a sound file, and a damaged one without writing to it', async () => {
    const dir = tempDir();
    const file = join(dir, 'office.tajammu');
    expect((await cli('init', '--db', file, '--demo')).code).toBe(0);
    const sound = await cli('check-file', '--db', file, '--json');
    expect(sound.code).toBe(0);
    expect(JSON.parse(sound.out)).toEqual({ file, ok: true, version: LATEST_VERSION, problems: [] });

    damage(file);
    const before = readFileSync(file);
    const damaged = await cli('check-file', '--db', file, '--json');
    expect(damaged.code).toBe(1);
    const report = JSON.parse(damaged.out) as { ok: boolean; problems: string[] };
    expect(report.ok).toBe(false);
    expect(report.problems.length).toBeGreaterThan(0);
    // Work on it is refused too, and neither touched the file.
    const refused = await cli('matrix', '--db', file, '--json');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/تالف.*damaged/);
    expect(readFileSync(file).equals(before)).toBe(true);

    const other = join(dir, 'notes.txt');
    writeFileSync(other, 'not a database');
    expect((await cli('check-file', '--db', other)).err).toContain('not a Tajammu portfolio');
  });

  it('backs up with the online backup, and restores a copy after keeping a backup of the current state', async () => {
    const dir = tempDir();
    const file = join(dir, 'office.tajammu');
    const copy = join(dir, 'usb', 'copy.tajammu');
    await cli('init', '--db', file, '--demo');
    const all = count(file);
    const backup = await cli('backup', '--db', file, '--out', copy);
    expect(backup.code).toBe(1); // the folder does not exist: SQLite cannot create it
    const flat = join(dir, 'copy.tajammu');
    expect((await cli('backup', '--db', file, '--out', flat)).code).toBe(0);
    expect(count(flat)).toBe(all);
    expect((await cli('backup', '--db', file, '--out', flat)).code).toBe(1); // exists
    expect((await cli('backup', '--db', file, '--out', flat, '--force')).code).toBe(0);

    // A day's work lost by mistake, then the copy put back.
    const db = open(file);
    db.exec('DELETE FROM indicator_values; DELETE FROM indicators; DELETE FROM initiatives');
    db.close();
    expect(count(file)).toBe(0);
    const restored = await cli('restore', '--db', file, '--from', flat);
    expect(restored.code).toBe(0);
    expect(count(file)).toBe(all);
    expect((await cli('check-file', '--db', file)).code).toBe(0);
    // What it replaced is kept: the backup taken first holds the emptied state.
    const kept = readdirSync(join(dir, 'backups')).filter((f) => f.includes('before-restore'));
    expect(kept).toHaveLength(1);
    expect(count(join(dir, 'backups', kept[0]!))).toBe(0);
  });

  it('refuses to restore a damaged or foreign copy, and changes nothing', async () => {
    const dir = tempDir();
    const file = join(dir, 'office.tajammu');
    const bad = join(dir, 'bad.tajammu');
    await cli('init', '--db', file, '--demo');
    await cli('backup', '--db', file, '--out', bad);
    damage(bad);
    const before = count(file);
    const refused = await cli('restore', '--db', file, '--from', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/تالفة.*damaged/);
    const foreign = join(dir, 'foreign.db');
    writeFileSync(foreign, 'SQLite format 3\u0000');
    expect((await cli('restore', '--db', file, '--from', foreign)).code).toBe(1);
    expect(count(file)).toBe(before);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });
});
