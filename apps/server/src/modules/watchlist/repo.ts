/** Every query of the watchlist module. */
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { watches, type WatchRow } from './tables';

/** Records the watch; a repeat keeps the first one (and its time). */
export async function addWatch(db: Executor, userId: string, storyId: string, at: Date): Promise<void> {
  await db.insert(watches).values({ userId, storyId, watchedAt: at }).onConflictDoNothing();
}

export async function removeWatch(db: Executor, userId: string, storyId: string): Promise<void> {
  await db.delete(watches).where(and(eq(watches.userId, userId), eq(watches.storyId, storyId)));
}

export async function isWatching(db: Executor, userId: string, storyId: string): Promise<boolean> {
  const [row] = await db
    .select({ storyId: watches.storyId })
    .from(watches)
    .where(and(eq(watches.userId, userId), eq(watches.storyId, storyId)));
  return row !== undefined;
}

/** Of `storyIds`, those the user watches. */
export async function watchedAmong(db: Executor, userId: string, storyIds: string[]): Promise<Set<string>> {
  if (storyIds.length === 0) return new Set();
  const rows = await db
    .select({ storyId: watches.storyId })
    .from(watches)
    .where(and(eq(watches.userId, userId), inArray(watches.storyId, storyIds)));
  return new Set(rows.map((r) => r.storyId));
}

/** A page of the user's watches, most recently watched first, keyset on (watchedAt, storyId). */
export async function watchesOf(
  db: Executor,
  input: { userId: string; limit: number; after: { at: string; id: string } | null },
): Promise<(WatchRow & { watchedAtText: string })[]> {
  return db
    .select({
      userId: watches.userId,
      storyId: watches.storyId,
      watchedAt: watches.watchedAt,
      watchedAtText: sql<string>`${watches.watchedAt}::text`,
    })
    .from(watches)
    .where(
      and(
        eq(watches.userId, input.userId),
        input.after
          ? sql`(${watches.watchedAt}, ${watches.storyId}) < (${input.after.at}::timestamptz, ${input.after.id}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(watches.watchedAt), desc(watches.storyId))
    .limit(input.limit);
}

/** The users watching a story since `since` or earlier (all of them when `since` is null). */
export async function watchersOf(db: Executor, storyId: string, since: Date | null = null): Promise<string[]> {
  const rows = await db
    .select({ userId: watches.userId })
    .from(watches)
    .where(and(eq(watches.storyId, storyId), since ? lte(watches.watchedAt, since) : undefined));
  return rows.map((r) => r.userId);
}

/** Every watch of a user (their data export). */
export async function allWatchesOf(db: Executor, userId: string): Promise<WatchRow[]> {
  return db.select().from(watches).where(eq(watches.userId, userId)).orderBy(desc(watches.watchedAt));
}

export async function eraseWatchesOf(db: Executor, userId: string): Promise<void> {
  await db.delete(watches).where(eq(watches.userId, userId));
}
