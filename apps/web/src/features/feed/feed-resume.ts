import type { FeedData } from '../../shared/queries/feed/use-feed-query';

/** What the feed remembers between visits: the cached pages and the item on screen. */
export interface FeedSnapshot {
  version: 1;
  category: string | null;
  data: FeedData;
  storyId: string | null;
  index: number;
  savedAt: number;
}

const KEY = 'vw.feed-resume';
/** Older than this, the feed starts from the top: the viewer has moved on. */
const MAX_AGE_MS = 24 * 60 * 60_000;
/** Pages kept: enough to land where the viewer was without storing the whole feed. */
const MAX_PAGES = 5;

export function saveFeedSnapshot(
  snapshot: Omit<FeedSnapshot, 'version' | 'savedAt'>,
  storage: Storage = localStorage,
  now = Date.now(),
): void {
  const pages = snapshot.data.pages.slice(0, MAX_PAGES);
  const value: FeedSnapshot = {
    ...snapshot,
    data: { pages, pageParams: snapshot.data.pageParams.slice(0, pages.length) },
    version: 1,
    savedAt: now,
  };
  try {
    storage.setItem(KEY, JSON.stringify(value));
  } catch {
    // Storage full or denied: resuming is a convenience, the feed works without it.
  }
}

export function loadFeedSnapshot(
  category: string | null,
  storage: Storage = localStorage,
  now = Date.now(),
): FeedSnapshot | null {
  try {
    const text = storage.getItem(KEY);
    if (!text) return null;
    const value = JSON.parse(text) as FeedSnapshot;
    if (value.version !== 1 || value.category !== category || now - value.savedAt > MAX_AGE_MS) return null;
    if (!Array.isArray(value.data?.pages) || value.data.pages.length === 0) return null;
    return value;
  } catch {
    return null;
  }
}

/** Where to land: the remembered story if it is still in the pages, else the remembered index. */
export function resumeIndex(data: FeedData, storyId: string | null, index: number): number {
  const items = data.pages.flatMap((page) => page.items);
  const found = storyId ? items.findIndex((item) => item.id === storyId) : -1;
  if (found >= 0) return found;
  return Math.max(0, Math.min(index, items.length - 1));
}
