import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['apps/server', 'apps/web', 'packages/domain', 'packages/api-client'],
    // Most test files wait on PostgreSQL, a browser or ffmpeg rather than on their own CPU, and each
    // works in its own database: three at a time keep two cores busy.
    maxWorkers: 3,
  },
});
