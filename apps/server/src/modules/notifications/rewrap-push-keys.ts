import { and, eq, gt } from 'drizzle-orm';
import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';
import { pushKeySealedFor } from './devices';
import { webPushSubscriptions } from './tables';

export const REWRAP_TASK = 'notifications:rewrap-personal-data';

/**
 * Re-wraps web push keys still under an older key-encryption key (key rotation without downtime),
 * and moves those of the first stored form (`v1.`) to the form bound to their subscription.
 */
export async function rewrapPushKeys(db: Database, cipher: PersonalDataCipher): Promise<number> {
  let rewrapped = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select()
      .from(webPushSubscriptions)
      .where(gt(webPushSubscriptions.id, after))
      .orderBy(webPushSubscriptions.id)
      .limit(200);
    if (batch.length === 0) return rewrapped;
    for (const row of batch) {
      if (!cipher.needsRewrap(row.p256dhEncrypted) && !cipher.needsRewrap(row.authEncrypted)) continue;
      // Only if unchanged meanwhile: a browser that subscribed again wins.
      await db
        .update(webPushSubscriptions)
        .set({
          p256dhEncrypted: cipher.rewrap(row.p256dhEncrypted, pushKeySealedFor('p256dh', row.endpoint)),
          authEncrypted: cipher.rewrap(row.authEncrypted, pushKeySealedFor('auth', row.endpoint)),
        })
        .where(
          and(
            eq(webPushSubscriptions.id, row.id),
            eq(webPushSubscriptions.p256dhEncrypted, row.p256dhEncrypted),
            eq(webPushSubscriptions.authEncrypted, row.authEncrypted),
          ),
        );
      rewrapped += 1;
    }
    after = batch[batch.length - 1]!.id;
  }
}
