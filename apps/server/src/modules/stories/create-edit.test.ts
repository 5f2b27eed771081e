import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryView } from './schemas';
import { createDraft, createPublished, email, offerPolicy, type Api } from './test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;
let otherMaker: Session;
let viewer: Session;

beforeAll(async () => {
  runtime = await startTestServer();
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
  otherMaker = await api.signInMaker(email('other'), 'Bo Wood');
  viewer = await api.signIn(email('viewer'));
}, 60_000);
afterAll(() => runtime?.stop());

describe('creating a story', () => {
  it('lets a maker create a draft with every section', async () => {
    const heroMediaId = await createReadyMedia(runtime, maker.userId);
    const res = await api.call<StoryView>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: {
        title: '  Moon jar  ',
        description: 'Thrown in two halves.',
        category: 'ceramics',
        heroMediaId,
        gallery: [heroMediaId],
        processSteps: [
          { title: 'Throwing', body: 'Two bowls.' },
          { title: 'Joining', mediaId: heroMediaId },
        ],
        materials: ['stoneware', 'ash glaze'],
        notes: 'Leans a little.',
        location: { city: 'Porto', country: 'pt', lat: 41.15, lng: -8.61 },
        offerPolicy: { minOfferMinor: 18_000, currency: 'eur', autoRejectBelowMin: false },
        reserveMinor: 24_000,
        buyNowMinor: 42_000,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Moon jar',
      status: 'draft',
      makerId: maker.userId,
      maker: { id: maker.userId, displayName: 'Ada Clay' },
      category: 'ceramics',
      materials: ['stoneware', 'ash glaze'],
      location: { city: 'Porto', country: 'PT', lat: 41.15, lng: -8.61 },
      offerPolicy: { minOfferMinor: 18_000, currency: 'EUR', autoRejectBelowMin: false },
      reserveMinor: 24_000,
      buyNowMinor: 42_000,
      publishedAt: null,
      likeCount: 0,
      viewCount: 0,
    });
    expect(res.body.hero?.playbackUrl).toMatch(/master\.m3u8$/);
    expect(res.body.gallery).toHaveLength(1);
    expect(res.body.processSteps.map((s) => [s.title, s.mediaId])).toEqual([
      ['Throwing', null],
      ['Joining', heroMediaId],
    ]);
  }, 60_000);

  it('refuses viewers (403) and anonymous callers (401)', async () => {
    const asViewer = await api.call('POST', '/v1/stories', { token: viewer.accessToken, body: { title: 'Nope' } });
    expect(asViewer.status).toBe(403);
    const anonymous = await api.call('POST', '/v1/stories', { body: { title: 'Nope' } });
    expect(anonymous.status).toBe(401);
  });

  it('keeps titles between 1 and 200 characters', async () => {
    const post = (title: string) => api.call('POST', '/v1/stories', { token: maker.accessToken, body: { title } });
    expect((await post('')).status).toBe(400);
    expect((await post('   ')).status).toBe(400);
    expect((await post('x'.repeat(201))).status).toBe(400);
    expect((await post('x'.repeat(200))).status).toBe(201);
    expect((await post('x')).status).toBe(201);
  });

  it('validates category, country, coordinates and currency', async () => {
    const post = (body: Record<string, unknown>) =>
      api.call<{ error: { code: string } }>('POST', '/v1/stories', {
        token: maker.accessToken,
        body: { title: 'T', ...body },
      });
    expect((await post({ category: 'spaceships' })).status).toBe(400);
    expect((await post({ location: { city: 'X', country: 'XX' } })).status).toBe(400);
    expect((await post({ location: { city: 'X', country: 'FR', lat: 91, lng: 0 } })).status).toBe(400);
    expect((await post({ location: { city: 'X', country: 'FR', lat: 10 } })).status).toBe(400);
    expect((await post({ offerPolicy: { minOfferMinor: 100, currency: 'ABC' } })).status).toBe(400);
    expect((await post({ offerPolicy: { minOfferMinor: 10.5, currency: 'USD' } })).status).toBe(400);
    const defaults = await api.call<StoryView>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'T', offerPolicy: { minOfferMinor: 100 } },
    });
    expect(defaults.body.offerPolicy).toEqual({ minOfferMinor: 100, currency: 'USD', autoRejectBelowMin: true });
    expect(defaults.body.category).toBe('other');
  });

  it('refuses prices that do not add up', async () => {
    const post = (body: Record<string, unknown>) =>
      api.call<{ error: { code: string } }>('POST', '/v1/stories', {
        token: maker.accessToken,
        body: { title: 'T', ...body },
      });
    expect((await post({ reserveMinor: 5_000 })).body.error.code).toBe('offer_policy_required');
    expect((await post({ offerPolicy, buyNowMinor: 9_999 })).body.error.code).toBe('buy_now_below_minimum');
    expect((await post({ offerPolicy, reserveMinor: 30_000, buyNowMinor: 20_000 })).body.error.code).toBe(
      'buy_now_below_reserve',
    );
  });

  it("refuses someone else's media, unknown media and an image as hero", async () => {
    const theirs = await createReadyMedia(runtime, otherMaker.userId);
    const res = await api.call<{ error: { code: string } }>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'T', heroMediaId: theirs },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('story_media_not_found');
    const unknown = await api.call('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'T', gallery: [randomUUID()] },
    });
    expect(unknown.status).toBe(422);
  }, 60_000);
});

describe('reading a story', () => {
  it('shows drafts only to their owner (and admins), published stories to anyone', async () => {
    const draft = await createDraft(runtime, api, maker);
    expect((await api.call('GET', `/v1/stories/${draft.id}`, { token: maker.accessToken })).status).toBe(200);
    expect((await api.call('GET', `/v1/stories/${draft.id}`, { token: otherMaker.accessToken })).status).toBe(404);
    expect((await api.call('GET', `/v1/stories/${draft.id}`)).status).toBe(404);
    await api.call('POST', `/v1/stories/${draft.id}/publish`, { token: maker.accessToken });
    expect((await api.call('GET', `/v1/stories/${draft.id}`)).status).toBe(200);
    expect((await api.call('GET', `/v1/stories/${randomUUID()}`)).status).toBe(404);
  }, 60_000);

  it('hides the reserve from everyone but the owner', async () => {
    const story = await createPublished(runtime, api, maker, { reserveMinor: 98_765 });
    const own = await api.call<StoryView>('GET', `/v1/stories/${story.id}`, { token: maker.accessToken });
    expect(own.body.reserveMinor).toBe(98_765);
    for (const token of [otherMaker.accessToken, viewer.accessToken, undefined]) {
      const res = await api.call<StoryView>('GET', `/v1/stories/${story.id}`, token ? { token } : {});
      expect(res.status).toBe(200);
      expect(res.body).not.toHaveProperty('reserveMinor');
      expect(JSON.stringify(res.body)).not.toContain('98765');
    }
  }, 60_000);
});

describe('editing a story', () => {
  it('lets only the owner edit: another maker gets 403 on a published story, 404 on a draft', async () => {
    const published = await createPublished(runtime, api, maker);
    const draft = await createDraft(runtime, api, maker);
    const patch = (id: string, token: string) =>
      api.call('PATCH', `/v1/stories/${id}`, { token, body: { title: 'Mine now' } });
    expect((await patch(published.id, otherMaker.accessToken)).status).toBe(403);
    expect((await patch(draft.id, otherMaker.accessToken)).status).toBe(404);
    expect((await patch(published.id, viewer.accessToken)).status).toBe(403);
    const own = await api.call<StoryView>('PATCH', `/v1/stories/${published.id}`, {
      token: maker.accessToken,
      body: { title: 'Renamed', materials: ['walnut'], location: null },
    });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ title: 'Renamed', materials: ['walnut'], location: null, status: 'published' });
    const after = await api.call<StoryView>('GET', `/v1/stories/${published.id}`);
    expect(after.body.title).toBe('Renamed');
  }, 60_000);

  it('keeps a published story publishable: no clearing its offer policy or hero, no unready hero', async () => {
    const story = await createPublished(runtime, api, maker);
    const patch = (body: Record<string, unknown>) =>
      api.call<{ error: { code: string } }>('PATCH', `/v1/stories/${story.id}`, { token: maker.accessToken, body });
    expect((await patch({ offerPolicy: null })).body.error.code).toBe('offer_policy_required');
    expect((await patch({ heroMediaId: null })).body.error.code).toBe('hero_video_not_ready');
    expect((await patch({ title: '' })).status).toBe(400);
    const fresh = await createReadyMedia(runtime, maker.userId);
    expect((await patch({ heroMediaId: fresh })).status).toBe(200);
  }, 60_000);

  it('lets the owner unpublish, archive and publish again', async () => {
    const story = await createPublished(runtime, api, maker);
    const unpublished = await api.call<StoryView>('POST', `/v1/stories/${story.id}/unpublish`, {
      token: maker.accessToken,
    });
    expect(unpublished.body.status).toBe('draft');
    expect((await api.call('GET', `/v1/stories/${story.id}`)).status).toBe(404);
    expect((await api.call('POST', `/v1/stories/${story.id}/archive`, { token: otherMaker.accessToken })).status).toBe(
      404,
    );
    const archived = await api.call<StoryView>('POST', `/v1/stories/${story.id}/archive`, { token: maker.accessToken });
    expect(archived.body.status).toBe('archived');
    const republished = await api.call<StoryView>('POST', `/v1/stories/${story.id}/publish`, {
      token: maker.accessToken,
    });
    expect(republished.body.status).toBe('published');
  }, 60_000);
});
