import { FastifyOtelInstrumentation } from '@fastify/otel';
import { context, diag, DiagLogLevel, propagation, trace, type Span } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanExporter } from '@opentelemetry/sdk-trace-node';
import {
  ATTR_DEPLOYMENT_ENVIRONMENT_NAME,
  ATTR_NETWORK_PROTOCOL_VERSION,
  ATTR_SERVICE_INSTANCE_ID,
  ATTR_SERVICE_NAME,
  ATTR_SERVICE_NAMESPACE,
  ATTR_URL_PATH,
} from '@opentelemetry/semantic-conventions';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { maskPersonalData } from '../logger';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Telemetry } from './index';

/**
 * Names a request's server span by its route (`POST /v1/auctions/:id/bids`) and records its path
 * without the query string, personal data masked.
 */
function describeRequest(span: Span, request: FastifyRequest): void {
  const route = request.routeOptions.url;
  span.updateName(route ? `${request.method} ${route}` : request.method);
  span.setAttribute(ATTR_URL_PATH, maskPersonalData(request.url.split('?')[0] ?? '/'));
  span.setAttribute(ATTR_NETWORK_PROTOCOL_VERSION, request.raw.httpVersion);
}

/**
 * SQL spans from `@opentelemetry/instrumentation-pg`, applied to the `pg` this process has
 * already loaded (in an ES module app, and in the bundle, its load-time hook never sees `pg`
 * being loaded): the client's `query` and `connect`, and the pool's `connect`, whose callback it
 * binds to the caller's context (a busy pool hands a freed connection to a waiting caller from
 * whoever released it). Statements get a span only under a request or job span, so the queue's
 * polling makes none; their text is the parameterised one, never values. Returns the undo.
 */
function instrumentPg(provider: NodeTracerProvider): () => void {
  const instrumentation = new PgInstrumentation({ enabled: false, requireParentSpan: true });
  instrumentation.setTracerProvider(provider);
  // pg's Pool extends the pg-pool class it was built with: that is the one to patch.
  const poolClass = Object.getPrototypeOf(pg.Pool) as object;
  const [client, pool] = instrumentation.getModuleDefinitions();
  if (!client?.patch || !pool?.patch) throw new Error('unexpected instrumentation-pg module definitions');
  client.patch(pg);
  pool.patch(poolClass);
  return () => {
    client.unpatch?.(pg);
    pool.unpatch?.(poolClass);
  };
}

/**
 * Starts the tracing SDK, exporting to `url` over OTLP/HTTP with JSON bodies (or to `exporter`,
 * in tests). Spans are batched (OTEL_BSP_* apply) and sampled as OTEL_TRACES_SAMPLER says
 * (default: parent-based, always on); the exporter reads its own OTEL_EXPORTER_OTLP_HEADERS,
 * _TIMEOUT, _COMPRESSION and certificate variables. Export failures are logged as warnings;
 * requests and jobs never wait on the export.
 *
 * HTTP spans come from `@fastify/otel` (registered by `buildApp` as a plugin), SQL spans from
 * `@opentelemetry/instrumentation-pg`, job spans from `traceTasks`.
 *
 * The SDK registers itself as the process's OpenTelemetry API implementation (context manager,
 * W3C propagator), so one traced runtime per process.
 */
export function startSdk(
  config: Config,
  url: string,
  serviceName: string,
  logger: Logger,
  exporter: SpanExporter = new OTLPTraceExporter({ url }),
): Telemetry {
  const log = logger.child({ component: 'telemetry' });
  const warn = (message: string, args: unknown[]) => {
    const err = args.find((a) => a instanceof Error);
    log.warn(err ? { err } : {}, message);
  };
  diag.setLogger(
    {
      error: (message, ...args) => warn(message, args),
      warn: (message, ...args) => warn(message, args),
      info: () => {},
      debug: () => {},
      verbose: () => {},
    },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  );
  const resource = defaultResource().merge(
    resourceFromAttributes({
      [ATTR_SERVICE_NAME]: serviceName,
      [ATTR_SERVICE_NAMESPACE]: config.OTEL_SERVICE_NAME,
      [ATTR_SERVICE_INSTANCE_ID]: randomUUID(),
      [ATTR_DEPLOYMENT_ENVIRONMENT_NAME]: config.NODE_ENV,
    }),
  );
  const provider = new NodeTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  provider.register();
  const http = new FastifyOtelInstrumentation({
    // One span per request: no span per hook or handler.
    instrumentHooks: false,
    instrumentHandler: false,
    requestHook: describeRequest,
  });
  http.setTracerProvider(provider);
  const uninstrumentPg = instrumentPg(provider);
  log.info({ url, serviceName }, 'tracing on');
  let stopped = false;
  return {
    tracer: provider.getTracer('video-window'),
    httpPlugin: http.plugin(),
    serviceName,
    url,
    flush: () => provider.forceFlush(),
    shutdown: async () => {
      if (stopped) return;
      stopped = true;
      try {
        http.disable();
        uninstrumentPg();
        await provider.shutdown();
      } finally {
        trace.disable();
        context.disable();
        propagation.disable();
        diag.disable();
      }
    },
  };
}
