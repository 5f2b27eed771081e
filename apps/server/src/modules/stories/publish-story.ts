import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { presentStory } from './present';
import { assertOwner, publishRefusal, storyNotFound } from './rules';
import type { StoryView } from './schemas';
import { findStory, lockStory, updateStory } from './story-repo';
import { feedChanged } from './read-feed';

/**
 * The owner puts a story into the feed. It needs a hero video of the maker's that is ready to play
 * and an offer policy. Publishing again is a no-op; a republished story goes to the top of the feed.
 */
export async function publishStory(deps: StoriesDeps, caller: Caller, storyId: string): Promise<StoryView> {
  const before = await findStory(deps.db, storyId);
  if (!before) throw storyNotFound();
  assertOwner(before, caller);
  // Asked before the transaction, so no connection waits on the media module while holding the row.
  const heroReady = before.heroMediaId ? await deps.media.isReadyAndOwnedBy(before.heroMediaId, before.makerId) : false;

  const row = await deps.db.transaction(async (tx) => {
    const current = await lockStory(tx, storyId);
    if (!current) throw storyNotFound();
    assertOwner(current, caller);
    if (current.status === 'published') return current;
    if (current.heroMediaId !== before.heroMediaId) {
      throw new DomainError('story_changed', 'The story changed while publishing; try again');
    }
    const refusal = publishRefusal(current, heroReady);
    if (refusal) throw refusal;
    const now = deps.clock.now();
    const published = await updateStory(tx, storyId, { status: 'published', publishedAt: now, updatedAt: now });
    // Followers are told through a job the listener enqueues here: publishing never waits on them.
    await deps.events.emitPublished(tx, {
      storyId,
      makerId: published.makerId,
      title: published.title,
      at: now.toISOString(),
    });
    return published;
  });
  await feedChanged(deps);
  return presentStory(deps, row, caller);
}
