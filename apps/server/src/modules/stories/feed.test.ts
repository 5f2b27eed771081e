import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryCard, StoryView } from './schemas';
import { createPublished, email, type Api } from './test-support';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;
let ada: Session;
let bo: Session;
let viewer: Session;
let adaHero: string;
let boHero: string;

type Page = { items: StoryCard[]; nextCursor: string | null };

/** Publishes a story one second after the previous one, so the feed order is known. */
async function publishNext(maker: Session, hero: string, fields: Record<string, unknown> = {}): Promise<StoryView> {
  clock.advance(1_000);
  return createPublished(runtime, api, maker, { heroMediaId: hero, ...fields });
}

async function readAll(query: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const url = `/v1/feed?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`;
    const res: { status: number; body: Page } = await api.call<Page>('GET', url);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...res.body.items.map((s) => s.id));
    cursor = res.body.nextCursor;
    if (!cursor) return ids;
  }
  throw new Error('feed did not end');
}

let published: StoryView[] = [];

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  api = apiClient(runtime);
  ada = await api.signInMaker(email('ada'), 'Ada Clay');
  bo = await api.signInMaker(email('bo'), 'Bo Wood');
  viewer = await api.signIn(email('viewer'));
  adaHero = await createReadyMedia(runtime, ada.userId);
  boHero = await createReadyMedia(runtime, bo.userId);
  // 24 stories: Ada's ceramics and Bo's woodwork alternating, one second apart.
  for (let i = 0; i < 24; i++) {
    const [maker, hero, category] = i % 2 === 0 ? [ada, adaHero, 'ceramics'] : [bo, boHero, 'woodwork'];
    published.push(await publishNext(maker, hero, { title: `Piece ${i}`, category, reserveMinor: 98_765 }));
  }
  published = published.reverse(); // newest first, as the feed shows them
}, 120_000);
afterAll(() => runtime?.stop());

describe('GET /v1/feed', () => {
  it('lists published stories newest first, 20 by default, with everything an item needs', async () => {
    const res = await api.call<Page>('GET', '/v1/feed');
    expect(res.status).toBe(200);
    expect(res.body.items.map((s) => s.id)).toEqual(published.slice(0, 20).map((s) => s.id));
    expect(res.body.nextCursor).toEqual(expect.any(String));
    const first = res.body.items[0]!;
    expect(first).toMatchObject({
      title: 'Piece 23',
      category: 'woodwork',
      maker: { id: bo.userId, displayName: 'Bo Wood', avatarUrl: null },
      auction: null,
      likeCount: 0,
      likedByMe: false,
      viewCount: 0,
      offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
      buyNowMinor: null,
    });
    expect(first.posterUrl).toMatch(/poster\.jpg$/);
    expect(first.playbackUrl).toMatch(/master\.m3u8$/);
    expect(Date.parse(first.publishedAt!)).toBeGreaterThan(Date.parse(res.body.items[1]!.publishedAt!));
  });

  it('never shows the reserve, not even to the owner', async () => {
    for (const token of [undefined, ada.accessToken]) {
      const res = await api.call<Page>('GET', '/v1/feed?limit=50', token ? { token } : {});
      expect(JSON.stringify(res.body)).not.toContain('98765');
      expect(res.body.items.every((s) => !('reserveMinor' in s))).toBe(true);
    }
  });

  it('takes limit 1–50 and refuses anything else with 400', async () => {
    expect((await api.call('GET', '/v1/feed?limit=0')).status).toBe(400);
    expect((await api.call('GET', '/v1/feed?limit=51')).status).toBe(400);
    expect((await api.call('GET', '/v1/feed?limit=abc')).status).toBe(400);
    const one = await api.call<Page>('GET', '/v1/feed?limit=1');
    expect(one.body.items).toHaveLength(1);
    const all = await api.call<Page>('GET', '/v1/feed?limit=50');
    expect(all.body.items).toHaveLength(24);
    expect(all.body.nextCursor).toBeNull();
  });

  it('walks every page once: no duplicates, no gaps, same order as one big page', async () => {
    for (const limit of [1, 5, 7, 24]) {
      expect(await readAll('', limit)).toEqual(published.map((s) => s.id));
    }
  });

  it('filters by category', async () => {
    const ceramics = await readAll('&category=ceramics', 5);
    expect(ceramics).toEqual(published.filter((s) => s.category === 'ceramics').map((s) => s.id));
    expect(ceramics).toHaveLength(12);
    expect((await api.call<Page>('GET', '/v1/feed?category=glass')).body.items).toEqual([]);
    expect((await api.call('GET', '/v1/feed?category=spaceships')).status).toBe(400);
  });

  it('refuses a cursor it did not give out', async () => {
    for (const cursor of ['garbage', Buffer.from('{"t":"x","i":"y"}').toString('base64url'), 'e30']) {
      const res = await api.call<{ error: { code: string } }>('GET', `/v1/feed?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_cursor');
    }
  });

  it('says whether the caller liked each item', async () => {
    const target = published[2]!;
    await api.call('PUT', `/v1/stories/${target.id}/like`, { token: viewer.accessToken });
    const mine = await api.call<Page>('GET', '/v1/feed?limit=5', { token: viewer.accessToken });
    expect(mine.body.items.map((s) => s.likedByMe)).toEqual([false, false, true, false, false]);
    expect(mine.body.items[2]!.likeCount).toBe(1);
    const anonymous = await api.call<Page>('GET', '/v1/feed?limit=5');
    expect(anonymous.body.items.every((s) => !s.likedByMe)).toBe(true);
    await api.call('DELETE', `/v1/stories/${target.id}/like`, { token: viewer.accessToken });
  });

  it('continues where it left off after new stories were published (no duplicates, no gaps)', async () => {
    const page1 = await api.call<Page>('GET', '/v1/feed?limit=5');
    const fresh = [
      await publishNext(ada, adaHero, { title: 'New 1' }),
      await publishNext(bo, boHero, { title: 'New 2' }),
    ];
    const page2 = await api.call<Page>('GET', `/v1/feed?limit=5&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((s) => s.id)).toEqual(published.slice(5, 10).map((s) => s.id));
    // The new stories are at the top for whoever starts again.
    const top = await api.call<Page>('GET', '/v1/feed?limit=2');
    expect(top.body.items.map((s) => s.id)).toEqual(fresh.reverse().map((s) => s.id));
    for (const s of fresh)
      await api.call('POST', `/v1/stories/${s.id}/archive`, {
        token: s.makerId === ada.userId ? ada.accessToken : bo.accessToken,
      });
  }, 60_000);

  it('keeps the order among stories published in the same instant and pages through them exactly', async () => {
    clock.advance(1_000);
    const sameInstant: StoryView[] = [];
    for (let i = 0; i < 6; i++)
      sameInstant.push(await createPublished(runtime, api, ada, { heroMediaId: adaHero, title: `Tie ${i}` }));
    const ids = await readAll('', 4);
    const ties = ids.slice(0, 6);
    expect(new Set(ties)).toEqual(new Set(sameInstant.map((s) => s.id)));
    expect(ties).toEqual([...ties].sort().reverse()); // ties broken by id, descending
    expect(ids.slice(6)).toEqual(published.map((s) => s.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const s of sameInstant) await api.call('POST', `/v1/stories/${s.id}/archive`, { token: ada.accessToken });
  }, 60_000);

  it('leaves drafts, unpublished and archived stories out', async () => {
    const story = published[0]!;
    await api.call('POST', `/v1/stories/${story.id}/unpublish`, { token: bo.accessToken });
    const ids = await readAll('', 50);
    expect(ids).not.toContain(story.id);
    expect(ids).toHaveLength(23);
    clock.advance(1_000);
    await api.call('POST', `/v1/stories/${story.id}/publish`, { token: bo.accessToken });
    expect((await readAll('', 50))[0]).toBe(story.id);
  });
});

describe('GET /v1/makers/:id/stories', () => {
  it("lists a maker's published stories to anyone and drafts only to the maker", async () => {
    const draft = await api.call<StoryView>('POST', '/v1/stories', {
      token: ada.accessToken,
      body: { title: 'Secret draft' },
    });
    const pub = await api.call<Page>('GET', `/v1/makers/${ada.userId}/stories?limit=50`);
    expect(pub.status).toBe(200);
    expect(pub.body.items.every((s) => s.status === 'published' && s.maker.id === ada.userId)).toBe(true);
    expect(pub.body.items.map((s) => s.id)).not.toContain(draft.body.id);
    expect((await api.call('GET', `/v1/makers/${ada.userId}/stories?status=draft`)).status).toBe(403);
    expect(
      (await api.call('GET', `/v1/makers/${ada.userId}/stories?status=all`, { token: bo.accessToken })).status,
    ).toBe(403);
    const drafts = await api.call<Page>('GET', `/v1/makers/${ada.userId}/stories?status=draft`, {
      token: ada.accessToken,
    });
    expect(drafts.body.items.map((s) => s.id)).toEqual([draft.body.id]);
    const all = await api.call<Page>('GET', `/v1/makers/${ada.userId}/stories?status=all&limit=3`, {
      token: ada.accessToken,
    });
    expect(all.body.items[0]!.id).toBe(draft.body.id);
    expect(all.body.nextCursor).toEqual(expect.any(String));
  });
});

describe('the shared anonymous page', () => {
  it('is one page for every viewer until it expires or the feed changes; signed-in viewers get their likes and like counts read fresh over it', async () => {
    const first = await api.call<Page>('GET', '/v1/feed?limit=5');
    const top = first.body.items[0]!;
    await runtime.ctx.pool.query('update stories.stories set like_count = like_count + 7 where id = $1', [top.id]);

    const shared = await api.call<Page>('GET', '/v1/feed?limit=5');
    expect(shared.headers['content-type']).toMatch(/^application\/json/);
    expect(shared.body).toEqual(first.body);
    const signedIn = await api.call<Page>('GET', '/v1/feed?limit=5', { token: viewer.accessToken });
    expect(signedIn.body.items[0]!.likeCount).toBe(top.likeCount + 7);
    expect(signedIn.body.items.map((s) => s.playbackUrl)).toEqual(first.body.items.map((s) => s.playbackUrl));

    // Publishing drops the shared page at once.
    const fresh = await publishNext(bo, boHero, { title: 'Fresh piece', category: 'woodwork' });
    const after = await api.call<Page>('GET', '/v1/feed?limit=5');
    expect(after.body.items.map((s) => s.id)).toEqual([fresh.id, ...first.body.items.slice(0, 4).map((s) => s.id)]);
    expect(after.body.items[1]!.likeCount).toBe(top.likeCount + 7);
    // The reserve never reaches the shared page either.
    expect(JSON.stringify(after.body)).not.toContain('98765');
  });
});
