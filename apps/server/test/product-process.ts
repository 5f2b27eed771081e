import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_DATA_KEYS } from './harness';

const root = path.resolve(import.meta.dirname, '../../..');

/**
 * The real server (`apps/server/src/main.ts`) as a child process on a test database, with the
 * test secrets and generous rate limits; `env` adds PORT, DATA_DIR, DATABASE_URL and the rest.
 * Resolves once `readyPath` answers 2xx; everything it prints is appended to `output`.
 */
export async function spawnProduct(
  env: Record<string, string>,
  options: { output: string[]; readyPath?: '/health' | '/ready'; timeoutMs?: number },
): Promise<ChildProcess> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      DATA_ENCRYPTION_KEYS: TEST_DATA_KEYS,
      LOOKUP_SECRET: 'test-lookup-secret-test-lookup-secret-000',
      RATE_LIMIT_PER_MINUTE: '100000',
      BID_RATE_LIMIT_PER_MINUTE: '100000',
      BID_CAP_MULTIPLE: '100000',
      OPEN_PAYMENT_WINDOWS_PER_BUYER: '100000',
      MAKER_SIGNUPS_PER_IP_PER_DAY: '100000',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout?.on('data', (d: Buffer) => options.output.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => options.output.push(d.toString()));
  const url = `http://127.0.0.1:${env.PORT}${options.readyPath ?? '/ready'}`;
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited early:\n${options.output.join('')}`);
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return proc;
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready at ${url}:\n${options.output.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
