import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * `npm run test:unit` (TEST_SCOPE=unit) runs the fast tests only: files that start no database,
 * server, browser or other process. A file is fast unless it reaches for one of those, so a new
 * test lands in the right set without a list to keep.
 */
const SLOW =
  /harness|test-support|createTestDatabase|startTestServer|inject\(|startEmbeddedPostgres|child_process|s3rver|playwright|ffmpeg|runTranscode/;
const unit = process.env.TEST_SCOPE === 'unit';
const fastFiles = () =>
  readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join('src', file))
    .filter((file) => !SLOW.test(readFileSync(path.join(root, file), 'utf8')));

export default defineConfig({
  test: {
    name: 'server',
    root,
    include: unit ? fastFiles() : ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: unit ? [] : ['./test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Each worker process loads the server's modules once and runs file after file on them: the
    // server's import (about three seconds of CPU) was otherwise paid again by every file. Every
    // file still starts its own runtime on its own database, and nothing a test stubs outlives
    // its file.
    isolate: false,
    unstubEnvs: true,
    unstubGlobals: true,
  },
});
