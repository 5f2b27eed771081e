import type { Caller } from '../../platform/http/types';
import type { StoryCategory } from './categories';
import { decodeCursor, pageOf } from './cursor';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import type { StoryCard } from './schemas';
import { feedQuery } from './story-repo';

/**
 * A page of the feed: published stories, newest first. Keyset pagination on (publishedAt, id): the
 * cursor names the last item seen, so stories published meanwhile never shift a later page.
 */
export async function readFeed(
  deps: StoriesDeps,
  caller: Caller | null,
  input: { cursor?: string | undefined; limit: number; category?: StoryCategory | undefined },
): Promise<{ items: StoryCard[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await feedQuery(deps.db, { limit: input.limit + 1, after, category: input.category ?? null });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.publishedAt!, id: r.id }));
  return { items: await presentCards(deps, page.items, caller), nextCursor: page.nextCursor };
}
