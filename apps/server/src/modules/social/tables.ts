import { at } from '../../platform/db/columns';
import { index, integer, pgSchema, primaryKey, uuid } from 'drizzle-orm/pg-core';

export const socialSchema = pgSchema('social');

/**
 * Who follows which maker. The primary key (maker, follower) makes following idempotent and
 * serves the new-story fan-out, which walks a maker's followers by follower id in batches.
 */
export const follows = socialSchema.table(
  'follows',
  {
    makerId: uuid('maker_id').notNull(),
    followerId: uuid('follower_id').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.makerId, t.followerId] }),
    // "The makers I follow", newest first, keyset on (createdAt, makerId).
    index('follows_follower_idx').on(t.followerId, t.createdAt.desc(), t.makerId.desc()),
  ],
);

/**
 * A maker's follower count, moved in the transaction that adds or removes a follow, so reading it
 * is one row however many followers there are.
 */
export const followerCounts = socialSchema.table('follower_counts', {
  makerId: uuid('maker_id').primaryKey(),
  followerCount: integer('follower_count').notNull().default(0),
});
