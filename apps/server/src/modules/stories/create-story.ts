import type { Caller } from '../../platform/http/types';
import { DEFAULT_CATEGORY } from '@vw/domain';
import type { StoriesDeps } from './deps';
import { presentStory } from './present';
import { pricingProblem } from './rules';
import type { CreateStoryInput, StoryView } from './schemas';
import { assertMediaUsable, columnsOf } from './story-fields';
import { insertStory } from './story-repo';

/** A maker starts a story; it stays a draft until published. */
export async function createStory(deps: StoriesDeps, caller: Caller, input: CreateStoryInput): Promise<StoryView> {
  await assertMediaUsable(deps, caller.userId, input);
  const columns = columnsOf(input);
  const problem = pricingProblem({
    minOfferMinor: columns.minOfferMinor ?? null,
    currency: columns.currency ?? null,
    autoRejectBelowMin: columns.autoRejectBelowMin ?? null,
    reserveMinor: columns.reserveMinor ?? null,
    buyNowMinor: columns.buyNowMinor ?? null,
    shipping: columns.shipping ?? null,
  });
  if (problem) throw problem;
  const now = deps.clock.now();
  const row = await insertStory(deps.db, {
    category: DEFAULT_CATEGORY,
    ...columns,
    title: input.title,
    makerId: caller.userId,
    status: 'draft',
    createdAt: now,
    updatedAt: now,
  });
  return presentStory(deps, row, caller);
}
