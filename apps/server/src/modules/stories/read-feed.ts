import type { Caller } from '../../platform/http/types';
import type { StoryCategory } from '@vw/domain';
import { DomainError } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { StoriesDeps } from './deps';
import { presentCards } from './present';
import { storyPage, type StoryCard } from './schemas';
import { feedQuery } from './story-repo';
import { readViewerOverlay, withOverlay } from './viewer-overlay';

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
export async function readFeed(deps: StoriesDeps, caller: Caller | null, input: FeedInput): Promise<StoryPage> {
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

type StoryPage = { items: StoryCard[]; nextCursor: string | null };

/** The shared page as this process last received it: its text, and its bytes and items once a request needed them. */
interface SharedPage {
  text: string;
  bytes?: Buffer;
  page?: StoryPage;
}

/**
 * The page every viewer of the same limit, category and cursor shares, as JSON, for FEED_CACHE_MS:
 * built for nobody (no likes, playback URLs of no session), so it never depends on who asked first.
 * Counts, bids and times left may lag by that long; publishing, withdrawing, editing, deleting and
 * taking down drop it at once.
 */
async function readSharedPage(deps: StoriesDeps, input: FeedInput): Promise<SharedPage> {
  const key = `${input.limit}|${input.category ?? ''}|${input.cursor ?? ''}`;
  const text = await deps.cache.getOrLoad(FEED_CACHE, key, deps.config.FEED_CACHE_MS, async () =>
    JSON.stringify(storyPage.parse(await readFeed(deps, null, input))),
  );
  return sharedOnce(key, text);
}

/** The shared page, encoded, as every signed-out viewer gets it. */
export async function readAnonymousFeed(deps: StoriesDeps, input: FeedInput): Promise<Buffer> {
  const shared = await readSharedPage(deps, input);
  shared.bytes ??= Buffer.from(shared.text);
  return shared.bytes;
}

/**
 * A signed-in viewer's page: the shared page with the viewer's overlay laid over it (their likes,
 * the like counts as they are now, and the heroes of taken-down media they still may play), as JSON.
 */
export async function readViewerFeed(deps: StoriesDeps, caller: Caller, input: FeedInput): Promise<string> {
  const shared = await readSharedPage(deps, input);
  // Written by storyPage.parse above, so it is a page as the schema says.
  shared.page ??= JSON.parse(shared.text) as StoryPage;
  const { items, nextCursor } = shared.page;
  const overlay = await readViewerOverlay(deps, caller, items);
  return JSON.stringify({ items: items.map((card) => withOverlay(card, overlay)), nextCursor });
}

/** The pages this process received last, so a page shared by every request is encoded and read once. */
const shared = new Map<string, SharedPage>();
const SHARED_PAGES = 64;

function sharedOnce(key: string, text: string): SharedPage {
  const last = shared.get(key);
  // The same page is the same string object from the in-process cache, equal text from Redis.
  if (last !== undefined && last.text === text) return last;
  if (last === undefined && shared.size >= SHARED_PAGES) shared.clear();
  const page: SharedPage = { text };
  shared.set(key, page);
  return page;
}

/** Called after a change to what the feed shows has committed. */
export async function feedChanged(deps: StoriesDeps): Promise<void> {
  await deps.cache.clear(FEED_CACHE);
}
