import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppModule } from '../module';
import type { HttpApp } from './types';

/** `/health`, `/ready` and `/metrics`. */
export function registerPlatformRoutes(app: HttpApp, ctx: AppContext, modules: AppModule[]): void {
  app.get(
    '/health',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['operations'],
        summary: 'Readiness: database, job queue and configured services',
        response: {
          200: z.object({ status: z.literal('ready'), checks: z.record(z.string(), z.string()) }),
          503: z.object({ status: z.literal('not_ready'), checks: z.record(z.string(), z.string()) }),
        },
      },
    },
    async (_req, reply) => {
      const checks: Record<string, string> = {};
      let ok = true;
      const check = async (name: string, fn: () => Promise<void>) => {
        try {
          await fn();
          checks[name] = 'ok';
        } catch (err) {
          ok = false;
          checks[name] = err instanceof Error ? err.message.slice(0, 200) : 'failed';
        }
      };
      await check('database', async () => {
        await ctx.db.execute(sql`select 1`);
      });
      await check('jobQueue', async () => {
        const r = await ctx.db.execute<{ n: number }>(
          sql`select count(*)::int as n from graphile_worker.jobs where locked_at is null and run_at <= now()`,
        );
        ctx.metrics.jobQueueDepth.set(Number(r.rows[0]?.n ?? 0));
      });
      for (const m of modules) {
        if (m.readiness) await check(m.name, m.readiness);
      }
      if (!ok) return reply.status(503).send({ status: 'not_ready' as const, checks });
      return { status: 'ready' as const, checks };
    },
  );

  app.get(
    '/metrics',
    { schema: { tags: ['operations'], summary: 'Prometheus metrics', hide: false } },
    async (_req, reply) => {
      const body = await ctx.metrics.registry.metrics();
      return reply.type(ctx.metrics.registry.contentType).send(body);
    },
  );
}
