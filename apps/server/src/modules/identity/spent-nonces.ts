import type { Database } from '../../platform/db/client';
import { deleteSpentNonceBatch } from './federated-repo';

export const DELETE_SPENT_NONCES_CRONTAB = '37 * * * * identity:delete-spent-nonces';

/**
 * Deletes Google/Apple sign-in nonces that can no longer be used (expired or used up), in batches so
 * a backlog never holds a long lock. A deleted nonce is refused like a used one. Returns how many went.
 */
export async function deleteSpentNonces(db: Database, now: Date, batchSize = 1000): Promise<number> {
  let total = 0;
  for (;;) {
    const deleted = await deleteSpentNonceBatch(db, now, batchSize);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
