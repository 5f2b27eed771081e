import { index, pgSchema, primaryKey, uuid } from 'drizzle-orm/pg-core';
import { at } from '../../platform/db/columns';

export const watchlistSchema = pgSchema('watchlist');

/**
 * A viewer watching a story: one row per viewer and story (watching twice is one watch).
 * `watchedAt` is both the list's sort key and the moment from which reminders reach the watcher.
 */
export const watches = watchlistSchema.table(
  'watches',
  {
    userId: uuid('user_id').notNull(),
    storyId: uuid('story_id').notNull(),
    watchedAt: at('watched_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.storyId] }),
    index('watches_user_idx').on(t.userId, t.watchedAt, t.storyId),
    index('watches_story_idx').on(t.storyId, t.watchedAt),
  ],
);

export type WatchRow = typeof watches.$inferSelect;
