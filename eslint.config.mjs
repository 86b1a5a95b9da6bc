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
 * The pure modules: shared words every runtime may import (no Node, SQLite, Electron or exceljs
 * at run time). The renderer imports only these and its own files; they import only each other.
 */
export const PURE = [
  'db/model',
  'db/axes',
  'db/normalize',
  'db/register',
  'db/region-tree',
  'db/errors',
  'db/queries/measures',
  'db/queries/period',
  'electron/api/contract',
];

const NODE_AND_NATIVE = [
  ...NODE_BUILTINS.map((name) => ({ name, message: 'A pure module or the page: no Node modules.' })),
  { name: 'electron', message: 'The renderer reaches the program only through renderer/api.ts.' },
  { name: 'better-sqlite3', message: 'The renderer never touches the database; call the API.' },
  { name: 'exceljs', message: 'Excel work runs in the main process; call the API.' },
];

/**
 * An allowlist, in the shape of VS Code's layering rule: anything under db/ or electron/ is
 * refused unless it is one of the pure modules (type-only imports are erased, so allowed).
 */
export const RENDERER_FORBIDDEN = {
  paths: NODE_AND_NATIVE,
  patterns: [
    { group: ['node:*'], message: 'The renderer runs in a sandboxed page: no Node modules.' },
    {
      // Any path into db/ or electron/ but a pure module's (with or without its extension).
      regex: `(^|/)(db|electron)/(?!(${PURE.map((p) => p.replace(/^(db|electron)\//, '')).join('|')})(\\.tsx?)?$)`,
      message: `The renderer may import only the pure modules (${PURE.join(', ')}) and its own files.`,
      allowTypeImports: true,
    },
  ],
};

/** What the pure modules may import: each other, zod, and types. */
const PURE_FORBIDDEN = {
  paths: NODE_AND_NATIVE,
  patterns: [
    { group: ['node:*'], message: 'A pure module runs in the page too: no Node modules.' },
    {
      // Any relative path but one that ends in a pure module's name.
      regex: `^\\.{1,2}/(?!(.*/)?(${PURE.map((p) => p.split('/').pop()).join('|')})(\\.tsx?)?$)`,
      message: `A pure module imports only the other pure modules (${PURE.join(', ')}).`,
      allowTypeImports: true,
    },
    {
      // This block replaces the db/ rules for these files: nothing imports upward, types included
      // (the contract in electron/api is pure, and imports only downward).
      regex: '(^|/)(electron|renderer)/',
      message: 'A pure module depends on nothing above it.',
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
  // Last, so that it overrides the db/ and electron/ rules for these files.
  {
    files: PURE.map((p) => `${p}.ts`),
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', PURE_FORBIDDEN],
      'no-restricted-imports': 'off',
    },
  },
);
