import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  customType,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { STORY_CATEGORIES, type ShippingPolicy } from '@vw/domain';

export const storiesSchema = pgSchema('stories');

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const STORY_STATUSES = ['draft', 'published', 'archived'] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

/** One step of how the piece was made, in the order the maker tells it. */
export interface ProcessStep {
  title: string;
  body: string;
  mediaId: string | null;
}

const categoryList = sql.raw(STORY_CATEGORIES.map((c) => `'${c}'`).join(', '));

/**
 * A maker's story. Money is integer minor units in the offer policy's currency. `publishedAt` is
 * also the feed's sort key: set from the clock each time the story enters the feed.
 */
export const stories = storiesSchema.table(
  'stories',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    makerId: uuid('maker_id').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    category: text('category', { enum: STORY_CATEGORIES }).notNull().default('other'),
    heroMediaId: uuid('hero_media_id'),
    /** Ordered media ids (videos and images). */
    galleryMediaIds: uuid('gallery_media_ids')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    processSteps: jsonb('process_steps').$type<ProcessStep[]>().notNull().default([]),
    materials: text('materials')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    notes: text('notes').notNull().default(''),
    locationCity: text('location_city'),
    /** ISO 3166-1 alpha-2. */
    locationCountry: text('location_country'),
    locationLat: doublePrecision('location_lat'),
    locationLng: doublePrecision('location_lng'),
    /** Offer policy; all three are set together (a draft may have none yet). */
    minOfferMinor: bigint('min_offer_minor', { mode: 'number' }),
    currency: text('currency'),
    autoRejectBelowMin: boolean('auto_reject_below_min'),
    /** Hidden reserve: only the owner ever sees it. */
    reserveMinor: bigint('reserve_minor', { mode: 'number' }),
    buyNowMinor: bigint('buy_now_minor', { mode: 'number' }),
    /** Where the piece ships from and its options (prices in the offer policy's currency). */
    shipping: jsonb('shipping').$type<ShippingPolicy>(),
    status: text('status', { enum: STORY_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    /** Set when an admin took the story down; the maker cannot publish it again. */
    moderatedAt: timestamp('moderated_at', { withTimezone: true }),
    moderationReason: text('moderation_reason'),
    likeCount: integer('like_count').notNull().default(0),
    viewCount: integer('view_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The feed: published stories, newest first, read by keyset (publishedAt, id).
    index('stories_feed_idx')
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
    index('stories_feed_category_idx')
      .on(t.category, t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'published'`),
    index('stories_maker_idx').on(t.makerId, t.createdAt.desc(), t.id.desc()),
    check('stories_title_length', sql`char_length(${t.title}) between 1 and 200`),
    check('stories_category_known', sql`${t.category} in (${categoryList})`),
    check('stories_status_known', sql`${t.status} in ('draft', 'published', 'archived')`),
    check('stories_published_has_time', sql`${t.status} <> 'published' or ${t.publishedAt} is not null`),
    check(
      'stories_offer_policy_whole',
      sql`(${t.minOfferMinor} is null) = (${t.currency} is null) and (${t.currency} is null) = (${t.autoRejectBelowMin} is null)`,
    ),
    check(
      'stories_money_positive',
      sql`coalesce(${t.minOfferMinor}, 1) > 0 and coalesce(${t.reserveMinor}, 1) > 0 and coalesce(${t.buyNowMinor}, 1) > 0`,
    ),
    check('stories_counters_positive', sql`${t.likeCount} >= 0 and ${t.viewCount} >= 0`),
  ],
);

export const likes = storiesSchema.table(
  'likes',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.userId] }), index('likes_user_idx').on(t.userId)],
);

/**
 * One row per viewer per story per UTC day: the row's existence is the de-duplication.
 * `viewerKey` is `u:<userId>` for a signed-in viewer, `a:<keyed hash of the client id>` otherwise.
 */
export const dailyViews = storiesSchema.table(
  'daily_views',
  {
    storyId: uuid('story_id')
      .notNull()
      .references(() => stories.id, { onDelete: 'cascade' }),
    viewerKey: text('viewer_key').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storyId, t.viewerKey, t.day] }), index('daily_views_viewer_idx').on(t.viewerKey)],
);

export const REPORT_TARGETS = ['story', 'user'] as const;
export type ReportTarget = (typeof REPORT_TARGETS)[number];
export const REPORT_STATUSES = ['open', 'actioned', 'dismissed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Moderation reports. `reporterId` is null once the reporter deleted their account. */
export const reports = storiesSchema.table(
  'reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reporterId: uuid('reporter_id'),
    targetType: text('target_type', { enum: REPORT_TARGETS }).notNull(),
    targetId: uuid('target_id').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: REPORT_STATUSES }).notNull().default('open'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
    resolutionNote: text('resolution_note'),
  },
  (t) => [
    // One open report per reporter per target: a repeat answers with the open one.
    uniqueIndex('reports_open_once_key')
      .on(t.reporterId, t.targetType, t.targetId)
      .where(sql`${t.status} = 'open'`),
    index('reports_queue_idx').on(t.status, t.createdAt.desc(), t.id.desc()),
    index('reports_target_idx').on(t.targetType, t.targetId),
    check('reports_target_known', sql`${t.targetType} in ('story', 'user')`),
    check('reports_status_known', sql`${t.status} in ('open', 'actioned', 'dismissed')`),
  ],
);

/**
 * The search document of every story: the weighted full-text vector (title A, maker's display name
 * B, category C, description, sections and materials D; unaccented, English stems) and the facts
 * search filters and sorts on. Kept current in the transaction of every write that changes what it
 * holds (see the stories migration's triggers and `auctionChanged`); `visible` is what a signed-out
 * viewer may see: published, not taken down, the maker's account active.
 */
export const searchDocuments = storiesSchema.table(
  'search_documents',
  {
    storyId: uuid('story_id')
      .primaryKey()
      .references(() => stories.id, { onDelete: 'cascade' }),
    makerId: uuid('maker_id').notNull(),
    visible: boolean('visible').notNull(),
    category: text('category').notNull(),
    makerCountry: text('maker_country'),
    document: tsvector('document').notNull(),
    buyNowMinor: bigint('buy_now_minor', { mode: 'number' }),
    minOfferMinor: bigint('min_offer_minor', { mode: 'number' }),
    auctionLive: boolean('auction_live').notNull().default(false),
    auctionEndsAt: timestamp('auction_ends_at', { withTimezone: true, precision: 3 }),
    highBidMinor: bigint('high_bid_minor', { mode: 'number' }),
    /** What the piece costs now: the live auction's high bid, else buy now, else the minimum offer. */
    priceMinor: bigint('price_minor', { mode: 'number' })
      .notNull()
      .generatedAlwaysAs(
        sql`coalesce(case when auction_live then high_bid_minor end, buy_now_minor, min_offer_minor, 0)`,
      ),
    publishedAt: timestamp('published_at', { withTimezone: true, precision: 3 }),
    /** Ending soon: live auctions first (0) by their end, then the rest (1) newest first. */
    endingGroup: integer('ending_group')
      .notNull()
      .generatedAlwaysAs(sql`case when auction_live then 0 else 1 end`),
    endingKey: doublePrecision('ending_key')
      .notNull()
      .generatedAlwaysAs(
        sql`case when auction_live then extract(epoch from (auction_ends_at at time zone 'UTC')) else -coalesce(extract(epoch from (published_at at time zone 'UTC')), 0) end`,
      ),
  },
  (t) => [
    index('search_documents_text_idx')
      .using('gin', t.document)
      .where(sql`${t.visible}`),
    index('search_documents_newest_idx')
      .on(t.publishedAt.desc(), t.storyId.desc())
      .where(sql`${t.visible}`),
    index('search_documents_price_idx')
      .on(t.priceMinor, t.storyId)
      .where(sql`${t.visible}`),
    index('search_documents_ending_idx')
      .on(t.endingGroup, t.endingKey, t.storyId)
      .where(sql`${t.visible}`),
    index('search_documents_category_idx')
      .on(t.category)
      .where(sql`${t.visible}`),
    index('search_documents_maker_idx').on(t.makerId),
  ],
);

/**
 * Every unaccented lower-case word of five letters or more that a search document ever held: the
 * vocabulary a misspelt query word is matched against by trigram similarity. Words are only added
 * (a word no story holds any more widens a query to nothing).
 */
export const searchWords = storiesSchema.table('search_words', { word: text('word').primaryKey() }, (t) => [
  index('search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops')),
]);

/**
 * Makers as search finds them: display name and city, unaccented, matched by trigram similarity.
 * Kept current by the stories migration's triggers on identity's maker profiles and accounts.
 */
export const searchMakers = storiesSchema.table(
  'search_makers',
  {
    makerId: uuid('maker_id').primaryKey(),
    displayName: text('display_name').notNull(),
    city: text('city'),
    country: text('country'),
    visible: boolean('visible').notNull(),
    /** Unaccented lower-case display name and city. */
    nameKey: text('name_key').notNull(),
  },
  (t) => [
    index('search_makers_trgm_idx')
      .using('gin', t.nameKey.op('gin_trgm_ops'))
      .where(sql`${t.visible}`),
  ],
);
