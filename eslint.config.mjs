// One linter for the whole tree. The import boundaries below keep each folder in its runtime:
// the renderer runs in a sandboxed page, db/ runs in plain Node (tests, CLI, app alike).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

/**
 * The floor: db/core, the words every runtime shares (model, axes, Arabic normalisation, the
 * register's fields, the region tree, the bilingual errors and messages, measures and periods,
 * the contract and its result types). No Node, SQLite, Electron or exceljs: the page, the
 * main process, the CLI and the tests all stand on it.
 */
export const FLOOR = 'db/core';

const NODE_AND_NATIVE = [
  ...NODE_BUILTINS.map((name) => ({ name, message: 'The floor and the page run without Node.' })),
  { name: 'electron', message: 'The renderer reaches the program only through renderer/api.ts.' },
  { name: 'better-sqlite3', message: 'The renderer and the floor never touch the database; call the API.' },
  { name: 'exceljs', message: 'Excel work runs in the main process; call the API.' },
];

/**
 * Layer by layer, in the shape of VS Code's layering rule, each an allowlist of what may be
 * imported, types included (a type import is a dependency a reader follows):
 * - renderer/: the floor and its own files;
 * - db/core/: only itself (and zod);
 * - db/: the floor, itself and Node;
 * - electron/: everything but the renderer.
 */
/** A path that climbs back out of where it went (`core/../connection`), or starts at the disk's root. */
const NO_DETOURS = [
  { regex: '(^|/)[^./][^/]*/\\.\\./', message: 'Name the module by its own path, without a detour through `..`.' },
  { regex: '^/', message: 'Import by a path relative to the file, not from the root of the disk.' },
];

export const RENDERER_FORBIDDEN = {
  paths: NODE_AND_NATIVE,
  patterns: [
    { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
    {
      // Any path into db/, electron/, test/ or build/ but one into the floor.
      regex: `(^|/)(db/(?!core/)|electron/|test/|build/)`,
      message: `The renderer may import only the floor (${FLOOR}/) and its own files.`,
    },
    ...NO_DETOURS,
  ],
};

const FLOOR_FORBIDDEN = {
  paths: NODE_AND_NATIVE,
  patterns: [
    { group: ['node:*'], message: 'The floor runs in the page too: no Node modules.' },
    {
      // Any path out of the folder: the floor depends on nothing above it.
      regex: '^\\.\\./',
      message: `The floor (${FLOOR}/) imports only itself.`,
    },
    {
      // Of the packages, only zod (the schemas): the floor runs in every runtime as it is.
      regex: '^(?!\\.|zod$)',
      message: `The floor (${FLOOR}/) imports only itself and zod.`,
    },
    ...NO_DETOURS,
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in tests.' },
      ],
    },
  },
  {
    // Promises the code forgets: one not awaited nor handled, or one handed where a plain
    // function is expected (an event handler, a forEach). Needs the types, so TypeScript only.
    files: ['**/*.{ts,tsx}'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    files: ['build/**/*.mjs', '*.config.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // The two classic rules only: hooks called unconditionally, and effects that list what they use.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-restricted-imports': ['error', RENDERER_FORBIDDEN],
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '(^|/)renderer/', message: 'electron/ never imports the screens: shared words live in db/core.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'test/**/*.ts'],
    ignores: ['electron/excel/exceljs.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'exceljs',
              message: 'Import exceljs from electron/excel/exceljs.ts: it fixes the reader for Arabic text.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['db/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'db/ is plain Node: it runs in tests and the CLI without Electron.' }],
          patterns: [{ group: ['**/electron/*', '**/renderer/*'], message: 'db/ depends on nothing above it.' }],
        },
      ],
    },
  },
  // Last, so that it overrides the db/ rules for the floor's files.
  {
    files: [`${FLOOR}/**/*.ts`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', FLOOR_FORBIDDEN],
      'no-restricted-imports': 'off',
    },
  },
);
