/**
 * The 50,000-row import as a user meets it: the whole `cli import` process (start-up included)
 * beside LibreOffice merely converting the same file to CSV, what a user would otherwise do.
 * Both timed by /usr/bin/time (elapsed seconds, peak resident memory of the process).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

type Row = [string, string, string, string];

const ROOT = resolve(__dirname, '../..');

/** Runs a command under /usr/bin/time; seconds and peak MB, or null when it could not run. */
function timed(cmd: string, args: string[]): { s: number; mb: number } | null {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIMED %e %M', cmd, ...args], { cwd: ROOT, encoding: 'utf8' });
  const m = /TIMED ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) return null;
  return { s: Number(m[1]), mb: Number(m[2]) / 1024 };
}

/** Whether LibreOffice is installed: its rows say so when it is not. */
export const hasLibreOffice = (): boolean => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

export async function processBench(dir: string, register: (file: string, n: number) => Promise<void>): Promise<Row[]> {
  const file = join(dir, 'process-50k.xlsx');
  await register(file, 50_000);
  const db = join(dir, 'process.tajammu');
  const cli = ['--import', 'tsx', join(ROOT, 'electron/cli.ts')];
  execFileSync(process.execPath, [...cli, 'init', '--db', db], { cwd: ROOT, stdio: 'ignore' });
  const ours = timed(process.execPath, [...cli, 'import', '--db', db, file]);
  const lo = hasLibreOffice() ? timed('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file]) : null;
  const rows: Row[] = [
    [
      'LibreOffice --headless --convert-to csv, same 50,000-row .xlsx (what a user would otherwise do)',
      lo ? `${lo.s.toFixed(2)} s` : 'not installed',
      lo ? `${lo.mb.toFixed(0)} MB` : '',
      lo ? '1' : '',
    ],
  ];
  rows.push([
    'cli import, whole process (tsx start-up included), 50,000 rows into a new portfolio',
    ours ? `${ours.s.toFixed(2)} s` : 'failed',
    ours ? `${ours.mb.toFixed(0)} MB (target ≤ 300 MB)` : '',
    ours && lo ? `${(ours.s / lo.s).toFixed(2)}× LibreOffice (target < 1, moonshot ≤ 0.7)` : '',
  ]);
  return rows;
}
