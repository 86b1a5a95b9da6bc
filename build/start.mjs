// `npm start`: build the app, make sure the Electron binary and the Electron build of
// better-sqlite3 are there, then run it. Where the Electron binary is missing and cannot be
// downloaded, say so in one sentence instead of a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareElectronNative } from './native.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ELECTRON = join(ROOT, 'node_modules/electron');

/** The Electron executable, downloading it quietly on first use as Electron's own package would. */
function electronBinary() {
  const located = () => {
    const pathFile = join(ELECTRON, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(ELECTRON, 'dist', readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  };
  if (located()) return located();
  spawnSync(process.execPath, [join(ELECTRON, 'install.js')], { cwd: ELECTRON, stdio: 'pipe', timeout: 600_000 });
  return located();
}

const electron = electronBinary();
if (!electron) {
  console.error(
    'Electron itself is not installed here and could not be downloaded: run `npx install-electron` on a machine with internet access, then `npm start` again. / برنامج Electron غير مثبت ولم يمكن تنزيله: شغّل `npx install-electron` على جهاز متصل بالإنترنت ثم أعد `npm start`.',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: ROOT,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

let nativeBinding;
try {
  nativeBinding = prepareElectronNative();
} catch (e) {
  console.error(`${e.message} / تعذر تجهيز قاعدة البيانات لبرنامج Electron؛ يلزم الاتصال بالإنترنت مرة واحدة.`);
  process.exit(1);
}

const run = spawnSync(electron, ['.'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TAJAMMU_NATIVE_BINDING: nativeBinding },
});
process.exit(run.status ?? 0);
