import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../src/platform/db/embedded';
import { apiClient } from './client';
import { createTestDatabase, startTestServer } from './harness';

const root = path.resolve(import.meta.dirname, '../../..');
const children: ChildProcess[] = [];

function startProduct(env: Record<string, string>): ChildProcess {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.TEST_DATABASE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: root,
    env: { ...clean, NODE_ENV: 'development', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  children.push(child);
  return child;
}

async function waitReady(port: number, ms = 60_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/ready`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not ready on ${port} within ${ms} ms`);
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('the product process on embedded defaults', () => {
  it('starts its own PostgreSQL in DATA_DIR, answers /ready, survives SIGKILL and stops cleanly on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'vw-process-'));
    try {
      const port = await freePort();
      const first = startProduct({ DATA_DIR: dataDir, PORT: String(port) });
      const coldMs = await waitReady(port);
      const pidFile = path.join(dataDir, 'postgres', 'postmaster.pid');
      expect(existsSync(pidFile)).toBe(true);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(await health.json()).toEqual({ status: 'ok' });

      // A killed process leaves PostgreSQL running; the next start takes the folder over.
      first.kill('SIGKILL');
      await exited(first);
      const second = startProduct({ DATA_DIR: dataDir, PORT: String(port) });
      const warmMs = await waitReady(port);
      console.log(`start on embedded PostgreSQL: cold ${coldMs} ms, after SIGKILL ${warmMs} ms`);

      second.kill('SIGTERM');
      expect(await exited(second)).toBe(0);
      expect(existsSync(pidFile)).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  it('exits with a clear message on bad configuration', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: root,
      env: { ...process.env, PORT: 'eighty', ROLES: 'chef' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    expect(await exited(child)).toBe(2);
    expect(stderr).toContain('PORT');
    expect(stderr).toContain('ROLES');
  }, 30_000);
});

describe('roles', () => {
  it('runs api-only and worker-only processes against one database: jobs queued by the API are worked by the worker', async () => {
    const databaseUrl = await createTestDatabase();
    const api = await startTestServer({ databaseUrl, env: { ROLES: 'api' } });
    expect(api.worker).toBeNull();
    const client = apiClient(api);
    await client.call('POST', '/v1/auth/email/start', { body: { email: 'split@example.com' } });
    // nothing works the queue yet
    await new Promise((r) => setTimeout(r, 300));
    const queued = await api.ctx.pool.query<{ n: number }>(
      `select count(*)::int as n from graphile_worker.jobs where task_identifier = 'platform:send-message'`,
    );
    expect(queued.rows[0]!.n).toBe(1);
    const worker = await startTestServer({ databaseUrl, env: { ROLES: 'worker' } });
    try {
      expect(worker.app).toBeNull();
      expect(await client.latestCode('split@example.com')).toMatch(/^\d{6}$/);
      const ready = await client.call('GET', '/ready');
      expect(ready.status).toBe(200);
    } finally {
      await worker.stop();
      await api.stop();
    }
  });
});
