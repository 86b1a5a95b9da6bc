import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
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
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'electron/cli.ts'), 'import', '--db', db, workbook],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  const exited = new Promise<string | null>((done) => child.on('exit', (_code, signal) => done(signal)));
  const backups = join(db, '..', 'backups');
  if ('afterMs' in when) await sleep(when.afterMs);
  else {
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
    // Twenty moments (issue 6), the same on every run: a quarter while the workbook is still being
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
