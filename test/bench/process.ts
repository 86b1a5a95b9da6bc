/**
 * The import as a user meets it: the whole `cli import` process (start-up included) beside
 * LibreOffice merely converting the same file to CSV, what a user would otherwise do; a typical
 * office's 5,000 rows; and the command line's start-up alone, with and without npm's.
 * All timed by /usr/bin/time (elapsed seconds, peak resident memory of the process).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

type Row = [string, string, string, string];

const ROOT = resolve(__dirname, '../..');

type Timed = { s: number; mb: number } | null;

/** Runs a command under /usr/bin/time; seconds and peak MB, or null when it could not run. */
function timed(cmd: string, args: string[]): Timed {
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

/** The command line as a user runs it: `npm run cli`, or its script without npm's own start-up. */
const RUNS = {
  node: [process.execPath, join(ROOT, 'build/run.mjs'), 'cli'],
  npm: ['npm', 'run', '--silent', 'cli', '--'],
  tsx: [process.execPath, '--import', 'tsx', join(ROOT, 'electron/cli.ts')],
} as const;
const run = (how: keyof typeof RUNS, ...args: string[]) => timed(RUNS[how][0], [...RUNS[how].slice(1), ...args]);
/** The median time of some runs, with the highest peak memory among them; null if one failed. */
function median(runs: Timed[]): Timed {
  if (runs.some((r) => r === null)) return null;
  const done = runs as { s: number; mb: number }[];
  const times = done.map((r) => r.s).sort((a, b) => a - b);
  return { s: times[Math.floor(times.length / 2)]!, mb: Math.max(...done.map((r) => r.mb)) };
}
const seconds = (r: { s: number } | null) => (r ? `${r.s.toFixed(2)} s` : 'failed');
const mb = (r: { mb: number } | null, target = '') => (r ? `${r.mb.toFixed(0)} MB${target}` : '');

export async function processBench(dir: string, register: (file: string, n: number) => Promise<void>): Promise<Row[]> {
  const file = join(dir, 'process-50k.xlsx');
  await register(file, 50_000);
  const small = join(dir, 'process-5k.xlsx');
  await register(small, 5_000);
  // The command line as built JavaScript (build/run.mjs takes it when the build is fresh).
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
  const fresh = (name: string) => {
    const db = join(dir, `${name}.tajammu`);
    execFileSync(process.execPath, [join(ROOT, 'build/run.mjs'), 'cli', 'init', '--db', db], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    return db;
  };
  // The headline pair, three rounds side by side (LibreOffice, then ours into a new portfolio):
  // medians, since one round on a busy 2-core machine can be off by a tenth of a second.
  const rounds: { lo: Timed; ours: Timed }[] = [];
  for (let k = 0; k < 3; k++) {
    const lo = hasLibreOffice() ? timed('soffice', ['--headless', '--convert-to', 'csv', '--outdir', dir, file]) : null;
    rounds.push({ lo, ours: run('node', 'import', '--db', fresh(`p50-${k}`), file) });
  }
  const lo = median(rounds.map((r) => r.lo));
  const ours = median(rounds.map((r) => r.ours));
  const ratio = (r: { s: number } | null, target: string) =>
    r && lo ? `${(r.s / lo.s).toFixed(2)}× LibreOffice (${target})` : '';
  const rows: Row[] = [
    [
      'LibreOffice --headless --convert-to csv, same 50,000-row .xlsx (what a user would otherwise do; median of 3)',
      lo ? `${lo.s.toFixed(2)} s` : 'not installed',
      lo ? `${lo.mb.toFixed(0)} MB` : '',
      lo ? '1' : '',
    ],
  ];
  rows.push([
    'cli import, whole process (node build/run.mjs cli), 50,000 rows into a new portfolio (median of 3)',
    seconds(ours),
    mb(ours, ' (target ≤ 300 MB)'),
    ratio(ours, 'target < 1, moonshot ≤ 0.7'),
  ]);
  const viaNpm = run('npm', 'import', '--db', fresh('p50npm'), file);
  rows.push([
    '  the same through npm run cli (npm start-up included)',
    seconds(viaNpm),
    '',
    ratio(viaNpm, 'target < 1'),
  ]);
  const before = run('tsx', 'import', '--db', fresh('p50tsx'), file);
  rows.push([
    '  the same through tsx (how the command line ran before)',
    seconds(before),
    mb(before),
    ratio(before, 'for comparison'),
  ]);
  const s5 = run('node', 'import', '--db', fresh('p5'), small);
  const s5npm = run('npm', 'import', '--db', fresh('p5npm'), small);
  rows.push(['cli import, whole process, 5,000 rows (a typical office)', seconds(s5), mb(s5), 'target < 1 s']);
  rows.push(['  the same through npm run cli', seconds(s5npm), '', 'target < 1 s']);
  const empty = fresh('empty');
  const m = run('node', 'matrix', '--db', empty, '--json');
  const mNpm = run('npm', 'matrix', '--db', empty, '--json');
  const mTsx = run('tsx', 'matrix', '--db', empty, '--json');
  rows.push(['cli matrix on an empty portfolio, whole process', seconds(m), mb(m), 'target < 0.3 s']);
  rows.push(['  the same through npm run cli', seconds(mNpm), '', 'npm itself ~0.4 s']);
  rows.push(['  the same through tsx (before)', seconds(mTsx), '', 'for comparison']);
  return rows;
}
