import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { jsonSchemaTransformObject, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { randomUUID } from 'node:crypto';
import type { AppContext, AppModule } from './platform/module';
import { requestPathRedis } from './platform/request-redis';
import { trustProxyOption } from './platform/http/client-address';
import { AccessLog } from './platform/http/access-log';
import { addOperationIds, API_GUIDE, documentTransform } from './platform/http/openapi-document';
import { OptionalBodies } from './platform/http/optional-bodies';
import { errorHandler } from './platform/http/error-handler';
import { registerPlatformRoutes } from './platform/http/platform-routes';
import { registerSecurityHeaders } from './platform/http/security-headers';
import type { HttpApp } from './platform/http/types';
import { traceIdOf } from './platform/http/trace-context';
import { registerWebApp } from './platform/http/web-app';
import { childWithTraceId } from './platform/logger';
import { requestTracing } from './platform/telemetry/http';
import type { Telemetry } from './platform/telemetry';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export interface BuildAppOptions {
  /** Tracing, when configured: a server span per request (`@fastify/otel`). */
  telemetry?: Telemetry | null;
}

/** Builds the HTTP app from the module list; the process entry and the tests build it the same way. */
export async function buildApp(ctx: AppContext, modules: AppModule[], options: BuildAppOptions = {}): Promise<HttpApp> {
  const loggerInstance: FastifyBaseLogger = ctx.logger;
  const tracing = options.telemetry ? requestTracing(options.telemetry.httpPlugin) : null;
  const app = Fastify({
    loggerInstance,
    bodyLimit: 1024 * 1024,
    trustProxy: trustProxyOption(ctx.config.TRUST_PROXY),
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Each request's log lines carry its trace id next to the request id: the one the caller
    // propagated, bound here; else, with tracing on, its server span's, which every line written
    // inside the span gets from the logger (see `requestTracing` for the first line).
    childLoggerFactory: (logger, bindings, childOptions, rawReq) => {
      const traceId = traceIdOf(rawReq.headers.traceparent);
      return traceId ? childWithTraceId(logger, bindings, traceId, childOptions) : logger.child(bindings, childOptions);
    },
    logController: new AccessLog(),
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const optionalBodies = new OptionalBodies();
  app.setValidatorCompiler(optionalBodies.compiler);
  app.addHook('onRoute', optionalBodies.onRoute);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .send({ error: { code: 'not_found', message: `No route for ${req.method} ${req.url.split('?')[0]}` } });
  });
  app.decorateRequest('caller', null);

  // First, so every later hook, the body parsing and the handler run inside the request's span.
  await tracing?.register(app);
  app.addHook('onRequest', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    ctx.metrics.httpDuration.observe(
      { method: req.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  registerSecurityHeaders(app);
  await app.register(cors, {
    origin: ctx.config.CORS_ORIGINS.length ? ctx.config.CORS_ORIGINS : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'location', 'upload-offset', 'upload-length', 'tus-resumable', 'retry-after'],
  });
  // Counters are shared through Redis when configured, so the limit holds across processes; if Redis
  // fails, requests are let through rather than refused.
  const rateLimitRedis = ctx.config.REDIS_URL
    ? requestPathRedis(ctx.config.REDIS_URL, ctx.logger, 'rate-limit store')
    : null;
  app.addHook('onClose', async () => rateLimitRedis?.disconnect());
  await app.register(rateLimit, {
    global: true,
    ...(rateLimitRedis ? { redis: rateLimitRedis, nameSpace: `vw-rl:${ctx.redisScope}:`, skipOnError: true } : {}),
    max: ctx.config.RATE_LIMIT_PER_MINUTE,
    timeWindow: 60_000,
    // Liveness only: a throttled liveness probe would restart a healthy process. Readiness and
    // metrics on this port count like any route (probes and scrapers use METRICS_PORT).
    allowList: (req) => req.url === '/health',
    errorResponseBuilder: (_req, context) => ({
      statusCode: 429,
      error: { code: 'rate_limited', message: `Too many requests; retry in ${Math.ceil(context.ttl / 1000)} s` },
    }),
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Video Window API', version: '1.0.0', description: API_GUIDE },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transform: documentTransform,
    transformObject: (input) => addOperationIds(optionalBodies.markDocument(jsonSchemaTransformObject(input))),
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerPlatformRoutes(app, ctx, modules);
  for (const m of modules) {
    if (m.routes) await m.routes(app);
  }
  await registerWebApp(app);
  return app;
}
