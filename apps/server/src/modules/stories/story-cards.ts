import type { Caller } from '../../platform/http/types';
import { isUuid } from '../../platform/ids';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import { canSee } from './rules';
import type { StoryCard } from './schemas';
import { findStoriesByIds, findStory } from './story-repo';

/** True when the story exists and `caller` may see it (published, or theirs, or they are an admin). */
export async function storyVisibleTo(deps: StoriesDeps, storyId: string, caller: Caller | null): Promise<boolean> {
  const row = isUuid(storyId) ? await findStory(deps.db, storyId) : undefined;
  return row !== undefined && canSee(row, caller);
}

/**
 * Feed items for stories another module lists (a watchlist), in the order given; stories that no
 * longer exist or that `caller` may not see are left out.
 */
export async function storyCardsFor(
  deps: StoriesDeps,
  storyIds: string[],
  caller: Caller | null,
): Promise<StoryCard[]> {
  const rows = await findStoriesByIds(deps.db, [...new Set(storyIds.filter(isUuid))]);
  const byId = new Map(rows.filter((r) => canSee(r, caller)).map((r) => [r.id, r]));
  const ordered = storyIds.flatMap((id) => byId.get(id) ?? []);
  return presentCards(deps, ordered, caller);
}
