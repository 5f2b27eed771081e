import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config';
import type { Runtime } from '../../composition/runtime';
import { startTestServer } from '../../../test/harness';

describe('security review: spoofable client address — TRUST_PROXY takes a hop count or address ranges only', () => {
  it('refuses `true` (every hop trusted) with a clear error', () => {
    for (const value of ['true', 'yes']) {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(ConfigError);
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY: .*number of proxies/);
    }
  });

  it('reads a hop count, address ranges, or nothing trusted', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8' }).TRUST_PROXY).toEqual([
      '10.0.0.0/8',
      '192.168.1.7',
      'fd00::/8',
    ]);
    for (const bad of ['10.0.0.0/33', 'proxy.example.com', '-1', '1.5'])
      expect(() => loadConfig({ TRUST_PROXY: bad }), bad).toThrow(/TRUST_PROXY/);
  });
});

describe('security review: spoofable client address — a forged X-Forwarded-For does not move the caller’s limit', () => {
  let behindOneProxy: Runtime;
  let direct: Runtime;
  let proxiedUrl: string;
  let directUrl: string;

  beforeAll(async () => {
    // One trusted hop: the test itself plays the load balancer, which appends the address it saw.
    [behindOneProxy, direct] = await Promise.all([
      startTestServer({ env: { TRUST_PROXY: '1', RATE_LIMIT_PER_MINUTE: '25' } }),
      startTestServer({ env: { RATE_LIMIT_PER_MINUTE: '25' } }),
    ]);
    proxiedUrl = await behindOneProxy.app!.listen({ port: 0, host: '127.0.0.1' });
    directUrl = await direct.app!.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([behindOneProxy?.stop(), direct?.stop()]);
  });

  const send = (base: string, path: string, forwardedFor: string, body?: unknown): Promise<number> =>
    fetch(`${base}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: {
        'x-forwarded-for': forwardedFor,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then(async (res) => {
      await res.arrayBuffer();
      return res.status;
    });

  it('counts the global limit against the address the trusted proxy saw, whatever the client wrote', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++)
      statuses.push(await send(proxiedUrl, '/v1/auth/providers', `203.0.113.${i + 1}, 198.51.100.7`));
    expect(statuses.slice(0, 25).every((s) => s === 200)).toBe(true);
    expect(statuses[25]).toBe(429);
    // Another client behind the same proxy is unaffected.
    expect(await send(proxiedUrl, '/v1/auth/providers', '198.51.100.8')).toBe(200);
  });

  it('counts sign-in code requests against that address too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++)
      statuses.push(
        await send(proxiedUrl, '/v1/auth/email/start', `203.0.113.${i + 1}, 198.51.100.9`, {
          email: `forged${i}@example.com`,
        }),
      );
    expect(statuses.slice(0, 20).every((s) => s === 202)).toBe(true);
    expect(statuses[20]).toBe(429);
  });

  it('ignores X-Forwarded-For altogether when no proxy is trusted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 26; i++) statuses.push(await send(directUrl, '/v1/auth/providers', `203.0.113.${i + 1}`));
    expect(statuses[25]).toBe(429);
  });
});
