import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';

/** The renderer build, shared by electron-vite (the app) and `npm run web` (the web host). */
export const rendererConfig: UserConfig = {
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(__dirname, 'out/renderer'),
    emptyOutDir: true,
    target: 'chrome140',
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
  },
};

export default defineConfig(rendererConfig);
