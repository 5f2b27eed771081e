import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import type { StoryCard } from './schemas';
import { makerStoryCards } from './story-repo';
import { STORY_STATUSES, type StoryStatus } from './tables';

/**
 * A maker's stories, newest first: the published ones for anyone; the maker (or an admin) may ask
 * for drafts, archived or all with `status`. `sold` keeps only the pieces sold (the shop page's
 * "Sold" tab), or only those not sold.
 */
export async function listMakerStories(
  deps: StoriesDeps,
  caller: Caller | null,
  makerId: string,
  input: {
    cursor?: string | undefined;
    limit: number;
    status?: StoryStatus | 'all' | undefined;
    sold?: 'true' | 'false' | undefined;
  },
): Promise<{ items: StoryCard[]; nextCursor: string | null }> {
  const wanted = input.status ?? 'published';
  const privileged = caller !== null && (caller.userId === makerId || caller.roles.includes('admin'));
  if (wanted !== 'published' && !privileged) {
    throw new DomainError('forbidden', 'Only the maker sees their drafts and archived stories');
  }
  const statuses: StoryStatus[] = wanted === 'all' ? [...STORY_STATUSES] : [wanted];
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  // Sold pieces are the auctions module's knowledge: a paid auction or buy-now.
  const sold = input.sold === undefined ? null : await deps.auctions().soldStoryIds(makerId);
  if (input.sold === 'true' && sold!.length === 0) return { items: [], nextCursor: null };
  const ids = sold === null ? undefined : input.sold === 'true' ? { only: sold } : { except: sold };
  const rows = await makerStoryCards(deps.db, { makerId, statuses, limit: input.limit + 1, after, ids });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  return { items: await presentCards(deps, page.items, caller), nextCursor: page.nextCursor };
}
