import { and, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { preparedStatement, type Database, type Executor } from '../../platform/db/client';
import type { StoryCategory } from '@vw/domain';
import type { KeysetPosition } from '../../platform/keyset-cursor';
import { likes, stories, type StoryStatus } from './tables';

export type StoryRow = typeof stories.$inferSelect;
export type NewStoryRow = typeof stories.$inferInsert;

/** The columns a feed item needs (the wide text and JSON columns stay on disk). */
const cardColumns = {
  id: stories.id,
  makerId: stories.makerId,
  title: stories.title,
  category: stories.category,
  status: stories.status,
  heroMediaId: stories.heroMediaId,
  minOfferMinor: stories.minOfferMinor,
  currency: stories.currency,
  autoRejectBelowMin: stories.autoRejectBelowMin,
  buyNowMinor: stories.buyNowMinor,
  likeCount: stories.likeCount,
  viewCount: stories.viewCount,
  publishedAt: stories.publishedAt,
  createdAt: stories.createdAt,
};
export type StoryCardRow = Pick<StoryRow, keyof typeof cardColumns>;

export async function insertStory(db: Executor, values: NewStoryRow): Promise<StoryRow> {
  const [row] = await db.insert(stories).values(values).returning();
  return row!;
}

export async function findStory(db: Executor, id: string): Promise<StoryRow | undefined> {
  const [row] = await db.select().from(stories).where(eq(stories.id, id));
  return row;
}

/**
 * Reads the story and locks its row until the transaction ends: terms changes and auction starts
 * both take this lock, so neither decides on a state the other is about to change.
 */
export async function lockStory(
  tx: Executor,
  id: string,
  mode: 'update' | 'key share' = 'update',
): Promise<StoryRow | undefined> {
  const [row] = await tx.select().from(stories).where(eq(stories.id, id)).for(mode);
  return row;
}

export async function updateStory(tx: Executor, id: string, set: Partial<NewStoryRow>): Promise<StoryRow> {
  const [row] = await tx.update(stories).set(set).where(eq(stories.id, id)).returning();
  return row!;
}

export async function deleteStoryRow(tx: Executor, id: string): Promise<void> {
  await tx.delete(stories).where(eq(stories.id, id));
}

export async function findStoriesByIds(db: Executor, ids: string[]): Promise<StoryRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(stories).where(inArray(stories.id, ids));
}

/** Keyset condition for a newest-first read on (time, id). */
function before(
  column: SQL | typeof stories.publishedAt | typeof stories.createdAt,
  after: KeysetPosition | null,
): SQL | undefined {
  if (!after) return undefined;
  return sql`(${column}, ${stories.id}) < (${after.at.toISOString()}::timestamptz, ${after.id}::uuid)`;
}

/**
 * The feed query: published stories, newest first, keyset on (publishedAt, id). The ORDER BY
 * matches `stories_feed_idx` / `stories_feed_category_idx` (DESC NULLS LAST) exactly, so the
 * planner walks the index and stops after `limit` rows.
 */
export function feedQuery(
  db: Database,
  input: { limit: number; after: KeysetPosition | null; category: StoryCategory | null; makerIds?: string[] | null },
) {
  return db
    .select(cardColumns)
    .from(stories)
    .where(
      and(
        eq(stories.status, 'published'),
        input.category ? eq(stories.category, input.category) : undefined,
        input.makerIds ? inArray(stories.makerId, input.makerIds) : undefined,
        before(stories.publishedAt, input.after),
      ),
    )
    .orderBy(sql`${stories.publishedAt} desc nulls last`, sql`${stories.id} desc nulls last`)
    .limit(input.limit);
}

/** A maker's stories, newest created first, keyset on (createdAt, id) over `stories_maker_idx`. */
export async function makerStoryCards(
  db: Executor,
  input: {
    makerId: string;
    statuses: StoryStatus[];
    limit: number;
    after: KeysetPosition | null;
    /** Only these stories (`only`) or all but these (`except`). */
    ids?: { only: string[] } | { except: string[] };
  },
): Promise<StoryCardRow[]> {
  return db
    .select(cardColumns)
    .from(stories)
    .where(
      and(
        eq(stories.makerId, input.makerId),
        inArray(stories.status, input.statuses),
        input.ids && 'only' in input.ids ? inArray(stories.id, input.ids.only) : undefined,
        input.ids && 'except' in input.ids && input.ids.except.length > 0
          ? notInArray(stories.id, input.ids.except)
          : undefined,
        before(stories.createdAt, input.after),
      ),
    )
    .orderBy(sql`${stories.createdAt} desc nulls last`, sql`${stories.id} desc nulls last`)
    .limit(input.limit);
}

/** Which of these stories the user has liked. */
export async function likedAmong(db: Executor, userId: string, storyIds: string[]): Promise<Set<string>> {
  if (storyIds.length === 0) return new Set();
  const rows = await db
    .select({ storyId: likes.storyId })
    .from(likes)
    .where(and(eq(likes.userId, userId), inArray(likes.storyId, storyIds)));
  return new Set(rows.map((r) => r.storyId));
}

export function viewerStandingQuery(db: Database) {
  return db
    .select({ id: stories.id, likeCount: stories.likeCount, liked: sql<boolean>`${likes.userId} is not null` })
    .from(stories)
    .leftJoin(likes, and(eq(likes.storyId, stories.id), eq(likes.userId, sql.placeholder('userId'))))
    .where(sql`${stories.id} = any(${sql.placeholder('storyIds')}::uuid[])`);
}

/**
 * The viewer's standing statement, built once and prepared by name (it runs on every signed-in
 * feed read): neither built again per request nor planned again per connection.
 */
function prepareViewerStanding(db: Database) {
  return viewerStandingQuery(db).prepare('stories_viewer_standing');
}

/**
 * The viewer's standing on these stories in one statement: whether they liked each, and its like
 * count as it is now (so a count never leaves out the viewer's own like). Index look-ups only.
 */
export async function viewerStandingAmong(
  db: Database,
  userId: string,
  storyIds: string[],
): Promise<Map<string, { liked: boolean; likeCount: number }>> {
  if (storyIds.length === 0) return new Map();
  const rows = await preparedStatement(db, 'stories_viewer_standing', prepareViewerStanding).execute({
    userId,
    storyIds,
  });
  return new Map(rows.map((r) => [r.id, { liked: r.liked, likeCount: r.likeCount }]));
}

export async function storiesOfMaker(db: Executor, makerId: string): Promise<StoryRow[]> {
  return db.select().from(stories).where(eq(stories.makerId, makerId));
}

/** The media references of a maker's other stories. */
export async function mediaRefsOfOtherStories(
  db: Executor,
  makerId: string,
  exceptStoryId: string,
): Promise<Pick<StoryRow, 'heroMediaId' | 'galleryMediaIds' | 'processSteps'>[]> {
  return db
    .select({
      heroMediaId: stories.heroMediaId,
      galleryMediaIds: stories.galleryMediaIds,
      processSteps: stories.processSteps,
    })
    .from(stories)
    .where(and(eq(stories.makerId, makerId), ne(stories.id, exceptStoryId)));
}

/** A deleted maker's stories leave the feed; the place they were made (personal data) is cleared. */
export async function archiveStoriesOfDeletedMaker(tx: Executor, makerId: string, now: Date): Promise<void> {
  await tx
    .update(stories)
    .set({
      status: 'archived',
      locationCity: null,
      locationCountry: null,
      locationLat: null,
      locationLng: null,
      updatedAt: now,
    })
    .where(eq(stories.makerId, makerId));
}

export async function anyStoryExists(db: Executor): Promise<boolean> {
  const [row] = await db.select({ id: stories.id }).from(stories).limit(1);
  return row !== undefined;
}

/** Feed-item rows of these stories (any status; the caller keeps the order it needs). */
export async function storyCardsByIds(db: Executor, ids: string[]): Promise<StoryCardRow[]> {
  if (ids.length === 0) return [];
  return db.select(cardColumns).from(stories).where(inArray(stories.id, ids));
}
