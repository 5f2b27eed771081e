import { sql } from 'drizzle-orm';
import { check, index, integer, pgSchema, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const reviewsSchema = pgSchema('reviews');

const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * A buyer's review of the maker of one delivered order: a rating of 1 to 5, optional text, and the
 * maker's one answer. One per order (the unique key decides between concurrent posts). A removed
 * review stays as the record of what was removed, out of every list and of the maker's rating.
 */
export const reviews = reviewsSchema.table(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orderId: uuid('order_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    buyerId: uuid('buyer_id').notNull(),
    storyId: uuid('story_id').notNull(),
    rating: smallint('rating').notNull(),
    /** Null when the buyer wrote none, or once they deleted their account. */
    text: text('text'),
    createdAt: at('created_at').notNull(),
    replyText: text('reply_text'),
    repliedAt: at('replied_at'),
    removedAt: at('removed_at'),
    removedBy: uuid('removed_by'),
    removedReason: text('removed_reason'),
    /** The buyer deleted their account: the text is gone, the rating stays. */
    textErasedAt: at('text_erased_at'),
    /** The maker deleted their account: the answer's text is gone. */
    replyErasedAt: at('reply_erased_at'),
  },
  (t) => [
    uniqueIndex('reviews_order_key').on(t.orderId),
    // The maker's page, newest first, read backwards by keyset (createdAt, id); removed reviews left out.
    index('reviews_maker_listed_idx')
      .on(t.makerId, t.createdAt, t.id)
      .where(sql`${t.removedAt} is null`),
    index('reviews_buyer_idx').on(t.buyerId),
    index('reviews_maker_idx').on(t.makerId),
    check('reviews_rating_range', sql`${t.rating} between 1 and 5`),
    check('reviews_text_length', sql`${t.text} is null or char_length(${t.text}) between 1 and 1000`),
    check('reviews_reply_length', sql`${t.replyText} is null or char_length(${t.replyText}) between 1 and 1000`),
  ],
);

/**
 * Each maker's rating, kept current by the writes that change it (a review posted, a review
 * removed) in their own transaction, so reading it is one primary-key look-up.
 */
export const makerRatings = reviewsSchema.table(
  'maker_ratings',
  {
    makerId: uuid('maker_id').primaryKey(),
    ratingSum: integer('rating_sum').notNull(),
    ratingCount: integer('rating_count').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [
    check('maker_ratings_count_positive', sql`${t.ratingCount} >= 0`),
    check('maker_ratings_sum_in_range', sql`${t.ratingSum} between ${t.ratingCount} and 5 * ${t.ratingCount}`),
  ],
);

export const REPORT_RESOLUTIONS = ['removed', 'dismissed'] as const;
export type ReportResolution = (typeof REPORT_RESOLUTIONS)[number];

/** A report of a review; open until an admin removes the review or dismisses its reports. */
export const reviewReports = reviewsSchema.table(
  'review_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    /** Null once the reporter deleted their account (the report stays for moderation). */
    reporterId: uuid('reporter_id'),
    reason: text('reason').notNull(),
    createdAt: at('created_at').notNull(),
    resolvedAt: at('resolved_at'),
    resolvedBy: uuid('resolved_by'),
    resolution: text('resolution', { enum: REPORT_RESOLUTIONS }),
  },
  (t) => [
    uniqueIndex('review_reports_reporter_key').on(t.reviewId, t.reporterId),
    // The admin's queue: open reports, newest first.
    index('review_reports_open_idx')
      .on(t.createdAt, t.id)
      .where(sql`${t.resolvedAt} is null`),
    index('review_reports_review_idx').on(t.reviewId),
    check(
      'review_reports_resolution_known',
      sql`${t.resolution} is null or ${t.resolution} in ('removed', 'dismissed')`,
    ),
  ],
);

export type ReviewRow = typeof reviews.$inferSelect;
export type ReviewReportRow = typeof reviewReports.$inferSelect;
