import type { StoryCategory } from '@vw/domain';
import type { Executor } from '../../platform/db/client';

export const SEARCH_SORTS = ['relevance', 'ending_soon', 'newest', 'price_asc', 'price_desc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const SEARCH_MODES = ['auction', 'buy_now', 'offers'] as const;
/** `auction`: a live auction; `buy_now`: buyable now at a fixed price; `offers`: taking offers. */
export type SearchMode = (typeof SEARCH_MODES)[number];

/** A story search as the index receives it (already validated). */
export interface StorySearch {
  q: string;
  category: StoryCategory | null;
  mode: SearchMode | null;
  minPriceMinor: number | null;
  maxPriceMinor: number | null;
  /** ISO 3166-1 alpha-2 of the maker. */
  country: string | null;
  sort: SearchSort;
  /** An opaque cursor this index gave out for the same sort, or null for the first page. */
  cursor: string | null;
  limit: number;
}

export interface StorySearchPage {
  /** Story ids in result order; only stories a signed-out viewer may see. */
  storyIds: string[];
  nextCursor: string | null;
  /** Matches per category for the same query and filters, the category filter left out. */
  categoryCounts: Record<string, number>;
}

export interface MakerHit {
  makerId: string;
  displayName: string;
  city: string | null;
  country: string | null;
}

/** What a story's current auction means for search (kept current by the auctions module). */
export interface AuctionSearchFacts {
  storyId: string;
  /** An auction is running now. */
  live: boolean;
  highBidMinor: number | null;
  endsAt: Date | null;
}

/**
 * The seam between search and its engine. The PostgreSQL index (search-repo.ts) serves it from the
 * stories schema; an external engine (OpenSearch) would implement the same three calls, fed from
 * the same writes, once one database no longer serves.
 */
export interface SearchIndexPort {
  searchStories(search: StorySearch): Promise<StorySearchPage>;
  searchMakers(input: { q: string; cursor: string | null; limit: number }): Promise<{
    items: MakerHit[];
    nextCursor: string | null;
  }>;
  /** Records a story's auction facts inside the transaction that changed them. */
  auctionChanged(tx: Executor, facts: AuctionSearchFacts): Promise<void>;
}
