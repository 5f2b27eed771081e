import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { CLIENT_EVENT_TYPES, EVENT_TYPES, PLAYBACK_ERROR_CAUSES } from './tables';

export const MAX_EVENTS_PER_BATCH = 100;

/**
 * One event from a client. Strict: a field not listed here (an email, an IP, a name, anything) is
 * refused with a 400, so no personal data can slip into the event log; every value is an id, a
 * number or a time.
 */
export const clientEvent = z
  .strictObject({
    type: z.enum(CLIENT_EVENT_TYPES),
    storyId: idSchema.optional(),
    mediaId: idSchema.optional(),
    /** Playback position (play, watch-through). */
    positionMs: z.int().min(0).max(86_400_000).optional(),
    /** How long the item was watched or on screen. */
    durationMs: z.int().min(0).max(86_400_000).optional(),
    /** Index of the item in the feed (feed impressions). */
    feedPosition: z.int().min(0).max(100_000).optional(),
    /** Why the video could not play (playback_error, and only there). */
    cause: z.enum(PLAYBACK_ERROR_CAUSES).optional(),
    clientTime: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((e) => e.storyId !== undefined || e.mediaId !== undefined, {
    message: 'An event names a storyId or a mediaId',
  })
  .refine((e) => (e.type === 'playback_error') === (e.cause !== undefined), {
    message: 'A playback_error names its cause; other events have none',
    path: ['cause'],
  })
  .meta({ id: 'ClientAnalyticsEvent' });
export type ClientEvent = z.infer<typeof clientEvent>;

/** Anonymous clients identify themselves with a random id they generated (never an account's). */
const clientId = idSchema.describe("the anonymous client's random id");

export const eventBatch = z.strictObject({
  events: z.array(clientEvent).min(1).max(MAX_EVENTS_PER_BATCH),
  /** For senders that cannot set headers (`navigator.sendBeacon` on page hide); the header wins. */
  clientId: clientId.optional(),
});

export const clientIdHeaders = z.object({ 'x-client-id': clientId.optional() });

export const batchAccepted = z
  .object({
    accepted: z.int().describe('events stored'),
    dropped: z.int().describe('events naming a story that does not exist (not stored)'),
  })
  .meta({ id: 'AnalyticsBatchAccepted' });

const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const exportQuery = z.object({
  from: instant.describe('inclusive; an ISO 8601 time, or a date meaning its UTC midnight'),
  to: instant.describe('exclusive; an ISO 8601 time, or a date meaning its UTC midnight'),
});

/** One exported event (one NDJSON line). */
export const exportedEvent = z
  .object({
    id: z.int(),
    type: z.enum(EVENT_TYPES),
    source: z.enum(['client', 'server']),
    occurredAt: z.string(),
    clientTime: z.string().nullable(),
    userId: z.string().nullable(),
    anonymousId: z.string().nullable(),
    storyId: z.string().nullable(),
    makerId: z.string().nullable(),
    mediaId: z.string().nullable(),
    auctionId: z.string().nullable(),
    positionMs: z.int().nullable(),
    durationMs: z.int().nullable(),
    feedPosition: z.int().nullable(),
    cause: z.enum(PLAYBACK_ERROR_CAUSES).nullable(),
    amountMinor: z.int().nullable(),
    currency: z.string().nullable(),
  })
  .meta({ id: 'ExportedAnalyticsEvent' });
export type ExportedEvent = z.infer<typeof exportedEvent>;

export const dashboardQuery = z.object({
  days: queryInt({ min: 1, max: 365 }).default(30).describe('length of the funnel and revenue period'),
});

export const dashboard = z
  .object({
    activeListings: z.array(
      z.object({
        storyId: z.string(),
        title: z.string(),
        publishedAt: z.string().nullable(),
        auction: z
          .object({
            state: z.string(),
            highBidMinor: z.int().nullable(),
            currency: z.string(),
            endsAt: z.string(),
            reserveMet: z.boolean(),
            bidCount: z.int(),
          })
          .nullable(),
        views: z.int(),
        likes: z.int(),
      }),
    ),
    funnel: z.object({ views: z.int(), offers: z.int(), bids: z.int() }),
    revenueByDay: z.array(z.object({ day: z.string(), amountMinor: z.int(), currency: z.string() })),
    toShip: z.int(),
    overdue: z.int(),
    period: z.object({ from: z.string(), to: z.string() }),
    generatedAt: z.string(),
  })
  .meta({ id: 'MakerDashboard' });
export type Dashboard = z.infer<typeof dashboard>;
