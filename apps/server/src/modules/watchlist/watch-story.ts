import type { Caller } from '../../platform/http/types';
import type { WatchlistDeps } from './deps';
import { storyNotFound } from './errors';
import { addWatch, removeWatch } from './repo';

/**
 * Watches or stops watching a story the caller may see (404 otherwise, as if it did not exist).
 * Idempotent: watching twice is one watch, kept from the first time.
 */
export async function setWatching(
  deps: WatchlistDeps,
  caller: Caller,
  storyId: string,
  watching: boolean,
): Promise<{ watching: boolean }> {
  if (!(await deps.stories.storyVisibleTo(storyId, caller))) throw storyNotFound();
  if (watching) await addWatch(deps.db, caller.userId, storyId, deps.clock.now());
  else await removeWatch(deps.db, caller.userId, storyId);
  return { watching };
}
