import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { startOpsServer } from '../ops-server';
import { readinessReport } from '../readiness';
import type { Runtime } from '../../composition/runtime';

const METRICS_TOKEN = 'metrics-token-0123456789-abcdefghijklmnop';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer({
    env: {
      NODE_ENV: 'production',
      INTERNAL_SIGNING_SECRET: 'n8Vq2LxR7tKp4WzY9cHs3JdF6mBg1QeA5uTo0iNv',
      STRIPE_SECRET_KEY: 'sk_test_operational',
      STRIPE_WEBHOOK_SECRET: 'whsec_operational',
      METRICS_TOKEN,
      RATE_LIMIT_PER_MINUTE: '20',
    },
  });
});
afterAll(async () => runtime?.stop());

const get = (url: string, headers: Record<string, string> = {}) =>
  runtime.app!.inject({ method: 'GET', url, headers, remoteAddress: '203.0.113.7' });

describe('operational endpoints in production', () => {
  it('security review: /metrics and detailed /ready are public — production answers only to the metrics token', async () => {
    expect((await get('/metrics')).statusCode).toBe(404);
    expect((await get('/metrics', { authorization: 'Bearer wrong-token' })).statusCode).toBe(404);
    const scraped = await get('/metrics', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(scraped.statusCode).toBe(200);
    expect(scraped.body).toContain('http_request_duration_seconds');

    // Public readiness says ready or not, nothing more; the checks and their errors need the token.
    const ready = await get('/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
    const detailed = await get('/ready', { authorization: `Bearer ${METRICS_TOKEN}` });
    expect(detailed.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', jobQueue: 'ok' } });
  });

  it('security review: /metrics and detailed /ready are public — they count against the rate limit like every route', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const res = await runtime.app!.inject({ method: 'GET', url: '/ready', remoteAddress: '198.51.100.9' });
      statuses.push(res.statusCode);
    }
    expect(statuses).toContain(429);
    // Liveness stays free of limits: a throttled probe would restart a healthy process.
    const health = await runtime.app!.inject({ method: 'GET', url: '/health', remoteAddress: '198.51.100.9' });
    expect(health.statusCode).toBe(200);
  });
});

describe('the operations port (METRICS_PORT)', () => {
  it('security review: /metrics and detailed /ready are public — the ops port serves metrics and detailed readiness', async () => {
    const ops = await startOpsServer({
      metrics: runtime.ctx.metrics,
      readiness: () => readinessReport(runtime.ctx, runtime.modules.list),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const base = `http://127.0.0.1:${ops.port}`;
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ status: 'ok' });
      const ready = await fetch(`${base}/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', jobQueue: 'ok' } });
      expect(await (await fetch(`${base}/metrics`)).text()).toContain('http_request_duration_seconds');
    } finally {
      await ops.close();
    }
  });
});
