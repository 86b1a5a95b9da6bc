import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report lets .ci/run print one plain "N passed, N failed" line at the end.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
          environment: 'node',
          // Real SQLite files, worker threads and child processes on a two-core machine that CI
          // may share: 5 s (vitest's default) was measured too short on a busy run. Suites that
          // take longer by design set their own.
          testTimeout: 30_000,
          // Every .xlsx the unit suites import is read by both readers and must read the same
          // (electron/excel/import/xlsx-differential.ts).
          env: { TAJAMMU_XLSX_DIFFERENTIAL: '1' },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // One browser and one web host at a time: the machine has two cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
