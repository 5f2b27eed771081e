import { lingui } from '@lingui/vite-plugin';
import react from '@vitejs/plugin-react';
import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const routerPackage = createRequire(import.meta.url).resolve('react-router/package.json');
const routerModule = (file: string) => path.join(path.dirname(routerPackage), 'dist/development', file);

export default defineConfig({
  plugins: [react(), lingui({ macroTransform: true, configPath: `${import.meta.dirname}/lingui.config.ts` })],
  test: {
    name: 'web',
    root: import.meta.dirname,
    environment: 'jsdom',
    environmentOptions: { jsdom: { url: 'http://localhost:8080/' } },
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['./src/test/setup.ts'],
    testTimeout: 10_000,
    // The router and its DOM entry load as one copy of ES modules, as in the app's bundle; left to
    // the test runner, one of them loads as CommonJS, a second copy with contexts of its own.
    alias: [
      { find: /^react-router$/, replacement: routerModule('index.mjs') },
      { find: /^react-router\/dom$/, replacement: routerModule('dom-export.mjs') },
    ],
  },
});
