import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppContext, AppModule } from '../module';
import type { HttpApp } from './types';

/** How long `/ready` waits for each check (the orchestrator's probe gives up soon after). */
const READY_CHECK_TIMEOUT_MS = 2_000;

/** A short reason for a failed check: the innermost error's message (wrappers repeat the query). */
function reasonOf(err: unknown): string {
  let inner = err;
  for (let i = 0; i < 5 && inner instanceof Error && inner.cause instanceof Error; i++) inner = inner.cause;
  return inner instanceof Error ? inner.message.slice(0, 200) : 'failed';
}

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
      // Probes give up after a few seconds; an unreachable dependency must fail the check, not hang it.
      const check = async (name: string, fn: () => Promise<void>) => {
        let timer: NodeJS.Timeout | undefined;
        const deadline = new Promise<never>((_resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${READY_CHECK_TIMEOUT_MS} ms`)),
            READY_CHECK_TIMEOUT_MS,
          );
        });
        try {
          await Promise.race([fn(), deadline]);
          checks[name] = 'ok';
        } catch (err) {
          ok = false;
          checks[name] = reasonOf(err);
        } finally {
          clearTimeout(timer);
        }
      };
      await Promise.all([
        check('database', async () => {
          await ctx.db.execute(sql`select 1`);
        }),
        check('jobQueue', async () => {
          const r = await ctx.db.execute<{ n: number }>(
            sql`select count(*)::int as n from graphile_worker.jobs where locked_at is null and run_at <= now()`,
          );
          ctx.metrics.jobQueueDepth.set(Number(r.rows[0]?.n ?? 0));
        }),
        ...modules.flatMap((m) => (m.readiness ? [check(m.name, m.readiness)] : [])),
      ]);
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
