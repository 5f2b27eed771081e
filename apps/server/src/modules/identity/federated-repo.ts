/** SQL of Google/Apple sign-in: the nonces the server issued and the linked provider accounts. */
import { and, eq, gt, inArray, isNotNull, isNull, lte, or } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { federatedIdentities, federatedNonces } from './tables';

export type Provider = (typeof federatedNonces.$inferSelect)['provider'];

export async function insertNonce(
  db: Executor,
  values: { nonceHash: string; provider: Provider; expiresAt: Date },
): Promise<void> {
  await db.insert(federatedNonces).values(values);
}

/** Uses up a live nonce issued for the provider; false when it is unknown, used or expired. */
export async function consumeNonce(db: Executor, nonceHash: string, provider: Provider, now: Date): Promise<boolean> {
  const [row] = await db
    .update(federatedNonces)
    .set({ consumedAt: now })
    .where(
      and(
        eq(federatedNonces.nonceHash, nonceHash),
        eq(federatedNonces.provider, provider),
        isNull(federatedNonces.consumedAt),
        gt(federatedNonces.expiresAt, now),
      ),
    )
    .returning({ nonceHash: federatedNonces.nonceHash });
  return row !== undefined;
}

/** Deletes up to `batchSize` nonces that can no longer be used; how many went. */
export async function deleteSpentNonceBatch(db: Executor, now: Date, batchSize: number): Promise<number> {
  const spent = db
    .select({ nonceHash: federatedNonces.nonceHash })
    .from(federatedNonces)
    .where(or(lte(federatedNonces.expiresAt, now), isNotNull(federatedNonces.consumedAt)))
    .limit(batchSize);
  const deleted = await db
    .delete(federatedNonces)
    .where(inArray(federatedNonces.nonceHash, spent))
    .returning({ nonceHash: federatedNonces.nonceHash });
  return deleted.length;
}

/** The account a provider's subject is linked to; undefined when not linked. */
export async function findLinkedUserId(db: Executor, provider: Provider, subject: string): Promise<string | undefined> {
  const [row] = await db
    .select({ userId: federatedIdentities.userId })
    .from(federatedIdentities)
    .where(and(eq(federatedIdentities.provider, provider), eq(federatedIdentities.subject, subject)));
  return row?.userId;
}

export async function linkProviderAccount(
  db: Executor,
  values: { provider: Provider; subject: string; userId: string },
): Promise<void> {
  await db.insert(federatedIdentities).values(values).onConflictDoNothing();
}

/** The providers linked to a user, for the data export. */
export async function listLinkedSignIns(db: Executor, userId: string) {
  return db
    .select({ provider: federatedIdentities.provider, createdAt: federatedIdentities.createdAt })
    .from(federatedIdentities)
    .where(eq(federatedIdentities.userId, userId));
}

export async function unlinkProviderAccounts(db: Executor, userId: string): Promise<void> {
  await db.delete(federatedIdentities).where(eq(federatedIdentities.userId, userId));
}
