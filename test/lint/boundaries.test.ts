import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
// The import rules need no type information: the probes below are not files of the project, and
// the type-aware rules (which need them to be) are left to `npm run lint`.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
  },
});

async function ruleErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return result!.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => m.message);
}

describe('lint/boundaries', () => {
  it.each([
    ["import { readFileSync } from 'node:fs';", 'node:fs'],
    ["import { join } from 'path';", 'path'],
    ["import { ipcRenderer } from 'electron';", 'electron'],
    ["import Database from 'better-sqlite3';", 'better-sqlite3'],
    ["import { open } from '../db/connection';", 'db/connection'],
    ["import { listRegions } from '../../db/repos/regions';", 'db/repos'],
    ["import { dispatch } from '../electron/api/dispatch';", 'dispatch'],
    // Allowed by the old denylist, which named what was forbidden rather than what is allowed.
    ["import { getFindings } from '../db/queries/health';", 'db/queries/health'],
    ["import { backupBeside } from '../db/backup';", 'db/backup'],
    ["import { startWebHost } from '../../electron/web-host';", 'electron/web-host'],
    ["import { PortfolioSession } from '../electron/session';", 'electron/session'],
  ])('refuses `%s` in renderer/', async (code) => {
    expect(await ruleErrors(`${code}\nexport {};`, 'renderer/probe.ts')).toHaveLength(1);
  });

  it('allows pure modules and type-only imports in renderer/', async () => {
    const code = [
      "import { Region } from '../db/model';",
      "import { normalizeArabic } from '../db/normalize';",
      "import type { Db } from '../db/connection';",
      "import { contract } from '../electron/api/contract';",
      'export const x: [unknown, unknown, Db | null, unknown] = [Region, normalizeArabic, null, contract];',
    ].join('\n');
    expect(await ruleErrors(code, 'renderer/probe.ts')).toEqual([]);
  });

  it('keeps the pure modules pure: they import only each other, zod and types', async () => {
    expect(await ruleErrors("import { open } from './connection';\nexport { open };", 'db/model.ts')).toHaveLength(1);
    expect(
      await ruleErrors("import { readFileSync } from 'node:fs';\nexport { readFileSync };", 'db/axes.ts'),
    ).toHaveLength(1);
    // Nothing upward, even the pure contract: it imports db/model, and that would be a cycle.
    expect(
      await ruleErrors("import { contract } from '../electron/api/contract';\nexport { contract };", 'db/model.ts'),
    ).toHaveLength(1);
    const fine =
      "import type { Db } from './connection';\nimport { Region } from './model';\nexport const x: [Db | null, unknown] = [null, Region];";
    expect(await ruleErrors(fine, 'db/region-tree.ts')).toEqual([]);
  });

  it('refuses electron in db/', async () => {
    expect(await ruleErrors("import { app } from 'electron';\nexport { app };", 'db/probe.ts')).toHaveLength(1);
  });

  it('finds no violation in the real renderer and db folders', async () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
      });
    const results = await eslint.lintFiles([...files(join(ROOT, 'renderer')), ...files(join(ROOT, 'db'))]);
    const violations = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  }, 60_000); // the whole tree: ~4 s on an idle machine
});
