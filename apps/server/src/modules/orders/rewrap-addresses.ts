import { and, eq, gt, isNotNull } from 'drizzle-orm';
import type { PersonalDataCipher } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';
import { shippingAddressSealedFor } from './present';
import { orders } from './tables';

/**
 * Re-wraps shipping addresses still under an older key-encryption key (key rotation without
 * downtime), and moves those of the first stored form (`v1.`) to the form bound to their order.
 */
export async function rewrapAddresses(db: Database, cipher: PersonalDataCipher): Promise<number> {
  let rewrapped = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select({ id: orders.id, value: orders.shippingAddressEncrypted })
      .from(orders)
      .where(and(isNotNull(orders.shippingAddressEncrypted), gt(orders.id, after)))
      .orderBy(orders.id)
      .limit(200);
    if (batch.length === 0) return rewrapped;
    for (const row of batch) {
      if (row.value && cipher.needsRewrap(row.value)) {
        // Only if unchanged meanwhile: a concurrent erase wins.
        await db
          .update(orders)
          .set({ shippingAddressEncrypted: cipher.rewrap(row.value, shippingAddressSealedFor(row.id)) })
          .where(and(eq(orders.id, row.id), eq(orders.shippingAddressEncrypted, row.value)));
        rewrapped += 1;
      }
    }
    after = batch[batch.length - 1]!.id;
  }
}
