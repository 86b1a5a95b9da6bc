// `npm run cli` and `npm run web:serve`: the entry as built JavaScript (out/main, made by
// `npm run build`), which starts ~0.3 s sooner than through tsx; the TypeScript source through
// tsx when there is no build yet or a source file is newer than it, so a fresh checkout and an
// edit both run what the sources say.
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ENTRIES = { cli: 'electron/cli.ts', 'web-host': 'electron/web-host.ts' };
const [entry, ...args] = process.argv.slice(2);
const source = ENTRIES[entry];
if (!source) {
  console.error(`build/run.mjs: unknown entry ${entry}; one of ${Object.keys(ENTRIES).join(', ')}`);
  process.exit(2);
}

/** The newest modification time of the sources the main build is made of. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, d.name);
      if (d.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(d.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of ['electron', 'db']) walk(join(ROOT, dir));
  for (const file of ['package.json', 'electron.vite.config.mts'])
    newest = Math.max(newest, statSync(join(ROOT, file)).mtimeMs);
  return newest;
}

const built = join(ROOT, 'out/main', `${entry}.js`);
let fresh = false;
try {
  fresh = statSync(built).mtimeMs >= newestSource();
} catch {
  fresh = false;
}
const target = fresh ? built : join(ROOT, source);
const require = createRequire(import.meta.url);
process.argv = [process.argv[0], target, ...args];
if (!fresh) require('tsx/cjs/api').register();
require(target).main();
