import { describe, expect, it } from 'vitest';
import type { Caller } from '../../platform/http/types';
import type { MediaView } from '../media';
import type { StoryCard } from './schemas';
import { heroesToAsk, withOverlay, type ViewerOverlay } from './viewer-overlay';

const card = (id: string, fields: Partial<StoryCard> = {}): StoryCard => ({
  id,
  title: `Story ${id}`,
  category: 'ceramics',
  status: 'published',
  maker: { id: 'maker-1', displayName: 'Ada', avatarUrl: null },
  heroMediaId: `hero-${id}`,
  posterUrl: `/v1/play/t/hero-${id}/poster.jpg`,
  playbackUrl: `/v1/play/t/hero-${id}/master.m3u8`,
  auction: null,
  likeCount: 3,
  likedByMe: false,
  viewCount: 10,
  offerPolicy: null,
  buyNowMinor: null,
  publishedAt: '2026-12-01T00:00:00.000Z',
  ...fields,
});
const leftOut = { posterUrl: null, playbackUrl: null };
const caller = (userId: string, roles = ['viewer']): Caller => ({ userId, sessionId: 's', roles });
const none: ViewerOverlay = { standing: new Map(), heroes: new Map() };

describe('the viewer overlay', () => {
  it('lays the viewer’s like and the count as it is now over the shared card, leaving the shared card as it was', () => {
    const shared = card('a');
    const overlay: ViewerOverlay = { ...none, standing: new Map([['a', { liked: true, likeCount: 4 }]]) };
    expect(withOverlay(shared, overlay)).toEqual({ ...shared, likedByMe: true, likeCount: 4 });
    expect(shared).toMatchObject({ likedByMe: false, likeCount: 3 });
  });

  it('shows no like on a story the overlay did not find', () => {
    expect(withOverlay(card('a', { likedByMe: true }), none)).toMatchObject({ likedByMe: false, likeCount: 3 });
  });

  it('asks for a left-out hero only for its maker or an admin', () => {
    const cards = [card('a'), card('b', leftOut), card('c', { ...leftOut, heroMediaId: null })];
    expect(heroesToAsk(cards, caller('someone'))).toEqual([]);
    expect(heroesToAsk(cards, caller('maker-1'))).toEqual(['hero-b']);
    expect(heroesToAsk(cards, caller('admin-1', ['viewer', 'admin']))).toEqual(['hero-b']);
  });

  it('gives a left-out hero the URLs the media module signed for this viewer', () => {
    const hero = { id: 'hero-b', posterUrl: '/p/poster.jpg', playbackUrl: '/p/master.m3u8' } as MediaView;
    const overlay: ViewerOverlay = { ...none, heroes: new Map([['hero-b', hero]]) };
    expect(withOverlay(card('b', leftOut), overlay)).toMatchObject({
      posterUrl: '/p/poster.jpg',
      playbackUrl: '/p/master.m3u8',
    });
  });
});
