import { inArray, isNotNull, lte, or } from 'drizzle-orm';
import type { Database } from '../../platform/db/client';
import { federatedNonces } from './tables';

export const DELETE_SPENT_NONCES_CRONTAB = '37 * * * * identity:delete-spent-nonces';

/**
 * Deletes Google/Apple sign-in nonces that can no longer be used (expired or used up), in batches so
 * a backlog never holds a long lock. A deleted nonce is refused like a used one. Returns how many went.
 */
export async function deleteSpentNonces(db: Database, now: Date, batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const spent = db
      .select({ nonceHash: federatedNonces.nonceHash })
      .from(federatedNonces)
      .where(or(lte(federatedNonces.expiresAt, now), isNotNull(federatedNonces.consumedAt)))
      .limit(batchSize);
    const deleted = await db
      .delete(federatedNonces)
      .where(inArray(federatedNonces.nonceHash, spent))
      .returning({ nonceHash: federatedNonces.nonceHash });
    total += deleted.length;
    if (deleted.length < batchSize) return total;
  }
}
