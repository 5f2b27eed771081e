import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { presentStory } from './present';
import { canSee, storyNotFound } from './rules';
import type { StoryView } from './schemas';
import { findStory } from './story-repo';

/** A story page: published ones for anyone, drafts and archived ones for their owner and admins. */
export async function getStory(
  deps: StoriesDeps,
  caller: Caller | null,
  storyId: string,
  country?: string,
): Promise<StoryView> {
  const row = await findStory(deps.db, storyId);
  if (!row || !canSee(row, caller)) throw storyNotFound();
  return presentStory(deps, row, caller, country);
}
