/** SQL of the TOTP recovery codes (keyed hashes only). */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { totpRecoveryCodes } from './tables';

/** Replaces every recovery code of the user (used or not) with a new set. */
export async function replaceRecoveryCodes(
  db: Executor,
  userId: string,
  codeHashes: string[],
  now: Date,
): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  if (codeHashes.length === 0) return;
  await db.insert(totpRecoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: now })));
}

/**
 * Marks the user's unused code of this hash used; true when there was one. One statement, so of
 * two requests spending the same code at once exactly one succeeds.
 */
export async function spendRecoveryCode(db: Executor, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(totpRecoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(totpRecoveryCodes.userId, userId),
        eq(totpRecoveryCodes.codeHash, codeHash),
        isNull(totpRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: totpRecoveryCodes.id });
  return rows.length === 1;
}

/** How many of the user's recovery codes are still unused. */
export async function countUnusedRecoveryCodes(db: Executor, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

export async function deleteRecoveryCodesOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
}
