import { SpanKind } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import Fastify from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/harness';
import { loadConfig } from '../../config';
import type { HttpApp } from '../http/types';
import { createLogger } from '../logger';
import type { Telemetry } from './index';
import { requestTracing } from './http';
import { startSdk } from './sdk';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT = '00f067aa0ba902b7';

const exporter = new InMemorySpanExporter();
let telemetry: Telemetry;
let pool: pg.Pool;
let app: HttpApp;

beforeAll(async () => {
  telemetry = startSdk(
    loadConfig({}),
    'http://127.0.0.1:9/v1/traces',
    'instrumentations-test',
    createLogger('silent'),
    exporter,
  );
  pool = new pg.Pool({ connectionString: await createTestDatabase(), max: 2 });
  const tracing = requestTracing(telemetry.httpPlugin);
  app = Fastify().withTypeProvider<ZodTypeProvider>();
  await tracing.register(app);
  app.get('/v1/things/:id', async (req) => {
    const { id } = req.params as { id: string };
    return (await pool.query<{ id: string }>('select $1::text as id', [id])).rows[0];
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await telemetry?.shutdown();
  await pool?.end();
});

const attributes = (span: ReadableSpan) => span.attributes as Record<string, unknown>;

describe('HTTP and SQL spans from @fastify/otel and instrumentation-pg', () => {
  it('gives a request a server span named by its route, continuing the caller trace, with its SQL as children', async () => {
    exporter.reset();
    const res = await app.inject({
      method: 'GET',
      url: '/v1/things/someone@example.com?email=someone@example.com',
      headers: { traceparent: `00-${TRACE}-${PARENT}-01` },
    });
    expect(res.statusCode).toBe(200);
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();

    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(server?.name).toBe('GET /v1/things/:id');
    expect(server!.spanContext().traceId).toBe(TRACE);
    expect(server!.parentSpanContext?.spanId).toBe(PARENT);
    expect(attributes(server!)).toMatchObject({
      'http.request.method': 'GET',
      'http.route': '/v1/things/:id',
      'url.path': '/v1/things/s***@example.com',
      'http.response.status_code': 200,
    });

    const query = spans.find((s) => s.name.startsWith('pg.query:SELECT'));
    expect(query?.kind).toBe(SpanKind.CLIENT);
    expect(query!.parentSpanContext?.spanId).toBe(server!.spanContext().spanId);
    expect(attributes(query!)).toMatchObject({
      'db.system.name': 'postgresql',
      'db.query.text': 'select $1::text as id',
    });
    // Statement text only, never values; the path masked; no span per hook or handler.
    expect(JSON.stringify(spans.map((s) => s.attributes))).not.toContain('someone@example.com');
    expect(spans.every((s) => s.kind === SpanKind.SERVER || s.kind === SpanKind.CLIENT)).toBe(true);
  });

  it('starts a trace of its own for a request without one, and traces no SQL outside a request', async () => {
    exporter.reset();
    expect((await app.inject({ method: 'GET', url: '/v1/things/x' })).statusCode).toBe(200);
    await pool.query('select 1');
    await telemetry.flush();
    const spans = exporter.getFinishedSpans();
    const server = spans.find((s) => s.kind === SpanKind.SERVER);
    expect(server?.parentSpanContext).toBeUndefined();
    const queries = spans.filter((s) => s.name.startsWith('pg.query'));
    expect(queries).toHaveLength(1);
    expect(queries[0]!.spanContext().traceId).toBe(server!.spanContext().traceId);
  });
});

/** True while instrumentation-pg's wrapper stands in for `Client.prototype.query`. */
const queryWrapped = () => '__wrapped' in (Reflect.get(pg.Client.prototype, 'query') as object);

describe('after shutdown', () => {
  it('leaves pg as it was', async () => {
    const probe = startSdk(
      loadConfig({}),
      'http://127.0.0.1:9/v1/traces',
      'probe',
      createLogger('silent'),
      new InMemorySpanExporter(),
    );
    expect(queryWrapped()).toBe(true);
    await probe.shutdown();
    expect(queryWrapped()).toBe(false);
  });
});
