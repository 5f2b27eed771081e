import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext, AppModule } from '../module';
import { readinessReport } from '../readiness';
import type { HttpApp } from './types';

/**
 * Whether this request may see operational detail (metrics, readiness checks) on the public port:
 * anyone outside production; in production only the bearer of METRICS_TOKEN (scrapers inside the
 * cluster use METRICS_PORT instead).
 */
function mayReadOperations(ctx: AppContext, req: FastifyRequest): boolean {
  const token = ctx.config.METRICS_TOKEN;
  if (!token) return ctx.config.NODE_ENV !== 'production';
  const given = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `/health`, `/ready` and `/metrics`. */
export function registerPlatformRoutes(app: HttpApp, ctx: AppContext, modules: AppModule[]): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['operations'],
        description:
          'Answers 200 while the process runs; it checks nothing else, so a probe never restarts a process over a slow database.',
        examples: { response: { status: 'ok' } },
        summary: 'Liveness',
        response: { 200: z.object({ status: z.literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  const checks = z.record(z.string(), z.string()).optional();
  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        description:
          'Answers 200 when the database, the job queue and every configured service answer, and 503 naming the failing check otherwise; load balancers send traffic only to a ready process.',
        summary:
          'Readiness: database, job queue and configured services (the checks only for the metrics token in production)',
        response: {
          200: z.object({ status: z.literal('ready'), checks }),
          503: z.object({ status: z.literal('not_ready'), checks }),
        },
      },
    },
    async (req, reply) => {
      const report = await readinessReport(ctx, modules);
      const detail = mayReadOperations(ctx, req) ? { checks: report.checks } : {};
      if (!report.ready) return reply.status(503).send({ status: 'not_ready' as const, ...detail });
      return { status: 'ready' as const, ...detail };
    },
  );

  app.get(
    '/metrics',
    {
      schema: {
        tags: ['operations'],
        description:
          'The process metrics in the Prometheus text format: request durations, job lanes, pool use and business counters.',
        summary: 'Prometheus metrics (in production: METRICS_PORT, or the METRICS_TOKEN bearer)',
        hide: false,
      },
    },
    async (req, reply) => {
      if (!mayReadOperations(ctx, req)) {
        return reply.status(404).send({ error: { code: 'not_found', message: `No route for GET /metrics` } });
      }
      const body = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).send(body);
    },
  );
}
