import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { MAX_DISPATCH_DAYS, MAX_SHIPPING_OPTIONS, STORY_CATEGORIES, shippingPolicyProblem } from '@vw/domain';
import { isCountryCode, isCurrencyCode } from './codes';
import { SEARCH_MODES, SEARCH_SORTS } from './search-index';
import { REPORT_STATUSES, REPORT_TARGETS, STORY_STATUSES } from './tables';

// ---- input ----

const money = z.number().int().positive().max(1_000_000_000_000);
const mediaId = idSchema;

export const currencyInput = z.string().trim().toUpperCase().refine(isCurrencyCode, 'an ISO 4217 currency code');

export const offerPolicyInput = z.object({
  minOfferMinor: money,
  currency: currencyInput.default('USD'),
  autoRejectBelowMin: z.boolean().default(true),
});

export const locationInput = z
  .object({
    city: z.string().trim().min(1).max(100),
    country: z.string().trim().toUpperCase().refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code'),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), {
    message: 'give both lat and lng, or neither',
    path: ['lat'],
  });

export const processStepInput = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().max(5000).default(''),
  mediaId: mediaId.nullable().optional(),
});

const countryInput = z.string().trim().toUpperCase().refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code');

export const shippingInput = z
  .object({
    fromCountry: countryInput,
    options: z
      .array(
        z.object({
          region: z
            .string()
            .trim()
            .transform((r) => (r === 'domestic' || r === 'international' ? r : r.toUpperCase()))
            .describe('"domestic", "international" or an ISO 3166-1 alpha-2 country'),
          amountMinor: z.number().int().min(0).max(1_000_000_000),
          dispatchDays: z.number().int().min(1).max(MAX_DISPATCH_DAYS),
        }),
      )
      .min(1)
      .max(MAX_SHIPPING_OPTIONS),
  })
  .superRefine((policy, ctx) => {
    const problem = shippingPolicyProblem(policy);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['options'] });
  });

const title = z.string().trim().min(1).max(200);
const gallery = z
  .array(mediaId)
  .max(20)
  .refine((ids) => new Set(ids).size === ids.length, 'a media item appears once in the gallery');

/** Fields a maker writes; every one optional on edit, nullable ones can be cleared. */
export const storyFieldsInput = z.object({
  title: title.optional(),
  description: z.string().max(10_000).optional(),
  category: z.enum(STORY_CATEGORIES).optional(),
  heroMediaId: mediaId.nullable().optional(),
  gallery: gallery.optional(),
  processSteps: z.array(processStepInput).max(30).optional(),
  materials: z.array(z.string().trim().min(1).max(100)).max(50).optional(),
  notes: z.string().max(5000).optional(),
  location: locationInput.nullable().optional(),
  offerPolicy: offerPolicyInput.nullable().optional(),
  reserveMinor: money.nullable().optional(),
  buyNowMinor: money.nullable().optional(),
  shipping: shippingInput.nullable().optional(),
});
export type StoryFieldsInput = z.infer<typeof storyFieldsInput>;

export const createStoryBody = storyFieldsInput.extend({ title });
export type CreateStoryInput = z.infer<typeof createStoryBody>;

export const storyIdParam = z.object({ id: idSchema });

export const storyQuery = z.object({
  country: countryInput.optional().describe("the viewer's country: adds shippingQuote"),
});

export const feedQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
  category: z.enum(STORY_CATEGORIES).optional(),
  following: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only stories of the makers the caller follows (signed in only)'),
});

export const makerStoriesQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
  /** Only the maker themself may ask for anything but `published`. */
  status: z.enum([...STORY_STATUSES, 'all']).optional(),
  sold: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: only pieces that were sold (paid for); false: only those still for sale'),
});

export const viewBody = z.object({ clientId: z.string().min(8).max(128).optional() }).optional();

export const reportBody = z.object({
  targetType: z.enum(REPORT_TARGETS),
  targetId: idSchema,
  reason: z.string().trim().min(1).max(1000),
});

export const adminUnpublishBody = z.object({ reason: z.string().max(1000).optional() }).optional();

// ---- output ----

export const offerPolicy = z
  .object({ minOfferMinor: z.number().int(), currency: z.string(), autoRejectBelowMin: z.boolean() })
  .meta({ id: 'OfferPolicy' });

export const auctionSummary = z
  .object({
    auctionId: z.string(),
    state: z.string(),
    highBidMinor: z.number().int().nullable(),
    currency: z.string(),
    reserveMet: z.boolean(),
    endsAt: z.string(),
    minNextBidMinor: z.number().int().nullable(),
  })
  .meta({ id: 'AuctionSummary' });

export const shippingPolicy = z
  .object({
    fromCountry: z.string(),
    options: z.array(
      z.object({
        region: z.string().describe('"domestic", "international" or an ISO 3166-1 alpha-2 country'),
        amountMinor: z.number().int(),
        dispatchDays: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'ShippingPolicy' });

export const storyMaker = z
  .object({ id: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'StoryMaker' });

const mediaView = z.object({
  mediaId: z.string(),
  kind: z.enum(['video', 'image']).nullable(),
  playbackUrl: z.string().nullable(),
  posterUrl: z.string().nullable(),
});

/** A feed item (also the maker listing's item, which adds `status`). */
export const storyCard = z
  .object({
    id: z.string(),
    title: z.string(),
    category: z.enum(STORY_CATEGORIES),
    status: z.enum(STORY_STATUSES),
    maker: storyMaker,
    heroMediaId: z.string().nullable(),
    posterUrl: z.string().nullable(),
    playbackUrl: z.string().nullable(),
    auction: auctionSummary.nullable(),
    likeCount: z.number().int(),
    likedByMe: z.boolean(),
    viewCount: z.number().int(),
    offerPolicy: offerPolicy.nullable(),
    buyNowMinor: z.number().int().nullable(),
    publishedAt: z.string().nullable(),
  })
  .meta({ id: 'StoryCard' });
export type StoryCard = z.infer<typeof storyCard>;

export const storyPage = z.object({ items: z.array(storyCard), nextCursor: z.string().nullable() });

export const story = z
  .object({
    id: z.string(),
    makerId: z.string(),
    maker: storyMaker,
    title: z.string(),
    description: z.string(),
    category: z.enum(STORY_CATEGORIES),
    status: z.enum(STORY_STATUSES),
    heroMediaId: z.string().nullable(),
    hero: mediaView.nullable(),
    gallery: z.array(mediaView),
    processSteps: z.array(
      z.object({ title: z.string(), body: z.string(), mediaId: z.string().nullable(), media: mediaView.nullable() }),
    ),
    materials: z.array(z.string()),
    notes: z.string(),
    location: z
      .object({ city: z.string(), country: z.string(), lat: z.number().nullable(), lng: z.number().nullable() })
      .nullable(),
    offerPolicy: offerPolicy.nullable(),
    /** Present only in the owner's own view: the reserve is hidden from everyone else. */
    reserveMinor: z.number().int().nullable().optional(),
    buyNowMinor: z.number().int().nullable(),
    shipping: shippingPolicy.nullable(),
    /** Only with `?country=`: the price to ship there, or null when the piece does not ship there. */
    shippingQuote: z
      .object({ amountMinor: z.number().int(), currency: z.string(), dispatchDays: z.number().int() })
      .nullable()
      .optional(),
    auction: auctionSummary.nullable(),
    likeCount: z.number().int(),
    likedByMe: z.boolean(),
    viewCount: z.number().int(),
    moderated: z.boolean(),
    publishedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Story' });
export type StoryView = z.infer<typeof story>;

export const likeState = z.object({ liked: z.boolean(), likeCount: z.number().int() }).meta({ id: 'LikeState' });

export const viewResult = z.object({ counted: z.boolean(), viewCount: z.number().int() });

export const report = z
  .object({
    id: z.string(),
    targetType: z.enum(REPORT_TARGETS),
    targetId: z.string(),
    reason: z.string(),
    status: z.enum(REPORT_STATUSES),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
  })
  .meta({ id: 'Report' });

// ---- search ----

const priceBound = queryInt({ min: 0, max: 1_000_000_000_000 }).optional();

export const searchQuery = z.object({
  q: z.string().max(200).default(''),
  category: z.enum(STORY_CATEGORIES).optional(),
  mode: z.enum(SEARCH_MODES).optional(),
  minPriceMinor: priceBound,
  maxPriceMinor: priceBound,
  country: z
    .string()
    .transform((c) => c.toUpperCase())
    .refine(isCountryCode, 'an ISO 3166-1 alpha-2 country code')
    .optional(),
  sort: z.enum(SEARCH_SORTS).default('relevance'),
  cursor: z.string().max(400).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});

export const searchPage = z
  .object({
    items: z.array(storyCard),
    nextCursor: z.string().nullable(),
    facets: z.object({ category: z.record(z.string(), z.number().int()) }),
  })
  .meta({ id: 'StorySearchPage' });

export const makerSearchQuery = z.object({
  q: z.string().trim().min(1).max(200),
  cursor: z.string().max(400).optional(),
  limit: queryInt({ min: 1, max: 50 }).default(20),
});

export const makerSearchPage = z
  .object({
    items: z.array(
      z
        .object({
          id: z.string(),
          displayName: z.string(),
          city: z.string().nullable(),
          country: z.string().nullable(),
          avatarUrl: z.string().nullable(),
          followerCount: z.number().int(),
        })
        .meta({ id: 'MakerSearchItem' }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'MakerSearchPage' });
