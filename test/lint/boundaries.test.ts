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
    // Detours and places outside the program's folders.
    ["import { open } from '../db/core/../connection';", 'a detour out of the floor'],
    ["import { useTestDb } from '../test/helpers/db';", 'test/'],
    ["import { start } from '../build/start.mjs';", 'build/'],
    ["import { open } from '/work/db/connection';", 'an absolute path'],
  ])('refuses `%s` in renderer/', async (code) => {
    expect(await ruleErrors(`${code}\nexport {};`, 'renderer/probe.ts')).not.toHaveLength(0);
  });

  it.each([
    // Types too: a type import is a dependency a reader follows, into SQL and Node.
    ["import type { Db } from '../db/connection';", 'type from db/connection'],
    ["import type { PortfolioSession } from '../electron/session';", 'type from electron/session'],
  ])('refuses `%s` in renderer/ (%s)', async (code) => {
    expect(await ruleErrors(`${code}\nexport type X = unknown;`, 'renderer/probe.ts')).toHaveLength(1);
  });

  it('allows the floor (db/core) and its own files in renderer/', async () => {
    const code = [
      "import { Region } from '../db/core/model';",
      "import { normalizeArabic } from '../db/core/normalize';",
      "import type { MatrixRow } from '../db/core/results';",
      "import { contract } from '../db/core/contract';",
      "import { MESSAGES } from '../db/core/messages';",
      "import { call } from './api';",
      'export const x: [unknown, unknown, MatrixRow | null, unknown, unknown, unknown] = [Region, normalizeArabic, null, contract, MESSAGES, call];',
    ].join('\n');
    expect(await ruleErrors(code, 'renderer/probe.ts')).toEqual([]);
  });

  it('keeps the floor pure: it imports only itself and zod, types included', async () => {
    expect(
      await ruleErrors("import { open } from '../connection';\nexport { open };", 'db/core/model.ts'),
    ).not.toHaveLength(0);
    expect(
      await ruleErrors("import type { Db } from '../connection';\nexport type X = Db;", 'db/core/results.ts'),
    ).not.toHaveLength(0);
    expect(
      await ruleErrors("import { readFileSync } from 'node:fs';\nexport { readFileSync };", 'db/core/axes.ts'),
    ).not.toHaveLength(0);
    expect(
      await ruleErrors(
        "import { startJob } from '../../electron/api/jobs';\nexport { startJob };",
        'db/core/contract.ts',
      ),
    ).not.toHaveLength(0);
    for (const [code, file] of [
      ["import { open } from './messages/../../connection';\nexport { open };", 'db/core/model.ts'],
      ["import { create } from 'zustand';\nexport { create };", 'db/core/model.ts'],
      ["import { open } from '/work/db/connection';\nexport { open };", 'db/core/model.ts'],
    ] as const)
      expect(await ruleErrors(code, file), code).not.toEqual([]);
    const fine =
      "import { z } from 'zod';\nimport { Region } from './model';\nimport type { Finding } from './results';\nexport const x: [unknown, unknown, Finding | null] = [z, Region, null];";
    expect(await ruleErrors(fine, 'db/core/region-tree.ts')).toEqual([]);
  });

  it('keeps electron/ off the screens: messages come from the floor', async () => {
    expect(
      await ruleErrors("import ar from '../../renderer/i18n/ar.json';\nexport { ar };", 'electron/main/menu.ts'),
    ).toHaveLength(1);
    expect(
      await ruleErrors(
        "import { MESSAGES } from '../../db/core/messages';\nexport { MESSAGES };",
        'electron/main/menu.ts',
      ),
    ).toEqual([]);
  });

  it('refuses electron in db/', async () => {
    expect(await ruleErrors("import { app } from 'electron';\nexport { app };", 'db/probe.ts')).toHaveLength(1);
  });

  it('finds no violation in the real renderer, db and electron folders', async () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f);
        return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
      });
    const results = await eslint.lintFiles([
      ...files(join(ROOT, 'renderer')),
      ...files(join(ROOT, 'db')),
      ...files(join(ROOT, 'electron')),
    ]);
    const violations = results.flatMap((r) =>
      r.messages.filter((m) => m.ruleId?.endsWith('no-restricted-imports')).map((m) => `${r.filePath}: ${m.message}`),
    );
    expect(results.length).toBeGreaterThan(20);
    expect(violations).toEqual([]);
  }, 60_000); // the whole tree: ~4 s on an idle machine
});
