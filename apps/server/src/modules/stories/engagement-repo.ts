import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { dailyViews, likes, stories } from './tables';

/**
 * Adds the like if absent and bumps the counter only when a row was really inserted, in one
 * transaction: the counter stays exact however many requests race (the story row lock orders them).
 */
export async function addLike(tx: Executor, storyId: string, userId: string, at: Date): Promise<number | null> {
  const inserted = await tx
    .insert(likes)
    .values({ storyId, userId, createdAt: at })
    .onConflictDoNothing()
    .returning({ storyId: likes.storyId });
  if (inserted.length === 0) return null;
  const [row] = await tx
    .update(stories)
    .set({ likeCount: sql`${stories.likeCount} + 1` })
    .where(eq(stories.id, storyId))
    .returning({ likeCount: stories.likeCount });
  return row!.likeCount;
}

/** Removes the like if present; the counter drops only when a row was really deleted. */
export async function removeLike(tx: Executor, storyId: string, userId: string): Promise<number | null> {
  const deleted = await tx
    .delete(likes)
    .where(and(eq(likes.storyId, storyId), eq(likes.userId, userId)))
    .returning({ storyId: likes.storyId });
  if (deleted.length === 0) return null;
  const [row] = await tx
    .update(stories)
    .set({ likeCount: sql`greatest(${stories.likeCount} - 1, 0)` })
    .where(eq(stories.id, storyId))
    .returning({ likeCount: stories.likeCount });
  return row!.likeCount;
}

export async function hasLiked(db: Executor, storyId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ storyId: likes.storyId })
    .from(likes)
    .where(and(eq(likes.storyId, storyId), eq(likes.userId, userId)));
  return row !== undefined;
}

/** Records a view unless this viewer already viewed the story that day; returns the new count, or null. */
export async function addDailyView(
  tx: Executor,
  storyId: string,
  viewerKey: string,
  day: string,
): Promise<number | null> {
  const inserted = await tx
    .insert(dailyViews)
    .values({ storyId, viewerKey, day })
    .onConflictDoNothing()
    .returning({ storyId: dailyViews.storyId });
  if (inserted.length === 0) return null;
  const [row] = await tx
    .update(stories)
    .set({ viewCount: sql`${stories.viewCount} + 1` })
    .where(eq(stories.id, storyId))
    .returning({ viewCount: stories.viewCount });
  return row!.viewCount;
}

export async function likesOfUser(db: Executor, userId: string): Promise<{ storyId: string; createdAt: Date }[]> {
  return db.select({ storyId: likes.storyId, createdAt: likes.createdAt }).from(likes).where(eq(likes.userId, userId));
}

export async function viewsOfViewer(db: Executor, viewerKey: string): Promise<{ storyId: string; day: string }[]> {
  return db
    .select({ storyId: dailyViews.storyId, day: dailyViews.day })
    .from(dailyViews)
    .where(eq(dailyViews.viewerKey, viewerKey));
}

/** Deletes a user's likes, taking each one off its story's counter. */
export async function eraseLikesOfUser(tx: Executor, userId: string): Promise<void> {
  const removed = await tx.delete(likes).where(eq(likes.userId, userId)).returning({ storyId: likes.storyId });
  if (removed.length === 0) return;
  await tx
    .update(stories)
    .set({ likeCount: sql`greatest(${stories.likeCount} - 1, 0)` })
    .where(
      inArray(
        stories.id,
        removed.map((r) => r.storyId),
      ),
    );
}

/** Forgets who viewed what (the counts stay: they are not personal). */
export async function eraseViewsOfViewer(tx: Executor, viewerKey: string): Promise<void> {
  await tx.delete(dailyViews).where(eq(dailyViews.viewerKey, viewerKey));
}
