import { money } from '../../platform/db/columns';
import { bigserial, date, index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const analyticsSchema = pgSchema('analytics');

/** What clients report about what a viewer saw and did. */
export const CLIENT_EVENT_TYPES = [
  'feed_impression',
  'play',
  'watch_through',
  'story_view',
  'like',
  'playback_error',
] as const;
/** Why a video could not play (`playback_error`): a code, never the error text a browser wrote. */
export const PLAYBACK_ERROR_CAUSES = [
  'token_refused',
  'not_found',
  'network',
  'media',
  'unsupported',
  'other',
] as const;
/** What the server records inside the transaction of the change itself. */
export const SERVER_EVENT_TYPES = ['offer', 'bid', 'payment'] as const;
export const EVENT_TYPES = [...CLIENT_EVENT_TYPES, ...SERVER_EVENT_TYPES] as const;

export type ClientEventType = (typeof CLIENT_EVENT_TYPES)[number];
export type ServerEventType = (typeof SERVER_EVENT_TYPES)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type PlaybackErrorCause = (typeof PLAYBACK_ERROR_CAUSES)[number];

/** Millisecond precision: the export's keyset cursor round-trips through JS dates without loss. */
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });

/**
 * The raw event log, append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Only ids — never
 * an address, IP or name. Every read is bounded by `occurred_at`, which leads the primary key, so
 * the table can later be range-partitioned by it without changing a query.
 */
export const events = analyticsSchema.table(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).notNull(),
    type: text('type', { enum: EVENT_TYPES }).notNull(),
    source: text('source', { enum: ['client', 'server'] }).notNull(),
    /** Server time of receipt (client events) or of the change (server events): what days are cut by. */
    occurredAt: at('occurred_at').notNull(),
    /** What the client said the time was; kept for analysis, never trusted for day cuts. */
    clientTime: at('client_time'),
    userId: uuid('user_id'),
    /** The client-generated id of an anonymous viewer (never stored for a signed-in one). */
    anonymousId: uuid('anonymous_id'),
    storyId: uuid('story_id'),
    /** The story's maker, resolved when the event is recorded, so rollups need no other module. */
    makerId: uuid('maker_id'),
    mediaId: uuid('media_id'),
    auctionId: uuid('auction_id'),
    positionMs: integer('position_ms'),
    durationMs: integer('duration_ms'),
    feedPosition: integer('feed_position'),
    /** Why playback failed (`playback_error` only). */
    cause: text('cause', { enum: PLAYBACK_ERROR_CAUSES }),
    amountMinor: money('amount_minor'),
    currency: text('currency'),
  },
  (t) => [
    primaryKey({ name: 'events_pkey', columns: [t.occurredAt, t.id] }),
    index('events_story_idx').on(t.storyId, t.occurredAt),
    index('events_maker_idx').on(t.makerId, t.occurredAt),
  ],
);

/** The figures both rollups carry, per UTC day. */
const figures = {
  feedImpressions: integer('feed_impressions').notNull(),
  views: integer('views').notNull(),
  uniqueViewers: integer('unique_viewers').notNull(),
  plays: integer('plays').notNull(),
  watchThroughs: integer('watch_throughs').notNull(),
  likes: integer('likes').notNull(),
  offers: integer('offers').notNull(),
  bids: integer('bids').notNull(),
  payments: integer('payments').notNull(),
};

/** Daily figures per story (rebuilt whole for a day by each rollup run). */
export const dailyStoryStats = analyticsSchema.table(
  'daily_story_stats',
  {
    day: date('day', { mode: 'string' }).notNull(),
    storyId: uuid('story_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.day, t.storyId] }), index('daily_story_stats_story_idx').on(t.storyId, t.day)],
);

/** Daily figures per maker, over all their stories (unique viewers counted across them). */
export const dailyMakerStats = analyticsSchema.table(
  'daily_maker_stats',
  {
    day: date('day', { mode: 'string' }).notNull(),
    makerId: uuid('maker_id').notNull(),
    ...figures,
  },
  (t) => [primaryKey({ columns: [t.day, t.makerId] }), index('daily_maker_stats_maker_idx').on(t.makerId, t.day)],
);

/** Daily revenue per story and currency (money never mixes currencies). */
export const dailyStoryRevenue = analyticsSchema.table(
  'daily_story_revenue',
  {
    day: date('day', { mode: 'string' }).notNull(),
    storyId: uuid('story_id').notNull(),
    makerId: uuid('maker_id').notNull(),
    currency: text('currency').notNull(),
    amountMinor: money('amount_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.storyId, t.currency] }),
    index('daily_story_revenue_story_idx').on(t.storyId, t.day),
  ],
);

/** Daily revenue per maker and currency. */
export const dailyMakerRevenue = analyticsSchema.table(
  'daily_maker_revenue',
  {
    day: date('day', { mode: 'string' }).notNull(),
    makerId: uuid('maker_id').notNull(),
    currency: text('currency').notNull(),
    amountMinor: money('amount_minor').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.day, t.makerId, t.currency] }),
    index('daily_maker_revenue_maker_idx').on(t.makerId, t.day),
  ],
);

/** When each day was last rolled up: a day rolled up after it ended (plus a grace) is settled. */
export const rollups = analyticsSchema.table('rollups', {
  day: date('day', { mode: 'string' }).primaryKey(),
  rolledUpAt: at('rolled_up_at').notNull(),
});

export type EventRow = typeof events.$inferSelect;
export type NewEventRow = typeof events.$inferInsert;
