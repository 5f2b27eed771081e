import { sql } from 'drizzle-orm';
import type { AppContext, AppModule } from './module';

/** How long each readiness check may take (the orchestrator's probe gives up soon after). */
const READY_CHECK_TIMEOUT_MS = 2_000;

export interface ReadinessReport {
  ready: boolean;
  /** Each check's `ok` or the reason it failed: internal detail, for the operations port or the metrics token only. */
  checks: Record<string, string>;
}

/** A short reason for a failed check: the innermost error's message (wrappers repeat the query). */
function reasonOf(err: unknown): string {
  let inner = err;
  for (let i = 0; i < 5 && inner instanceof Error && inner.cause instanceof Error; i++) inner = inner.cause;
  return inner instanceof Error ? inner.message.slice(0, 200) : 'failed';
}

/** Database, job queue and every module's own check (Redis, providers), each bounded in time. */
export async function readinessReport(ctx: AppContext, modules: AppModule[]): Promise<ReadinessReport> {
  const checks: Record<string, string> = {};
  let ready = true;
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
      ready = false;
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
  return { ready, checks };
}
