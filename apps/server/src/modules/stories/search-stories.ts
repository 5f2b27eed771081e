import type { Caller } from '../../platform/http/types';
import { DomainError } from '../../platform/errors';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import type { StoryCard } from './schemas';
import type { StorySearch } from './search-index';
import { storyCardsByIds } from './story-repo';

export interface StorySearchResult {
  items: StoryCard[];
  nextCursor: string | null;
  facets: { category: Record<string, number> };
}

/**
 * Searches published stories: what a signed-out viewer may see, matched, filtered and sorted by the
 * search index, presented as feed items. 400 `invalid_price_range` when the minimum exceeds the maximum.
 */
export async function searchStories(
  deps: StoriesDeps,
  caller: Caller | null,
  search: StorySearch,
): Promise<StorySearchResult> {
  if (search.minPriceMinor !== null && search.maxPriceMinor !== null && search.minPriceMinor > search.maxPriceMinor) {
    throw new DomainError('invalid_price_range', 'The minimum price is above the maximum price');
  }
  const page = await deps.searchIndex.searchStories(search);
  const rows = await storyCardsByIds(deps.db, page.storyIds);
  const byId = new Map(rows.map((r) => [r.id, r]));
  // A story changed between the index read and this one (withdrawn, deleted) is left out.
  const ordered = page.storyIds.flatMap((id) => {
    const row = byId.get(id);
    return row && row.status === 'published' ? [row] : [];
  });
  return {
    items: await presentCards(deps, ordered, caller),
    nextCursor: page.nextCursor,
    facets: { category: page.categoryCounts },
  };
}
