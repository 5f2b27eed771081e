import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { portOpen } from '../../../test/net';

const redisReachable = await portOpen(6379);
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '30' } });
  api = apiClient(runtime);
});
afterAll(async () => runtime.stop());

describe('rate limits', () => {
  it('limit each client IP across routes with 429, Retry-After and the uniform body', async () => {
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof api.call<{ error: { code: string } }>>> | undefined;
    for (let i = 0; i < 31; i++) {
      const res = await api.call<{ error: { code: string } }>('GET', '/v1/auth/providers', {
        remoteAddress: '10.50.0.1',
      });
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(30);
    expect(limited?.body.error.code).toBe('rate_limited');
    expect(Number(limited?.headers['retry-after'])).toBeGreaterThan(0);
    // another client is unaffected, and health probes are never limited
    expect((await api.call('GET', '/v1/auth/providers', { remoteAddress: '10.50.0.2' })).status).toBe(200);
    expect((await api.call('GET', '/health', { remoteAddress: '10.50.0.1' })).status).toBe(200);
  });

  it('hold sign-in routes to 20 a minute per IP, below the general limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await api.call('POST', '/v1/auth/email/start', {
        body: { email: `flood${i}@example.com` },
        remoteAddress: '10.60.0.1',
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });
});

describe.runIf(redisReachable)('rate limits counted in a shared Redis (needs Redis at 127.0.0.1:6379)', () => {
  it('are spent per deployment: one spent by a client leaves another deployment on the same Redis open to it', async () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_PER_MINUTE: '5' };
    const [spent, other] = await Promise.all([
      startTestServer({ databaseUrl: await createTestDatabase(), env }),
      startTestServer({ databaseUrl: await createTestDatabase(), env }),
    ]);
    try {
      // An address no other test uses, so only this test counts against it.
      const remoteAddress = `10.70.${process.pid % 250}.${Date.now() % 250}`;
      const call = (runtime: Runtime) => apiClient(runtime).call('GET', '/v1/auth/providers', { remoteAddress });
      for (let i = 0; i < 5; i++) expect((await call(spent)).status).toBe(200);
      expect((await call(spent)).status).toBe(429);
      expect((await call(other)).status).toBe(200);
    } finally {
      await Promise.all([spent.stop(), other.stop()]);
    }
  });

  it('hold across the processes of one deployment: what one lets through counts in the others', async () => {
    const databaseUrl = await createTestDatabase();
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', RATE_LIMIT_PER_MINUTE: '10' };
    const [a, b] = await Promise.all([
      startTestServer({ databaseUrl, env: { ...env, ROLES: 'api' } }),
      startTestServer({ databaseUrl, env }),
    ]);
    try {
      const remoteAddress = `10.71.${process.pid % 250}.${Date.now() % 250}`;
      const call = (runtime: Runtime) => apiClient(runtime).call('GET', '/v1/auth/providers', { remoteAddress });
      const fromA = await Promise.all(Array.from({ length: 6 }, () => call(a)));
      expect(fromA.map((r) => r.status)).toEqual(Array(6).fill(200));
      const fromB: number[] = [];
      for (let i = 0; i < 5; i++) fromB.push((await call(b)).status);
      expect(fromB).toEqual([200, 200, 200, 200, 429]);
      expect((await call(a)).status).toBe(429);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });

  it('hold a route’s own limit across the processes of one deployment', async () => {
    const databaseUrl = await createTestDatabase();
    const env = { REDIS_URL: 'redis://127.0.0.1:6379' };
    const [a, b] = await Promise.all([
      startTestServer({ databaseUrl, env: { ...env, ROLES: 'api' } }),
      startTestServer({ databaseUrl, env }),
    ]);
    try {
      const remoteAddress = `10.72.${process.pid % 250}.${Date.now() % 250}`;
      const start = (runtime: Runtime, i: number) =>
        apiClient(runtime).call('POST', '/v1/auth/email/start', {
          body: { email: `spread${i}@example.com` },
          remoteAddress,
        });
      // Twenty sign-in starts a minute, spread over two processes with no pause between them.
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) statuses.push((await start(i % 2 === 0 ? a : b, i)).status);
      expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
      expect(statuses[20]).toBe(429);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
