import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryCard, StoryView } from './schemas';
import { createDraft, createPublished, email, type Api } from './test-support';

const clock = new ManualClock(Date.now());
const adminEmail = email('feed-admin');
let runtime: Runtime;
let api: Api;
let ada: Session;
let bo: Session;
let viewerA: Session;
let viewerB: Session;
let admin: Session;
/** Newest first, as the feed shows them. */
let published: StoryView[] = [];
/** Bo's story whose hero video was taken down with another story of Bo's that used it. */
let sharingTakenHero: StoryView;

type Page = { items: StoryCard[]; nextCursor: string | null };

const read = async (query: string, who?: Session): Promise<Page> => {
  const res = await api.call<Page>('GET', `/v1/feed${query}`, who ? { token: who.accessToken } : {});
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.body;
};

/** A card without what belongs to one viewer (their like, and the like count that includes it). */
const shared = ({ likedByMe: _liked, likeCount: _count, ...rest }: StoryCard) => rest;

const play = async (url: string) => (await runtime.app!.inject({ method: 'GET', url })).statusCode;

const like = async (who: Session, storyId: string, liked = true) => {
  const res = await api.call<{ likeCount: number }>(liked ? 'PUT' : 'DELETE', `/v1/stories/${storyId}/like`, {
    token: who.accessToken,
  });
  expect(res.status).toBe(200);
  return res.body.likeCount;
};

beforeAll(async () => {
  // A shared page kept for a minute: anything fresh in a signed-in page came from the viewer's overlay.
  runtime = await startTestServer({ clock, env: { ADMIN_EMAILS: adminEmail, FEED_CACHE_MS: '60000' } });
  api = apiClient(runtime);
  ada = await api.signInMaker(email('ada'), 'Ada Clay');
  bo = await api.signInMaker(email('bo'), 'Bo Wood');
  viewerA = await api.signIn(email('viewer-a'));
  viewerB = await api.signIn(email('viewer-b'));
  admin = await api.signInAdmin(adminEmail);
  const adaHero = await createReadyMedia(runtime, ada.userId);
  const boHero = await createReadyMedia(runtime, bo.userId);
  const takenHero = await createReadyMedia(runtime, bo.userId);

  clock.advance(1_000);
  sharingTakenHero = await createPublished(runtime, api, bo, { heroMediaId: takenHero, title: 'Same bowl, blue' });
  clock.advance(1_000);
  const takenDown = await createPublished(runtime, api, bo, { heroMediaId: takenHero, title: 'Same bowl' });
  for (let i = 0; i < 8; i++) {
    clock.advance(1_000);
    const [maker, hero, category] = i % 2 === 0 ? [ada, adaHero, 'ceramics'] : [bo, boHero, 'woodwork'];
    published.push(await createPublished(runtime, api, maker, { heroMediaId: hero, title: `Piece ${i}`, category }));
  }
  published = published.reverse();
  const takeDown = await api.call('POST', `/v1/admin/stories/${takenDown.id}/unpublish`, {
    token: admin.accessToken,
    body: { reason: 'Counterfeit' },
  });
  expect(takeDown.status).toBe(200);
}, 120_000);
afterAll(() => runtime?.stop());

describe('the signed-in feed: the shared page and the viewer’s overlay', () => {
  it('is the signed-out page but for the viewer’s likes, for every limit, category and cursor', async () => {
    await like(viewerA, published[1]!.id);
    await like(viewerA, published[4]!.id);
    for (const query of ['?limit=5', '?limit=3&category=woodwork', '?limit=20']) {
      const anonymous = await read(query);
      const mine = await read(query, viewerA);
      expect(mine.items.map(shared)).toEqual(anonymous.items.map(shared));
      expect(mine.nextCursor).toBe(anonymous.nextCursor);
      expect(anonymous.items.every((s) => !s.likedByMe)).toBe(true);
      for (const card of mine.items) {
        expect(card.likedByMe).toBe(card.id === published[1]!.id || card.id === published[4]!.id);
      }
    }
    // The same on a later page.
    const first = await read('?limit=3', viewerA);
    const next = `?limit=3&cursor=${first.nextCursor}`;
    const mine = await read(next, viewerA);
    expect(mine.items.map(shared)).toEqual((await read(next)).items.map(shared));
    expect(mine.items.map((s) => s.likedByMe)).toEqual([false, true, false]);
    // The playback URLs are the shared page's: one URL a story for everyone, which plays without a session.
    expect(mine.items[0]!.playbackUrl).toMatch(/master\.m3u8$/);
    expect(await play(mine.items[0]!.playbackUrl!)).toBe(200);
    expect(await play(mine.items[0]!.posterUrl!)).toBe(200);
    await like(viewerA, published[1]!.id, false);
    await like(viewerA, published[4]!.id, false);
  });

  it('never shows one viewer’s likes to another, whoever read the page first', async () => {
    const target = published[2]!;
    await like(viewerA, target.id);
    // A new page (limit 4 was not read yet) first built for viewer A's request, then read by B and signed out.
    const forA = await read('?limit=4', viewerA);
    const forB = await read('?limit=4', viewerB);
    const anonymous = await read('?limit=4');
    expect(forA.items.find((s) => s.id === target.id)!.likedByMe).toBe(true);
    expect(forB.items.every((s) => !s.likedByMe)).toBe(true);
    expect(anonymous.items.every((s) => !s.likedByMe)).toBe(true);
    // And the other way round: B first, then A.
    const bFirst = await read('?limit=6', viewerB);
    const aAfter = await read('?limit=6', viewerA);
    expect(bFirst.items.every((s) => !s.likedByMe)).toBe(true);
    expect(aAfter.items.filter((s) => s.likedByMe).map((s) => s.id)).toEqual([target.id]);
    expect((await read('?limit=6', viewerB)).items.every((s) => !s.likedByMe)).toBe(true);
    await like(viewerA, target.id, false);
  });

  it('shows a like and an unlike on the viewer’s next read at once, while the shared page is kept', async () => {
    const target = published[3]!;
    const before = await read('?limit=5', viewerB);
    const count = before.items.find((s) => s.id === target.id)!.likeCount;

    expect(await like(viewerB, target.id)).toBe(count + 1);
    const liked = (await read('?limit=5', viewerB)).items.find((s) => s.id === target.id)!;
    expect(liked).toMatchObject({ likedByMe: true, likeCount: count + 1 });
    // The shared page itself was not read again: signed out, the count is still the one it was built with.
    const anonymous = (await read('?limit=5')).items.find((s) => s.id === target.id)!;
    expect(anonymous).toMatchObject({ likedByMe: false, likeCount: count });
    expect((await read('?limit=5', viewerA)).items.find((s) => s.id === target.id)).toMatchObject({
      likedByMe: false,
      likeCount: count + 1,
    });

    expect(await like(viewerB, target.id, false)).toBe(count);
    const unliked = (await read('?limit=5', viewerB)).items.find((s) => s.id === target.id)!;
    expect(unliked).toMatchObject({ likedByMe: false, likeCount: count });
  });

  it('gives a taken-down hero video to its maker and admins only, with URLs that still play it', async () => {
    const cardOf = async (who?: Session) =>
      (await read('?limit=20', who)).items.find((s) => s.id === sharingTakenHero.id)!;
    // The other story using the video was taken down: it left the feed for everyone.
    for (const who of [undefined, viewerA, bo, admin]) {
      const ids = (await read('?limit=20', who)).items.map((s) => s.id);
      expect(ids).toHaveLength(published.length + 1);
      expect(ids).toContain(sharingTakenHero.id);
    }
    for (const who of [undefined, viewerA, ada]) {
      expect(await cardOf(who)).toMatchObject({ posterUrl: null, playbackUrl: null });
    }
    const anonymous = await cardOf();
    for (const who of [bo, admin]) {
      const card = await cardOf(who);
      expect(shared({ ...card, posterUrl: null, playbackUrl: null })).toEqual(shared(anonymous));
      expect(card.playbackUrl).toMatch(/master\.m3u8$/);
      expect(await play(card.playbackUrl!)).toBe(200);
      expect(await play(card.posterUrl!)).toBe(200);
    }
    // A page first read by the maker still reaches everyone else without the video.
    const makerFirst = (await read('?limit=19', bo)).items.find((s) => s.id === sharingTakenHero.id)!;
    expect(makerFirst.playbackUrl).toMatch(/master\.m3u8$/);
    for (const who of [undefined, viewerA]) {
      const card = (await read('?limit=19', who)).items.find((s) => s.id === sharingTakenHero.id)!;
      expect(card).toMatchObject({ posterUrl: null, playbackUrl: null });
    }
    // The maker's other stories carry the shared page's URLs, as everyone's do.
    const forBo = await read('?limit=20', bo);
    const forAll = await read('?limit=20');
    const others = (page: Page) => page.items.filter((s) => s.id !== sharingTakenHero.id).map(shared);
    expect(others(forBo)).toEqual(others(forAll));
  });

  it('leaves drafts and unpublished stories out, the maker’s own included, at once', async () => {
    const adaHero = published.find((s) => s.makerId === ada.userId)!.heroMediaId;
    const draft = await createDraft(runtime, api, ada, { heroMediaId: adaHero, title: 'Draft' });
    const story = published[0]!;
    const owner = story.makerId === ada.userId ? ada : bo;
    expect((await read('?limit=20', owner)).items.map((s) => s.id)).toContain(story.id);
    expect((await api.call('POST', `/v1/stories/${story.id}/unpublish`, { token: owner.accessToken })).status).toBe(
      200,
    );
    for (const who of [owner, ada, viewerA, admin]) {
      const ids = (await read('?limit=20', who)).items.map((s) => s.id);
      expect(ids).not.toContain(story.id);
      expect(ids).not.toContain(draft.id);
    }
    clock.advance(1_000);
    await api.call('POST', `/v1/stories/${story.id}/publish`, { token: owner.accessToken });
    expect((await read('?limit=1', viewerA)).items[0]!.id).toBe(story.id);
  });
});
