import { forbidden } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import { decodeCursor, pageOf } from './cursor';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import type { StoryCard } from './schemas';
import { makerStoryCards } from './story-repo';
import { STORY_STATUSES, type StoryStatus } from './tables';

/**
 * A maker's stories, newest first: the published ones for anyone; the maker (or an admin) may ask
 * for drafts, archived or all with `status`.
 */
export async function listMakerStories(
  deps: StoriesDeps,
  caller: Caller | null,
  makerId: string,
  input: { cursor?: string | undefined; limit: number; status?: StoryStatus | 'all' | undefined },
): Promise<{ items: StoryCard[]; nextCursor: string | null }> {
  const wanted = input.status ?? 'published';
  const privileged = caller !== null && (caller.userId === makerId || caller.roles.includes('admin'));
  if (wanted !== 'published' && !privileged) {
    throw forbidden('forbidden', 'Only the maker sees their drafts and archived stories');
  }
  const statuses: StoryStatus[] = wanted === 'all' ? [...STORY_STATUSES] : [wanted];
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await makerStoryCards(deps.db, { makerId, statuses, limit: input.limit + 1, after });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: await presentCards(deps, page.items, caller), nextCursor: page.nextCursor };
}
