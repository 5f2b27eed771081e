import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { addLike, removeLike } from './engagement-repo';
import { storyNotFound } from './rules';
import { findStory } from './story-repo';

export interface LikeState {
  liked: boolean;
  likeCount: number;
}

/**
 * Likes or unlikes a published story. Idempotent: liking twice is one like, and the counter moves
 * only when a like row really appears or disappears.
 */
export async function setLike(deps: StoriesDeps, caller: Caller, storyId: string, liked: boolean): Promise<LikeState> {
  return deps.db.transaction(async (tx) => {
    const story = await findStory(tx, storyId);
    if (!story || story.status !== 'published') throw storyNotFound();
    const changed = liked
      ? await addLike(tx, storyId, caller.userId, deps.clock.now())
      : await removeLike(tx, storyId, caller.userId);
    // Nothing changed (a repeat): answer with the count as it stands now.
    const likeCount = changed ?? (await findStory(tx, storyId))!.likeCount;
    return { liked, likeCount };
  });
}
