import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from './db/client';
import { declareTask } from './jobs/task-registry';

/** How long a remembered answer replays: a client retries within minutes, never after a day. */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export const PRUNE_IDEMPOTENCY_TASK = declareTask('platform:prune-idempotency-keys', z.object({}));

/**
 * Forgets idempotency keys older than the retention, a batch per statement, so each delete holds
 * its row locks briefly and never stalls the bids and payments writing new keys beside it.
 * Answers how many keys it removed.
 */
export async function pruneIdempotencyKeys(
  db: Database,
  now: Date,
  options: { retentionMs?: number; batchSize?: number } = {},
): Promise<{ removed: number; batches: number }> {
  const cutoff = new Date(now.getTime() - (options.retentionMs ?? IDEMPOTENCY_RETENTION_MS));
  const batchSize = options.batchSize ?? 5_000;
  let removed = 0;
  let batches = 0;
  for (;;) {
    const result = await db.execute(sql`
      delete from platform.idempotency_keys
      where ctid in (
        select ctid from platform.idempotency_keys
        where created_at < ${cutoff.toISOString()}::timestamptz
        limit ${batchSize}
      )`);
    const count = result.rowCount ?? 0;
    removed += count;
    batches += 1;
    if (count < batchSize) return { removed, batches };
  }
}
