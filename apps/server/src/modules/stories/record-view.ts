import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { addDailyView } from './engagement-repo';
import { storyNotFound, utcDay } from './rules';
import { findStory } from './story-repo';

/** The key one viewer's views are counted under: the user id, or a keyed hash of the client id. */
export function viewerKeyOf(
  deps: Pick<StoriesDeps, 'secrets'>,
  caller: Caller | null,
  clientId: string | null,
): string {
  if (caller) return `u:${caller.userId}`;
  if (!clientId) {
    throw new DomainError('client_id_required', 'Anonymous views need a client id (X-Client-Id header or clientId)');
  }
  return `a:${deps.secrets.lookup.hash('story-viewer', clientId)}`;
}

/**
 * Counts a view of a published story at most once per viewer per UTC day; not at all when the
 * caller's address is over its anonymous-view allowance (`countable` false).
 */
export async function recordView(
  deps: StoriesDeps,
  caller: Caller | null,
  storyId: string,
  clientId: string | null,
  countable = true,
): Promise<{ counted: boolean; viewCount: number }> {
  const viewerKey = viewerKeyOf(deps, caller, clientId);
  return deps.db.transaction(async (tx) => {
    const story = await findStory(tx, storyId);
    if (!story || story.status !== 'published') throw storyNotFound();
    if (!countable) return { counted: false, viewCount: story.viewCount };
    const counted = await addDailyView(tx, storyId, viewerKey, utcDay(deps.clock.now()));
    return counted === null ? { counted: false, viewCount: story.viewCount } : { counted: true, viewCount: counted };
  });
}
