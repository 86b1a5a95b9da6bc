import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { checkPortfolioFile } from '../../db/backup';
import { scanBackups } from '../../db/backup-store';
import { runCli } from '../../electron/cli';
import Excel from '../../electron/excel/exceljs';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const ROOT = resolve(__dirname, '../..');
const ROWS = 15_000;
const quiet = { out: () => undefined, err: () => undefined };

async function writeRegister(file: string): Promise<void> {
  const wb = new Excel.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const ws = wb.addWorksheet('سجل المبادرات');
  ws.addRow(['كود المبادرة', 'اسم المبادرة', 'الإقليم', 'التجمع', 'المحاور', 'الميزانية المخططة']).commit();
  for (let i = 1; i <= ROWS; i++) {
    ws.addRow([`K-${i}`, `مبادرة رقم ${i}`, `إقليم ${i % 4}`, `تجمع ${i % 40}`, '1، 4', 1000 + i]).commit();
  }
  ws.commit();
  await wb.commit();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs the CLI import in a child process and kills it with SIGKILL: either after a fixed time
 * (while it reads the workbook), or a moment after the pre-import backup appears, which is
 * taken just before the commit transaction opens, so the kill lands inside the commit.
 */
async function importKilled(db: string, workbook: string, when: { afterMs: number } | { afterBackupMs: number }) {
  return cliKilled(['import', '--db', db, workbook], db, when);
}

type Moment = { afterMs: number } | { afterBackupMs: number } | { afterPartialMs: number; dir: string };

/** `afterPartialMs`: a moment after the output's temporary file appears, so the kill lands mid-write. */
async function cliKilled(args: string[], db: string, when: Moment) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'electron/cli.ts'), ...args], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  const exited = new Promise<string | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const backups = join(db, '..', 'backups');
  if ('afterMs' in when) await sleep(when.afterMs);
  else if ('afterPartialMs' in when) {
    // This process's own temporary (its name carries the pid), not one a killed run left.
    const writing = () => readdirSync(when.dir).some((n) => n.includes(`.${child.pid}-`) && n.endsWith('.partial'));
    for (let i = 0; i < 600 && !writing(); i++) await sleep(10);
    await sleep(when.afterPartialMs);
  } else {
    for (let i = 0; i < 600 && !(existsSync(backups) && readdirSync(backups).length > 0); i++) await sleep(25);
    await sleep(when.afterBackupMs);
  }
  child.kill('SIGKILL');
  return (await exited) === 'SIGKILL' ? 'killed' : 'finished';
}

describe('import/crash', () => {
  it('after a SIGKILL at 20 moments while reading or writing, the file is sound and holds all or none', async () => {
    const dir = tempDir();
    const workbook = join(dir, 'register.xlsx');
    await writeRegister(workbook);
    // Twenty moments, the same on every run: a quarter while the workbook is still being
    // read before any write, the rest spread over the transaction that writes and commits.
    let seed = 7;
    const next = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const moments = Array.from({ length: 20 }, (_, k) =>
      k % 4 === 0 ? { afterMs: Math.round(300 + next() * 1200) } : { afterBackupMs: Math.round(next() * 3000) },
    );
    const outcomes: string[] = [];
    for (const [i, when] of moments.entries()) {
      mkdirSync(join(dir, String(i)));
      const db = join(dir, String(i), 'portfolio.tajammu');
      expect(await runCli(['init', '--db', db], quiet)).toBe(0);
      outcomes.push(await importKilled(db, workbook, when));
      const check = new Database(db);
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      const { n } = check.prepare('SELECT count(*) AS n FROM initiatives').get() as { n: number };
      const batches = (check.prepare('SELECT count(*) AS n FROM import_batches').get() as { n: number }).n;
      const audit = (
        check.prepare("SELECT count(*) AS n FROM audit_log WHERE source = 'import'").get() as { n: number }
      ).n;
      check.close();
      expect([0, ROWS]).toContain(n);
      // A backup killed half-way is a hidden temporary: never listed, never counted by the rotation.
      for (const b of scanBackups(db)) expect(checkPortfolioFile(b.path).ok, b.name).toBe(true);
      outcomes[outcomes.length - 1] += n === ROWS ? ':all' : ':none';
      expect(batches).toBe(n === ROWS ? 1 : 0);
      expect(audit).toBe(n === ROWS ? ROWS + 44 : 0);
    }
    // The kills must really have interrupted imports, including inside the writing transaction.
    const killed = outcomes.filter((o) => o.startsWith('killed')).length;
    console.info(
      `SIGKILL: ${killed} of ${moments.length} imports killed, ${outcomes.filter((o) => o.endsWith('all')).length} ended holding all, the rest none`,
    );
    expect(killed).toBeGreaterThanOrEqual(12);
  }, 300_000);
});

/** A report read in full: every sheet there and the whole register, so nothing was cut short. */
async function expectCompleteReport(file: string): Promise<void> {
  const wb = new Excel.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.length).toBeGreaterThan(4);
  expect(Math.max(...wb.worksheets.map((w) => w.rowCount))).toBeGreaterThanOrEqual(ROWS);
}

describe('export and copy/crash', () => {
  it('after a SIGKILL at any moment, the real name holds the earlier good file or nothing, never a half-written one', async () => {
    const dir = tempDir();
    const workbook = join(dir, 'register.xlsx');
    await writeRegister(workbook);
    const db = join(dir, 'portfolio.tajammu');
    expect(await runCli(['init', '--db', db], quiet)).toBe(0);
    expect(await runCli(['import', '--db', db, workbook], quiet)).toBe(0);
    const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');
    const report = join(dir, 'out', 'report.xlsx');
    const copy = join(dir, 'out', 'copy.tajammu');
    mkdirSync(join(dir, 'out'));
    const outcomes: string[] = [];
    // An earlier good report and copy, which no interrupted run may destroy.
    expect(await runCli(['export', '--db', db, '--out', report], quiet)).toBe(0);
    expect(await runCli(['backup', '--db', db, '--out', copy], quiet)).toBe(0);
    let good = sha(report);
    let goodCopy = sha(copy);
    const out = join(dir, 'out');
    // While starting and gathering the figures, then at moments spread over the ~120 ms in which
    // the report's file is written (measured: it appears ~1.4 s after the figures start).
    const moments: Moment[] = [
      { afterMs: 300 },
      { afterMs: 1200 },
      ...[0, 15, 30, 45, 60, 75, 90, 110].map((ms) => ({ afterPartialMs: ms, dir: out })),
    ];
    for (const [k, when] of moments.entries()) {
      const exported = await cliKilled(
        ['export', '--db', db, '--out', report, '--force', '--lang', k % 2 ? 'en' : 'ar'],
        db,
        when,
      );
      // Either the earlier report, untouched, or a complete new one (the kill came after the rename).
      const kept = sha(report) === good;
      if (!kept) await expectCompleteReport(report);
      good = sha(report);
      const copyMoment: Moment = k < 3 ? { afterMs: 300 + k * 300 } : { afterPartialMs: (k - 3) * 8, dir: out };
      const copied = await cliKilled(['backup', '--db', db, '--out', copy, '--force'], db, copyMoment);
      expect(checkPortfolioFile(copy).ok).toBe(true);
      if (copied === 'killed') expect(sha(copy)).toBe(goodCopy);
      goodCopy = sha(copy);
      outcomes.push(`${exported}:${kept ? 'old' : 'new'}/${copied}`);
    }
    // A finished run sweeps what the killed ones left.
    expect(await runCli(['export', '--db', db, '--out', report, '--force'], quiet)).toBe(0);
    expect(readdirSync(join(dir, 'out')).filter((n) => n.endsWith('.partial'))).toEqual([]);
    const killed = outcomes.filter((o) => o.startsWith('killed')).length;
    console.info(`SIGKILL (export:what stayed/copy): ${outcomes.join(' ')}`);
    expect(killed).toBeGreaterThanOrEqual(7);
  }, 300_000);
});
