import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { assertOwner, auctionActive, mediaIdsOf, storyNotFound } from './rules';
import { deleteStoryRow, lockStory, mediaRefsOfOtherStories } from './story-repo';
import { feedChanged } from './read-feed';

/**
 * The owner deletes a story and its media (marked deleted and their files queued for removal in
 * the same transaction). Refused while an auction or a buy-now is under way.
 */
export async function deleteStory(deps: StoriesDeps, caller: Caller, storyId: string): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const story = await lockStory(tx, storyId);
    if (!story) throw storyNotFound();
    assertOwner(story, caller);
    const auctions = deps.auctions();
    if (await auctions.blocksStoryChanges(storyId, tx)) throw auctionActive();
    // A maker may reuse a clip in two stories; deleting one must not pull it from the other.
    const stillUsed = new Set((await mediaRefsOfOtherStories(tx, story.makerId, storyId)).flatMap(mediaIdsOf));
    await deps.media.scheduleDeletion(
      tx,
      mediaIdsOf(story).filter((id) => !stillUsed.has(id)),
    );
    await auctions.eraseStory(tx, storyId);
    await deleteStoryRow(tx, storyId);
  });
  await feedChanged(deps);
}
