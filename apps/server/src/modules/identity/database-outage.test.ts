/**
 * A lost database is an error the caller sees (503 `service_unavailable` at the HTTP edge), never
 * an answer: no "not signed in", no "no maker profile", no "no such user". A row that is really
 * absent is still an answer.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isDatabaseUnavailable } from '../../platform/db/unavailable';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { captureConnectionTraces } from '../../../test/expected-traces';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { TcpProxy } from '../../../test/hardening/tcp-proxy';

// Workers of the job queue that lose their connection print a trace: expected here, and checked.
captureConnectionTraces();

let proxy: TcpProxy;
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let maker: Session;
let viewer: Session;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
  const target = new URL(databaseUrl);
  proxy = await new TcpProxy(target.hostname, Number(target.port || 5432)).start();
  const proxied = new URL(databaseUrl);
  proxied.hostname = '127.0.0.1';
  proxied.port = String(proxy.port);
  runtime = await startTestServer({
    databaseUrl: proxied.toString(),
    env: { DATABASE_CONNECT_TIMEOUT_SECONDS: '2', DATABASE_QUERY_TIMEOUT_SECONDS: '3', JOB_HEARTBEAT_SECONDS: '2' },
  });
  api = apiClient(runtime);
  maker = await api.signInMaker('outage-identity-maker@example.com', 'Outage Maker');
  viewer = await api.signIn('outage-identity-viewer@example.com');
}, 60_000);

afterAll(async () => {
  await proxy?.restore();
  await runtime?.stop();
  await proxy?.stop();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the call to fail');
}

describe('identity without its database', () => {
  it('tells a missing maker profile from a lost database', async () => {
    const identity = runtime.modules.identity;
    expect((await identity.makerProfile(maker.userId))?.displayName).toBe('Outage Maker');
    expect(await identity.makerProfile(viewer.userId)).toBeNull();
    expect(await identity.displayName(maker.userId)).toBe('Outage Maker');

    await proxy.refuse();
    try {
      expect(isDatabaseUnavailable(await rejection(identity.makerProfile(maker.userId)))).toBe(true);
      expect(isDatabaseUnavailable(await rejection(identity.displayName(maker.userId)))).toBe(true);
      expect(isDatabaseUnavailable(await rejection(identity.makerProfiles([maker.userId])))).toBe(true);
      expect(isDatabaseUnavailable(await rejection(identity.hasTotp(maker.userId)))).toBe(true);
    } finally {
      await proxy.restore();
    }
    // Connections the outage broke are replaced as they fail; then the same answers come back.
    await vi.waitFor(
      async () => expect((await identity.makerProfile(maker.userId))?.displayName).toBe('Outage Maker'),
      {
        timeout: 10_000,
        interval: 200,
      },
    );
    expect(await identity.makerProfile(viewer.userId)).toBeNull();
  }, 30_000);

  it('answers 503 service_unavailable, not 401 or 404, to calls that need it', async () => {
    await proxy.refuse();
    try {
      for (const [path, token] of [
        ['/v1/me', viewer.accessToken],
        [`/v1/makers/${maker.userId}`, undefined],
      ] as const) {
        const res = await api.call<{ error: { code: string } }>('GET', path, token ? { token } : {});
        expect(res.status, path).toBe(503);
        expect(res.body.error.code).toBe('service_unavailable');
      }
      const refresh = await api.call<{ error: { code: string } }>('POST', '/v1/auth/refresh', {
        body: { refreshToken: viewer.refreshToken },
      });
      expect(refresh.status).toBe(503);
      expect(refresh.body.error.code).toBe('service_unavailable');
    } finally {
      await proxy.restore();
    }
    await vi.waitFor(
      async () => {
        const me = await api.call<{ id: string }>('GET', '/v1/me', { token: viewer.accessToken });
        expect(me.status).toBe(200);
        expect(me.body.id).toBe(viewer.userId);
      },
      { timeout: 10_000, interval: 200 },
    );
  }, 30_000);
});
