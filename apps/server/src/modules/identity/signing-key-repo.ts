/** SQL of the access-token signing keys. */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { signingKeys } from './tables';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** One rotation at a time, across processes (until the transaction ends). */
export async function lockRotation(db: Executor): Promise<void> {
  await db.execute(sql.raw(`select pg_advisory_xact_lock(hashtext('identity.signing_keys'))`));
}

/** The keys not withdrawn. */
export async function findLiveKeys(db: Executor): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys).where(isNull(signingKeys.retiredAt));
}

/** Withdraws a key (unless already withdrawn). */
export async function retireKey(db: Executor, kid: string, now: Date): Promise<void> {
  await db
    .update(signingKeys)
    .set({ retiredAt: now })
    .where(and(eq(signingKeys.kid, kid), isNull(signingKeys.retiredAt)));
}

export async function insertKey(db: Executor, values: typeof signingKeys.$inferInsert): Promise<void> {
  await db.insert(signingKeys).values(values);
}
