import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { rendererConfig } from './vite.renderer.config.mts';

/**
 * The three builds of the desktop app. Only native or heavy runtime modules (package.json
 * `dependencies`: better-sqlite3, exceljs) stay external to the main bundle; the sandboxed
 * preload may not require anything but electron, so it is bundled whole.
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(__dirname, 'out/main'),
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // Workbooks are parsed in a worker thread with its own heap limit (electron/excel/import/read.ts).
          'excel-worker': resolve(__dirname, 'electron/excel/import/worker.ts'),
          // The command line and the web host, run as built JavaScript (build/run.mjs): through
          // tsx their start-up took ~0.3 s more.
          cli: resolve(__dirname, 'electron/cli.ts'),
          'web-host': resolve(__dirname, 'electron/web-host.ts'),
        },
        // Shared chunks sit beside the entries, so `__dirname` finds excel-worker.js from any of them.
        output: { chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(__dirname, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
