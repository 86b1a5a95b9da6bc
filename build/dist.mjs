// `npm run dist [-- --linux] [-- --win]`: build the app and its installers (Linux AppImage and
// deb, Windows NSIS). Needs the internet: electron-builder downloads Electron's zip, and the
// Electron build of better-sqlite3 is fetched or compiled for each target. Build the Windows
// installer on Windows (NSIS resource editing needs it, or wine).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { prepareElectronNative } from './native.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const asked = process.argv.slice(2).filter((a) => a === '--linux' || a === '--win');
const targets = asked.length ? asked : [process.platform === 'win32' ? '--win' : '--linux'];
const node = (script, args) =>
  spawnSync(process.execPath, [resolve(ROOT, script), ...args], { cwd: ROOT, stdio: 'inherit' });

if (node('node_modules/electron-vite/bin/electron-vite.js', ['build']).status !== 0) process.exit(1);
for (const target of targets) {
  const platform = target === '--win' ? 'win32' : 'linux';
  try {
    prepareElectronNative({ platform, arch: 'x64' });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
  const result = node('node_modules/electron-builder/cli.js', [target, '--x64', '--publish', 'never']);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
