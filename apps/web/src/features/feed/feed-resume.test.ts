import { describe, expect, it } from 'vitest';
import type { StoryCard } from '../../shared/api/types';
import type { FeedData } from '../../shared/queries/feed/use-feed-query';
import { loadFeedSnapshot, resumeIndex, saveFeedSnapshot } from './feed-resume';
import { playerModeFor } from './player-window';

const card = (id: string) => ({ id, title: id }) as StoryCard;
const data = (...pages: string[][]): FeedData => ({
  pages: pages.map((ids, i) => ({ items: ids.map(card), nextCursor: `c${i + 1}` })),
  pageParams: pages.map((_, i) => (i === 0 ? null : `c${i}`)),
});

describe('feed resume', () => {
  it('restores the cached pages and the story on screen', () => {
    saveFeedSnapshot(
      { category: null, data: data(['a', 'b'], ['c', 'd']), storyId: 'c', index: 2 },
      localStorage,
      1000,
    );
    const snapshot = loadFeedSnapshot(null, localStorage, 2000);
    expect(snapshot?.data.pages.flatMap((p) => p.items.map((i) => i.id))).toEqual(['a', 'b', 'c', 'd']);
    expect(snapshot?.data.pageParams).toEqual([null, 'c1']);
    expect(resumeIndex(snapshot!.data, snapshot!.storyId, snapshot!.index)).toBe(2);
  });

  it('follows the story when fresh pages moved it, and ignores old or other-category snapshots', () => {
    expect(resumeIndex(data(['new', 'a', 'b', 'c']), 'c', 2)).toBe(3);
    expect(resumeIndex(data(['x', 'y']), 'gone', 5)).toBe(1);
    saveFeedSnapshot({ category: 'glass', data: data(['a']), storyId: 'a', index: 0 }, localStorage, 0);
    expect(loadFeedSnapshot(null, localStorage, 1)).toBeNull();
    expect(loadFeedSnapshot('glass', localStorage, 25 * 3600_000)).toBeNull();
    expect(loadFeedSnapshot('glass', localStorage, 1)).not.toBeNull();
  });

  it('keeps at most three live players around the one on screen', () => {
    const modes = Array.from({ length: 8 }, (_, i) => playerModeFor(i, 4));
    expect(modes).toEqual([null, null, null, 'idle', 'active', 'preload', null, null]);
    expect(modes.filter(Boolean)).toHaveLength(3);
  });
});
