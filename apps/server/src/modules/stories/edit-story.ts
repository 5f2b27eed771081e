import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { presentStory } from './present';
import { assertOwner, auctionActive, changesTerms, pricingProblem, publishRefusal, storyNotFound } from './rules';
import type { StoryFieldsInput, StoryView } from './schemas';
import { assertMediaUsable, columnsOf, merged } from './story-fields';
import { findStory, lockStory, updateStory } from './story-repo';
import { feedChanged } from './read-feed';

/**
 * The owner edits a story. Terms (offer policy, reserve, buy-now) are frozen while an auction or a
 * buy-now is under way; a published story must stay publishable (ready hero, offer policy).
 */
export async function editStory(
  deps: StoriesDeps,
  caller: Caller,
  storyId: string,
  input: StoryFieldsInput,
): Promise<StoryView> {
  const before = await findStory(deps.db, storyId);
  if (!before) throw storyNotFound();
  assertOwner(before, caller);
  await assertMediaUsable(deps, caller.userId, input);
  const newHero = input.heroMediaId;
  const newHeroReady = newHero ? await deps.media.isReadyAndOwnedBy(newHero, caller.userId) : false;

  const row = await deps.db.transaction(async (tx) => {
    const current = await lockStory(tx, storyId);
    if (!current) throw storyNotFound();
    assertOwner(current, caller);
    const set = columnsOf(input);
    const next = merged(current, set);
    if (changesTerms(current, next) && (await deps.auctions().blocksStoryChanges(storyId, tx))) throw auctionActive();
    const problem =
      current.status === 'published'
        ? publishRefusal(
            next,
            next.heroMediaId === current.heroMediaId || (next.heroMediaId === newHero && newHeroReady),
          )
        : pricingProblem(next);
    if (problem) throw problem;
    return updateStory(tx, storyId, { ...set, updatedAt: deps.clock.now() });
  });
  await feedChanged(deps);
  return presentStory(deps, row, caller);
}
