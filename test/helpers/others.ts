/**
 * Other programs that open and save the office's files: LibreOffice converting headless, and
 * Python's openpyxl (Debian's python3-openpyxl, installed by .ci/run) running a short script.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** LibreOffice converts `file` to `format` in `dir`; the path of what it wrote. */
export function libreConvert(file: string, format: string, dir: string): string {
  mkdirSync(dir, { recursive: true });
  // A profile of its own: another LibreOffice running on the machine would otherwise take the call.
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(dir, 'profile')}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      dir,
      file,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const out = join(dir, basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
  if (!existsSync(out)) throw new Error(`LibreOffice wrote nothing for ${file}`);
  return out;
}

/**
 * Debian's own interpreter, which has python3-openpyxl: a Python put first on PATH by a version
 * manager would not.
 */
const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/** Runs a Python script with `args` as sys.argv[1:]; what it printed. */
export function python(script: string, ...args: string[]): string {
  return execFileSync(PYTHON, ['-c', script, ...args], { encoding: 'utf8', timeout: 120_000 });
}
