import type { ShippingPolicy, StoryCategory } from '@vw/domain';
import type { StoryRow } from './story-repo';
import type { StoryStatus } from './tables';

/** What the auctions and payments modules need to know of a story to sell it (reserve included). */
export interface StoryTerms {
  id: string;
  makerId: string;
  status: StoryStatus;
  title: string;
  offerPolicy: { minOfferMinor: number; currency: string; autoRejectBelowMin: boolean } | null;
  reserveMinor: number | null;
  buyNowMinor: number | null;
  heroMediaId: string | null;
  /** The offer policy's currency (null until the story has one). */
  currency: string | null;
  /** Where it ships from and how (null until the maker sets it; published stories have it). */
  shipping: ShippingPolicy | null;
}

/** A story as other modules list it (orders, dashboards, moderation). */
export interface StorySummary {
  id: string;
  makerId: string;
  title: string;
  /** The maker's description of the piece (link previews quote it). */
  description: string;
  category: StoryCategory;
  status: StoryStatus;
  heroMediaId: string | null;
  publishedAt: string | null;
  moderated: boolean;
}

export function termsOf(row: StoryRow): StoryTerms {
  return {
    id: row.id,
    makerId: row.makerId,
    status: row.status,
    title: row.title,
    offerPolicy:
      row.minOfferMinor !== null && row.currency !== null
        ? {
            minOfferMinor: row.minOfferMinor,
            currency: row.currency,
            autoRejectBelowMin: row.autoRejectBelowMin ?? true,
          }
        : null,
    reserveMinor: row.reserveMinor,
    buyNowMinor: row.buyNowMinor,
    heroMediaId: row.heroMediaId,
    currency: row.currency,
    shipping: row.shipping,
  };
}

export function summaryOf(row: StoryRow): StorySummary {
  return {
    id: row.id,
    makerId: row.makerId,
    title: row.title,
    description: row.description,
    category: row.category,
    status: row.status,
    heroMediaId: row.heroMediaId,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    moderated: row.moderatedAt !== null,
  };
}
