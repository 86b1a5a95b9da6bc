// Builds better-sqlite3 for Electron's ABI into out/native/, leaving node_modules' Node build
// (which the tests use) untouched. Needs the internet the first time: prebuild-install fetches
// a prebuilt binary, or node-gyp fetches Electron's headers to compile one.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function electronVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/electron/package.json'), 'utf8')).version;
}

/** Path of the Electron-ABI binary for a platform and architecture, building it when missing. */
export function prepareElectronNative({ platform = process.platform, arch = process.arch } = {}) {
  const version = electronVersion();
  // electron-builder's extraResources names this folder by ${platform}-${arch}.
  const outDir = join(ROOT, 'out/native', `${platform}-${arch}`);
  const binary = join(outDir, 'better_sqlite3.node');
  const stamp = join(outDir, 'ELECTRON_VERSION');
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return binary;

  const work = join(outDir, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const source = join(ROOT, 'node_modules/better-sqlite3');
  // A private copy without its build/ folder, so node_modules keeps its Node build.
  cpSync(source, work, { recursive: true, filter: (p) => !p.startsWith(join(source, 'build')) });

  const bin = (name) => join(ROOT, 'node_modules/.bin', process.platform === 'win32' ? `${name}.cmd` : name);
  const run = (cmd, args) => spawnSync(cmd, args, { cwd: work, stdio: 'inherit', shell: process.platform === 'win32' });
  let result = run(bin('prebuild-install'), [
    '--runtime=electron',
    `--target=${version}`,
    `--platform=${platform}`,
    `--arch=${arch}`,
  ]);
  if (result.status !== 0 && platform === process.platform) {
    result = run(bin('node-gyp'), [
      'rebuild',
      '--release',
      `--target=${version}`,
      `--arch=${arch}`,
      '--dist-url=https://electronjs.org/headers',
    ]);
  }
  const built = join(work, 'build/Release/better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    throw new Error(
      `Could not build better-sqlite3 for Electron ${version} (${platform}-${arch}); this needs the internet once.`,
    );
  }
  cpSync(built, binary);
  writeFileSync(stamp, version);
  rmSync(work, { recursive: true, force: true });
  return binary;
}
