import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

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
