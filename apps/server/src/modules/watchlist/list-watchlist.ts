import type { Caller } from '../../platform/http/types';
import { decodeCursorText, pageOf } from '../../platform/keyset-cursor';
import type { StoryCard } from '../stories';
import type { WatchlistDeps } from './deps';
import { watchesOf } from './repo';

/**
 * The caller's watchlist as feed items, most recently watched first. Stories they may no longer
 * see (withdrawn, taken down, deleted) are left out of the page; the cursor still moves past them.
 */
export async function listWatchlist(
  deps: WatchlistDeps,
  caller: Caller,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ items: StoryCard[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursorText(input.cursor) : null;
  const rows = await watchesOf(deps.db, { userId: caller.userId, limit: input.limit + 1, after });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.watchedAtText, id: r.storyId }));
  const items = await deps.stories.storyCards(
    page.items.map((r) => r.storyId),
    caller,
  );
  return { items, nextCursor: page.nextCursor };
}
