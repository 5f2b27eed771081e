/** SQL of follows and follower counts (`social.follows`, `social.follower_counts`). */
import { and, asc, desc, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import type { KeysetPosition } from '../../platform/keyset-cursor';
import { followerCounts, follows } from './tables';

/**
 * Adds the follow if absent and moves the counter only when a row was really inserted, in the
 * same transaction, so the count stays exact however many requests race. Returns the new count,
 * or null when the follow existed already.
 */
export async function addFollow(tx: Executor, makerId: string, followerId: string, at: Date): Promise<number | null> {
  const inserted = await tx
    .insert(follows)
    .values({ makerId, followerId, createdAt: at })
    .onConflictDoNothing()
    .returning({ makerId: follows.makerId });
  if (inserted.length === 0) return null;
  const [row] = await tx
    .insert(followerCounts)
    .values({ makerId, followerCount: 1 })
    .onConflictDoUpdate({
      target: followerCounts.makerId,
      set: { followerCount: sql`${followerCounts.followerCount} + 1` },
    })
    .returning({ followerCount: followerCounts.followerCount });
  return row!.followerCount;
}

/** Removes the follow if present; the counter drops only when a row was really deleted. */
export async function removeFollow(tx: Executor, makerId: string, followerId: string): Promise<number | null> {
  const deleted = await tx
    .delete(follows)
    .where(and(eq(follows.makerId, makerId), eq(follows.followerId, followerId)))
    .returning({ makerId: follows.makerId });
  if (deleted.length === 0) return null;
  const [row] = await tx
    .update(followerCounts)
    .set({ followerCount: sql`greatest(${followerCounts.followerCount} - 1, 0)` })
    .where(eq(followerCounts.makerId, makerId))
    .returning({ followerCount: followerCounts.followerCount });
  return row?.followerCount ?? 0;
}

/** Follower counts of these makers (0 for a maker nobody follows). */
export async function followerCountsOf(db: Executor, makerIds: string[]): Promise<Map<string, number>> {
  const out = new Map(makerIds.map((id) => [id, 0]));
  if (makerIds.length === 0) return out;
  const rows = await db.select().from(followerCounts).where(inArray(followerCounts.makerId, makerIds));
  for (const row of rows) out.set(row.makerId, row.followerCount);
  return out;
}

export async function isFollowing(db: Executor, makerId: string, followerId: string): Promise<boolean> {
  const [row] = await db
    .select({ makerId: follows.makerId })
    .from(follows)
    .where(and(eq(follows.makerId, makerId), eq(follows.followerId, followerId)));
  return row !== undefined;
}

/** Ids of every maker the user follows. */
export async function followedMakerIds(db: Executor, followerId: string): Promise<string[]> {
  const rows = await db.select({ makerId: follows.makerId }).from(follows).where(eq(follows.followerId, followerId));
  return rows.map((r) => r.makerId);
}

/** The makers a user follows, most recently followed first, keyset on (createdAt, makerId) over `follows_follower_idx`. */
export async function followingPage(
  db: Executor,
  input: { followerId: string; limit: number; after: KeysetPosition | null },
): Promise<{ makerId: string; createdAt: Date }[]> {
  const after = input.after
    ? sql`(${follows.createdAt}, ${follows.makerId}) < (${input.after.at.toISOString()}::timestamptz, ${input.after.id}::uuid)`
    : undefined;
  return db
    .select({ makerId: follows.makerId, createdAt: follows.createdAt })
    .from(follows)
    .where(and(eq(follows.followerId, input.followerId), after))
    .orderBy(desc(follows.createdAt), desc(follows.makerId))
    .limit(input.limit);
}

/**
 * The follower id that closes the batch starting after `after` (the `size`-th follower id in
 * order), or null when fewer than `size` followers are left: that batch runs to the end. Served
 * from the primary key (maker, follower), reading ids only.
 */
export async function batchEnd(
  db: Executor,
  input: { makerId: string; after: string | null; size: number },
): Promise<string | null> {
  const [row] = await db
    .select({ followerId: follows.followerId })
    .from(follows)
    .where(and(eq(follows.makerId, input.makerId), input.after ? gt(follows.followerId, input.after) : undefined))
    .orderBy(asc(follows.followerId))
    .offset(input.size - 1)
    .limit(1);
  return row?.followerId ?? null;
}

/** The followers of a maker in the id range (after, through]; `through` null runs to the end. */
export async function followersInRange(
  db: Executor,
  input: { makerId: string; after: string | null; through: string | null },
): Promise<string[]> {
  const rows = await db
    .select({ followerId: follows.followerId })
    .from(follows)
    .where(
      and(
        eq(follows.makerId, input.makerId),
        input.after ? gt(follows.followerId, input.after) : undefined,
        input.through ? lte(follows.followerId, input.through) : undefined,
      ),
    )
    .orderBy(asc(follows.followerId));
  return rows.map((r) => r.followerId);
}

/**
 * A deleted account's follows go, and the counts of the makers it followed drop with them; as a
 * maker, its followers no longer follow it.
 */
export async function eraseFollowsOf(tx: Executor, userId: string): Promise<void> {
  await tx.delete(follows).where(eq(follows.makerId, userId));
  await tx.delete(followerCounts).where(eq(followerCounts.makerId, userId));
  const gone = await tx.delete(follows).where(eq(follows.followerId, userId)).returning({ makerId: follows.makerId });
  for (const { makerId } of gone) {
    await tx
      .update(followerCounts)
      .set({ followerCount: sql`greatest(${followerCounts.followerCount} - 1, 0)` })
      .where(eq(followerCounts.makerId, makerId));
  }
}

/** The makers a user follows, for their data export. */
export async function followsOf(db: Executor, userId: string): Promise<{ makerId: string; createdAt: Date }[]> {
  return db
    .select({ makerId: follows.makerId, createdAt: follows.createdAt })
    .from(follows)
    .where(eq(follows.followerId, userId));
}
