import type { Caller } from '../../platform/http/types';
import type { StoryCategory } from '@vw/domain';
import { DomainError } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import { storyPage, type StoryCard } from './schemas';
import { feedQuery } from './story-repo';

export interface FeedInput {
  cursor?: string | undefined;
  limit: number;
  category?: StoryCategory | undefined;
  following?: 'true' | 'false' | undefined;
}

/**
 * A page of the feed: published stories, newest first (with `following`, only the followed makers'). Keyset pagination on (publishedAt, id): the
 * cursor names the last item seen, so stories published meanwhile never shift a later page.
 */
export async function readFeed(
  deps: StoriesDeps,
  caller: Caller | null,
  input: FeedInput,
): Promise<{ items: StoryCard[]; nextCursor: string | null }> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  let makerIds: string[] | null = null;
  if (input.following === 'true') {
    if (caller === null) throw new DomainError('authentication_required', 'Sign in to see the makers you follow');
    makerIds = await deps.social().followedMakerIds(caller.userId);
    if (makerIds.length === 0) return { items: [], nextCursor: null };
  }
  const rows = await feedQuery(deps.db, {
    limit: input.limit + 1,
    after,
    category: input.category ?? null,
    makerIds,
  });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.publishedAt!, id: r.id }));
  return { items: await presentCards(deps, page.items, caller), nextCursor: page.nextCursor };
}

export const FEED_CACHE = 'feed';

/**
 * The page every anonymous viewer gets, as JSON, shared for FEED_CACHE_MS: nothing in it depends on
 * the viewer (no likes, no per-session playback token). Counts, bids and times left may lag by that
 * long; publishing, withdrawing, editing, deleting and taking down drop it at once.
 */
export async function readAnonymousFeed(deps: StoriesDeps, input: FeedInput): Promise<Buffer> {
  const key = `${input.limit}|${input.category ?? ''}|${input.cursor ?? ''}`;
  const text = await deps.cache.getOrLoad(FEED_CACHE, key, deps.config.FEED_CACHE_MS, async () =>
    JSON.stringify(storyPage.parse(await readFeed(deps, null, input))),
  );
  return encodedOnce(key, text);
}

/** The UTF-8 bytes of the pages this process sent last, so a page shared by every request is encoded once. */
const encoded = new Map<string, { text: string; bytes: Buffer }>();
const ENCODED_PAGES = 64;

function encodedOnce(key: string, text: string): Buffer {
  const last = encoded.get(key);
  // The same page is the same string object from the in-process cache, equal text from Redis.
  if (last !== undefined && last.text === text) return last.bytes;
  if (last === undefined && encoded.size >= ENCODED_PAGES) encoded.clear();
  const bytes = Buffer.from(text);
  encoded.set(key, { text, bytes });
  return bytes;
}

/** Called after a change to what the feed shows has committed. */
export async function feedChanged(deps: StoriesDeps): Promise<void> {
  await deps.cache.clear(FEED_CACHE);
}
