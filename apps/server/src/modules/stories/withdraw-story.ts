import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { presentStory } from './present';
import { assertOwner, auctionActive, storyNotFound } from './rules';
import type { StoryView } from './schemas';
import { lockStory, updateStory } from './story-repo';
import { feedChanged } from './read-feed';

/**
 * The owner takes a story out of the feed: back to `draft` (unpublish) or to `archived`. Refused
 * while an auction or a buy-now is under way.
 */
export async function withdrawStory(
  deps: StoriesDeps,
  caller: Caller,
  storyId: string,
  to: 'draft' | 'archived',
): Promise<StoryView> {
  const row = await deps.db.transaction(async (tx) => {
    const current = await lockStory(tx, storyId);
    if (!current) throw storyNotFound();
    assertOwner(current, caller);
    if (current.status === to) return current;
    if (to === 'draft' && current.status !== 'published') return current;
    if (await deps.auctions().blocksStoryChanges(storyId, tx)) throw auctionActive();
    return updateStory(tx, storyId, { status: to, updatedAt: deps.clock.now() });
  });
  await feedChanged(deps);
  return presentStory(deps, row, caller);
}
