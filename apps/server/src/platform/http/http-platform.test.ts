import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
const logLines: string[] = [];

beforeAll(async () => {
  runtime = await startTestServer({ env: { CORS_ORIGINS: 'https://app.example' }, logLines });
  api = apiClient(runtime);
});
afterAll(async () => runtime.stop());

describe('operations endpoints', () => {
  it('/health answers ok and /ready checks the database and the job queue', async () => {
    expect((await api.call('GET', '/health')).body).toEqual({ status: 'ok' });
    const ready = await api.call('GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', jobQueue: 'ok', realtime: 'ok' } });
  });

  it('/metrics exposes Prometheus text with HTTP latency by route', async () => {
    await api.call('GET', '/health');
    const res = await api.call<string>('GET', '/metrics');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toContain('text/plain');
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/route="\/health"/);
  });

  it('publishes an OpenAPI 3.1 document and browsable docs', async () => {
    const doc = await api.call<{ openapi: string; paths: Record<string, unknown> }>('GET', '/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/auth/email/start', '/v1/me', '/v1/makers']),
    );
    const docs = await api.call<string>('GET', '/docs/');
    expect(docs.status).toBe(200);
    expect(String(docs.headers['content-type'])).toContain('text/html');
  });

  it('serves the web app shell at / and for client routes, but JSON 404 for unknown API paths', async () => {
    const home = await api.call<string>('GET', '/');
    expect(home.status).toBe(200);
    expect(String(home.headers['content-type'])).toContain('text/html');
    expect((await api.call('GET', '/stories/abc')).status).toBe(200);
    const missing = await api.call('GET', '/v1/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('bad input', () => {
  it('answers broken JSON with 400 invalid_json', async () => {
    const res = await runtime.app!.inject({
      method: 'POST',
      url: '/v1/auth/email/start',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'invalid_json' } });
  });

  it('answers a body over 1 MB with 413, over a real socket', async () => {
    const address = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
    const res = await fetch(`${address}/v1/auth/email/start`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'a@example.com', pad: 'x'.repeat(1_100_000) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers schema violations with 400 validation_failed and details', async () => {
    const res = await api.call<{ error: { code: string; details: unknown[] } }>('POST', '/v1/auth/email/start', {
      body: { email: 42 },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details.length).toBeGreaterThan(0);
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await runtime.app!.inject({
      method: 'POST',
      url: '/v1/auth/email/start',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
  });

  it('never turns hostile strings into a 5xx', async () => {
    for (const email of ["' or 1=1 --", '../../etc/passwd', '\u0000', 'a'.repeat(10_000), '😀@😀.com']) {
      const res = await api.call('POST', '/v1/auth/email/start', { body: { email } });
      expect(res.status).toBeLessThan(500);
    }
  });
});

describe('headers', () => {
  it('echoes a request id, or makes one', async () => {
    const given = await api.call('GET', '/health', { headers: { 'x-request-id': 'client-req-12345' } });
    expect(given.headers['x-request-id']).toBe('client-req-12345');
    const made = await api.call('GET', '/health');
    expect(String(made.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(['/', '/v1/feed', '/v1/no-such-route'])('sends security headers on %s', async (url) => {
    const res = await api.call('GET', url);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(String(res.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('allows CORS for listed origins only', async () => {
    const ok = await api.call('OPTIONS', '/v1/me', {
      headers: { origin: 'https://app.example', 'access-control-request-method': 'GET' },
    });
    expect(ok.headers['access-control-allow-origin']).toBe('https://app.example');
    const no = await api.call('OPTIONS', '/v1/me', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(no.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('logs', () => {
  it('are JSON with the request id and never contain a raw email, code or token', async () => {
    const email = 'secretive.person@example.com';
    const s = await api.signIn(email);
    await api.call('GET', `/v1/dev/mailbox?to=${email}`);
    await api.call('GET', '/v1/me', { token: s.accessToken });
    const all = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(5);
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    expect(all).toContain('"reqId"');
    expect(all).not.toContain(email);
    expect(all).not.toContain(s.accessToken);
    expect(all).not.toContain(s.refreshToken);
    expect(all).toContain('s***@example.com');
  });
});
