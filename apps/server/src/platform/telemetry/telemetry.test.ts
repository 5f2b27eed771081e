import { trace } from '@opentelemetry/api';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { loadConfig } from '../../config';
import { enqueue } from '../jobs';
import { serviceNameOf, tracesUrl } from './index';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';
// OTLP span kinds
const SERVER = 2;
const CLIENT = 3;
const CONSUMER = 5;

interface OtlpValue {
  stringValue?: string;
  intValue?: number | string;
  boolValue?: boolean;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes?: OtlpAttribute[];
  links?: { traceId: string; spanId: string }[];
  status?: { code?: number };
}
interface OtlpBody {
  resourceSpans: { resource: { attributes: OtlpAttribute[] }; scopeSpans: { spans: OtlpSpan[] }[] }[];
}

interface Span extends OtlpSpan {
  attrs: Record<string, string | number | boolean | undefined>;
  resource: Record<string, string | number | boolean | undefined>;
}

const flat = (attributes: OtlpAttribute[] = []) =>
  Object.fromEntries(
    attributes.map((a) => [
      a.key,
      a.value.stringValue ?? (a.value.intValue !== undefined ? Number(a.value.intValue) : a.value.boolValue),
    ]),
  );

/** A stand-in OpenTelemetry collector: accepts OTLP/HTTP JSON on POST /v1/traces. */
async function startCollector() {
  const spans: Span[] = [];
  const posts: string[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      posts.push(`${req.method} ${req.url} ${req.headers['content-type']}`);
      if (req.method === 'POST' && req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpBody;
        for (const rs of body.resourceSpans) {
          const resource = flat(rs.resource.attributes);
          for (const ss of rs.scopeSpans) {
            for (const s of ss.spans) spans.push({ ...s, attrs: flat(s.attributes), resource });
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    posts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The statement's command, from instrumentation-pg's span name (`pg.query:INSERT <database>`). */
const commandOf = (span: OtlpSpan) => /^pg\.query:(\S+)/.exec(span.name)?.[1];

const parse = (lines: string[]) => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

async function until<T>(what: string, fn: () => T | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = fn();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('tracing settings', () => {
  it('is on only with an endpoint, and names the service by role', () => {
    expect(tracesUrl(loadConfig({}))).toBeNull();
    expect(tracesUrl(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }))).toBe(
      'http://collector:4318/v1/traces',
    );
    expect(
      tracesUrl(
        loadConfig({
          OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
          OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example/otlp/v1/traces',
        }),
      ),
    ).toBe('https://traces.example/otlp/v1/traces');
    expect(
      tracesUrl(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318', OTEL_SDK_DISABLED: 'true' })),
    ).toBeNull();
    expect(serviceNameOf(loadConfig({}))).toBe('video-window');
    expect(serviceNameOf(loadConfig({ ROLES: 'worker' }))).toBe('video-window-worker');
    expect(serviceNameOf(loadConfig({ ROLES: 'api', OTEL_SERVICE_NAME: 'vw' }))).toBe('vw-api');
  });
});

describe('tracing', () => {
  it('exports HTTP, SQL and job spans over OTLP and puts the trace id on the log lines', async () => {
    const collector = await startCollector();
    const logLines: string[] = [];
    const runtime = await startTestServer({ logLines, env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url } });
    const email = 'traced@example.com';
    try {
      expect(runtime.telemetry?.serviceName).toBe('video-window');
      const api = apiClient(runtime);
      // A request that writes (the one-time code and its message job) under the caller's trace.
      const start = await api.call('POST', '/v1/auth/email/start', {
        body: { email },
        headers: { traceparent: `00-${TRACE}-${PARENT}-01`, 'x-request-id': 'traced-request-01' },
      });
      expect(start.status).toBe(202);
      await api.latestCode(email); // the message job has run
      // A request without a caller's trace gets a trace of its own.
      await api.call('GET', '/ready', { headers: { 'x-request-id': 'fresh-trace-0001' } });
      // A job that fails: its span records the error, its log line carries its trace id.
      await enqueue(runtime.ctx.db, 'platform:send-message', { sealed: 'not-sealed' }, { maxAttempts: 1 });
      await until('the failed attempt', () =>
        parse(logLines).find((l) => l.msg === 'job attempt failed' && l.task === 'platform:send-message'),
      );
    } finally {
      await runtime.stop(); // flushes the batched spans
    }
    await collector.close();
    expect(collector.posts.every((p) => p === 'POST /v1/traces application/json')).toBe(true);
    const { spans } = collector;

    // HTTP: the server span continues the caller's trace and is named by route.
    const server = spans.find((s) => s.kind === SERVER && s.traceId === TRACE);
    expect(server).toMatchObject({ name: 'POST /v1/auth/email/start', parentSpanId: PARENT });
    expect(server!.attrs).toMatchObject({
      'http.request.method': 'POST',
      'http.route': '/v1/auth/email/start',
      'url.path': '/v1/auth/email/start',
      'http.response.status_code': 202,
    });
    expect(server!.resource).toMatchObject({ 'service.name': 'video-window', 'deployment.environment.name': 'test' });

    // SQL: statements of the request are its children, parameterised text only.
    const sql = spans.filter((s) => s.parentSpanId === server!.spanId);
    expect(sql.length).toBeGreaterThan(0);
    for (const s of sql) {
      expect(s.kind).toBe(CLIENT);
      expect(s.traceId).toBe(TRACE);
      expect(s.attrs['db.system.name']).toBe('postgresql');
    }
    const addJob = sql.find((s) => String(s.attrs['db.query.text']).includes('graphile_worker.add_job'));
    expect(addJob && commandOf(addJob)).toBe('SELECT');
    expect(JSON.stringify(sql)).not.toContain(email);

    // Jobs: a trace of their own, linked to the request that enqueued them, with their SQL inside.
    const jobs = spans.filter((s) => s.name === 'job platform:send-message');
    expect(jobs.every((j) => j.kind === CONSUMER)).toBe(true);
    const sent = jobs.find((j) => j.links?.some((l) => l.traceId === TRACE && l.spanId === server!.spanId));
    expect(sent).toBeDefined();
    expect(sent!.traceId).not.toBe(TRACE);
    expect(sent!.parentSpanId ?? '').toBe('');
    expect(sent!.attrs).toMatchObject({ 'messaging.destination.name': 'platform:send-message', 'job.attempt': 1 });
    expect(spans.some((s) => s.parentSpanId === sent!.spanId && s.kind === CLIENT)).toBe(true);
    const failed = jobs.find((j) => j.status?.code === 2);
    expect(failed).toBeDefined();
    expect(failed!.links ?? []).toEqual([]);

    // Logs: every line of the traced request carries the caller's trace id …
    const lines = parse(logLines);
    const traced = lines.filter((l) => l.reqId === 'traced-request-01');
    expect(traced.length).toBeGreaterThan(0);
    for (const line of traced) expect(line.traceId).toBe(TRACE);
    // … a request without one carries the trace id of its own server span …
    const fresh = lines.filter((l) => l.reqId === 'fresh-trace-0001');
    const freshSpan = spans.find((s) => s.kind === SERVER && s.name === 'GET /ready');
    expect(fresh.length).toBeGreaterThan(0);
    for (const line of fresh) expect(line.traceId).toBe(freshSpan!.traceId);
    // … and a job's line carries the job's.
    const failure = lines.find((l) => l.msg === 'job attempt failed' && l.task === 'platform:send-message');
    expect(failure!.traceId).toBe(failed!.traceId);
    // Lines never repeat the key.
    for (const raw of logLines) expect(raw.split('"traceId"').length).toBeLessThanOrEqual(2);
  });

  it('keeps each request of a kept-alive connection in its own span, its body arriving late', async () => {
    const collector = await startCollector();
    const runtime = await startTestServer({ env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url } });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const url = new URL(await runtime.app!.listen({ port: 0, host: '127.0.0.1' }));
      for (const [i, traceparent] of [`00-${TRACE}-${PARENT}-01`, undefined].entries()) {
        const body = JSON.stringify({ email: `socket-${i}@example.com` });
        const status = await new Promise<number>((resolve, reject) => {
          const req = request(
            {
              agent,
              host: url.hostname,
              port: url.port,
              method: 'POST',
              path: '/v1/auth/email/start',
              headers: {
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
                ...(traceparent ? { traceparent } : {}),
              },
            },
            (res) => {
              res.resume();
              res.on('end', () => resolve(res.statusCode ?? 0));
            },
          );
          req.on('error', reject);
          // Headers first, the body a moment later: it reaches the server from the socket.
          req.flushHeaders();
          setTimeout(() => req.end(body), 50);
        });
        expect(status).toBe(202);
      }
    } finally {
      agent.destroy();
      await runtime.stop();
    }
    await collector.close();
    const servers = collector.spans.filter((s) => s.kind === SERVER && s.name === 'POST /v1/auth/email/start');
    expect(servers).toHaveLength(2);
    expect(servers.map((s) => s.traceId === TRACE)).toEqual([true, false]);
    for (const server of servers) {
      const children = collector.spans.filter((s) => s.parentSpanId === server.spanId);
      expect(children.map(commandOf)).toEqual(expect.arrayContaining(['BEGIN', 'INSERT', 'COMMIT']));
      for (const child of children) expect(child.traceId).toBe(server.traceId);
    }
    // Every statement of either request sits under one of them.
    const sql = collector.spans.filter((s) => s.kind === CLIENT && !s.name.startsWith('job'));
    const serverIds = new Set(servers.map((s) => s.spanId));
    const jobIds = new Set(collector.spans.filter((s) => s.kind === CONSUMER).map((s) => s.spanId));
    for (const s of sql) expect(serverIds.has(s.parentSpanId!) || jobIds.has(s.parentSpanId!)).toBe(true);
  });

  it('loads nothing and exports nothing without an endpoint', async () => {
    const collector = await startCollector();
    // Even with the variable in the process environment, only the configuration decides.
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', collector.url);
    const logLines: string[] = [];
    const runtime = await startTestServer({ logLines });
    const email = 'untraced@example.com';
    try {
      expect(runtime.telemetry).toBeNull();
      const api = apiClient(runtime);
      const start = await api.call('POST', '/v1/auth/email/start', {
        body: { email },
        headers: { traceparent: `00-${TRACE}-${PARENT}-01`, 'x-request-id': 'untraced-req-01' },
      });
      expect(start.status).toBe(202);
      await api.latestCode(email);
      // No SDK behind the API, no wrapped pool.
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
      expect(Object.hasOwn(runtime.ctx.pool, 'connect')).toBe(false);
    } finally {
      await runtime.stop();
    }
    await collector.close();
    expect(collector.posts).toEqual([]);
    // The propagated trace id still joins the request's log lines to the caller's trace.
    const traced = parse(logLines).filter((l) => l.reqId === 'untraced-req-01');
    expect(traced.length).toBeGreaterThan(0);
    for (const line of traced) expect(line.traceId).toBe(TRACE);
  });
});
