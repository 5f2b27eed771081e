import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../test/harness';
import type { Runtime } from '../composition/runtime';
import { IDEMPOTENCY_RETENTION_MS, PRUNE_IDEMPOTENCY_TASK, pruneIdempotencyKeys } from './idempotency-retention';

let runtime: Runtime;
beforeAll(async () => {
  runtime = await startTestServer();
}, 60_000);
afterAll(async () => runtime?.stop());

const HOUR = 60 * 60 * 1000;

async function keysAged(count: number, ageMs: number, prefix: string): Promise<void> {
  await runtime.ctx.db.execute(sql`
    insert into platform.idempotency_keys (scope, user_id, key, request_hash, status_code, response_body, created_at)
    select 'bid', gen_random_uuid(), ${prefix} || n, 'h', 201, '{}'::jsonb, now() - ${`${ageMs} milliseconds`}::interval
    from generate_series(1, ${count}) as n`);
}

async function remaining(prefix: string): Promise<number> {
  const result = await runtime.ctx.db.execute<{ n: number }>(
    sql`select count(*)::int as n from platform.idempotency_keys where key like ${`${prefix}%`}`,
  );
  return result.rows[0]!.n;
}

describe('idempotency key retention', () => {
  it('forgets keys older than 24 hours in batches, and keeps the recent ones', async () => {
    await keysAged(2_500, IDEMPOTENCY_RETENTION_MS + HOUR, 'old-');
    await keysAged(40, IDEMPOTENCY_RETENTION_MS - HOUR, 'recent-');
    const result = await pruneIdempotencyKeys(runtime.ctx.db, new Date(), { batchSize: 1_000 });
    expect(result).toEqual({ removed: 2_500, batches: 3 });
    expect(await remaining('old-')).toBe(0);
    expect(await remaining('recent-')).toBe(40);
    // Nothing left to prune: one statement, nothing removed.
    expect(await pruneIdempotencyKeys(runtime.ctx.db, new Date(), { batchSize: 1_000 })).toEqual({
      removed: 0,
      batches: 1,
    });
  });

  it('runs every hour from the job runner', () => {
    const platform = runtime.modules.list.find((m) => m.name === 'platform')!;
    expect(platform.crontab).toContain(`23 * * * * ${PRUNE_IDEMPOTENCY_TASK.name}`);
    expect(platform.tasks?.map((t: { name: string }) => t.name)).toContain(PRUNE_IDEMPOTENCY_TASK.name);
  });
});
