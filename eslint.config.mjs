// One linter for the whole tree. The import boundaries below keep each folder in its runtime:
// the renderer runs in a sandboxed page, db/ runs in plain Node (tests, CLI, app alike).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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

/** What code in the browser page may never import (type-only imports are erased, so allowed). */
export const RENDERER_FORBIDDEN = {
  paths: [
    ...NODE_BUILTINS.map((name) => ({ name, message: 'The renderer runs in a sandboxed page: no Node modules.' })),
    { name: 'electron', message: 'The renderer reaches the program only through renderer/api.ts.' },
    { name: 'better-sqlite3', message: 'The renderer never touches the database; call the API.' },
    { name: 'exceljs', message: 'Excel work runs in the main process; call the API.' },
  ],
  patterns: [
    { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
    {
      group: [
        '**/db/connection',
        '**/db/repos/*',
        '**/db/demo',
        '**/db/demo/*',
        '**/db/migrations/*',
        '**/electron/main/*',
        '**/electron/api/dispatch',
        '**/electron/api/handlers/*',
        '**/electron/cli',
        '**/electron/web-host',
        '**/electron/preload/*',
        '**/electron/excel/**',
        '**/electron/api/jobs',
      ],
      message: 'The renderer may import only pure modules (db/model, db/axes, db/normalize, the API contract).',
      allowTypeImports: true,
    },
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
    files: ['build/**/*.mjs', '*.config.mjs', 'eslint.config.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', RENDERER_FORBIDDEN],
      'no-restricted-imports': 'off',
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
);
