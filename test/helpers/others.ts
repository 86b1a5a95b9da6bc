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

/**
 * openpyxl opens a package and saves it as `out`: unchanged, or with one planned budget of its
 * machine part raised by `add` (`row` counts the header as 1), as a script of someone's might.
 * Says whether the machine part is still very hidden.
 */
export function openpyxlSave(file: string, out: string, edit?: { row: number; add: number }): string {
  return python(
    `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['pkg_initiatives']
if len(sys.argv) > 3:
    col = [c.value for c in ws[1]].index('planned_budget') + 1
    ws.cell(int(sys.argv[3]), col).value = ws.cell(int(sys.argv[3]), col).value + int(sys.argv[4])
wb.save(sys.argv[2])
print(ws.sheet_state)
`,
    file,
    out,
    ...(edit ? [String(edit.row), String(edit.add)] : []),
  ).trim();
}
