/** SQL of the one-time sign-in codes and of the pending TOTP steps of sign-ins. */
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { mfaChallenges, otpCodes } from './tables';

export type OtpCodeRow = typeof otpCodes.$inferSelect;
export type MfaChallengeRow = typeof mfaChallenges.$inferSelect;

/** Serialises the transaction with every other one taking the same key (until it ends). */
export async function lockKey(db: Executor, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/** When the codes for a destination (or from a client address) were sent since `since`, oldest first. */
export async function codesSentSince(
  db: Executor,
  by: { destinationLookup: string } | { ipLookup: string },
  since: Date,
): Promise<Date[]> {
  const key =
    'destinationLookup' in by
      ? eq(otpCodes.destinationLookup, by.destinationLookup)
      : eq(otpCodes.ipLookup, by.ipLookup);
  const rows = await db
    .select({ createdAt: otpCodes.createdAt })
    .from(otpCodes)
    .where(and(key, gt(otpCodes.createdAt, since)))
    .orderBy(asc(otpCodes.createdAt));
  return rows.map((r) => r.createdAt);
}

/** Marks every unused code of the destination used (a new code supersedes them). */
export async function supersedeCodes(db: Executor, destinationLookup: string, now: Date): Promise<void> {
  await db
    .update(otpCodes)
    .set({ consumedAt: now })
    .where(and(eq(otpCodes.destinationLookup, destinationLookup), isNull(otpCodes.consumedAt)));
}

export async function insertCode(db: Executor, values: typeof otpCodes.$inferInsert): Promise<void> {
  await db.insert(otpCodes).values(values);
}

/** Wrong tries against the destination's codes sent since `since`, and when the oldest of them was sent. */
export async function failedTriesSince(
  db: Executor,
  destinationLookup: string,
  since: Date,
): Promise<{ n: number; oldest: Date | null }> {
  const [row] = await db
    .select({
      n: sql<number>`coalesce(sum(${otpCodes.attempts}), 0)::int`,
      oldest: sql<Date | null>`min(${otpCodes.createdAt})`,
    })
    .from(otpCodes)
    .where(and(eq(otpCodes.destinationLookup, destinationLookup), gt(otpCodes.createdAt, since)));
  return { n: row?.n ?? 0, oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** The newest unused, unexpired code of the destination, locked; undefined when there is none. */
export async function lockLiveCode(
  db: Executor,
  destinationLookup: string,
  now: Date,
): Promise<OtpCodeRow | undefined> {
  const [row] = await db
    .select()
    .from(otpCodes)
    .where(
      and(eq(otpCodes.destinationLookup, destinationLookup), isNull(otpCodes.consumedAt), gt(otpCodes.expiresAt, now)),
    )
    .orderBy(desc(otpCodes.createdAt))
    .limit(1)
    .for('update');
  return row;
}

export async function setCodeAttempts(db: Executor, codeId: string, attempts: number): Promise<void> {
  await db.update(otpCodes).set({ attempts }).where(eq(otpCodes.id, codeId));
}

export async function consumeCode(db: Executor, codeId: string, now: Date): Promise<void> {
  await db.update(otpCodes).set({ consumedAt: now }).where(eq(otpCodes.id, codeId));
}

export async function insertMfaChallenge(db: Executor, values: typeof mfaChallenges.$inferInsert): Promise<void> {
  await db.insert(mfaChallenges).values(values);
}

/** The unused, unexpired challenge of a token hash, locked; undefined when there is none. */
export async function lockLiveMfaChallenge(
  db: Executor,
  tokenHash: string,
  now: Date,
): Promise<MfaChallengeRow | undefined> {
  const [row] = await db
    .select()
    .from(mfaChallenges)
    .where(
      and(eq(mfaChallenges.tokenHash, tokenHash), isNull(mfaChallenges.consumedAt), gt(mfaChallenges.expiresAt, now)),
    )
    .for('update');
  return row;
}

export async function setMfaChallengeAttempts(db: Executor, challengeId: string, attempts: number): Promise<void> {
  await db.update(mfaChallenges).set({ attempts }).where(eq(mfaChallenges.id, challengeId));
}

export async function consumeMfaChallenge(db: Executor, challengeId: string, now: Date): Promise<void> {
  await db.update(mfaChallenges).set({ consumedAt: now }).where(eq(mfaChallenges.id, challengeId));
}

export async function deleteMfaChallengesOfUser(db: Executor, userId: string): Promise<void> {
  await db.delete(mfaChallenges).where(eq(mfaChallenges.userId, userId));
}
