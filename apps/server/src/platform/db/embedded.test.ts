import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../../..');

describe('loading the embedded PostgreSQL package', () => {
  it('leaves the process its own exit status and signal handling', () => {
    // The package's hooks would end this process with status 0 on `beforeExit`, hiding a failure.
    const script = `
      const { loadEmbeddedPostgres } = await import('./apps/server/src/platform/db/embedded.ts');
      await loadEmbeddedPostgres();
      console.log(process.listenerCount('SIGTERM'), process.listenerCount('beforeExit'));
      process.exitCode = 3;`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.stderr).toBe('');
    expect(run.stdout.trim()).toBe('0 0');
    expect(run.status).toBe(3);
  });
});
