import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import type { StoryView } from './schemas';
import { createDraft, createPublished, email, freeShipping, type Api } from './test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;

beforeAll(async () => {
  runtime = await startTestServer();
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
}, 60_000);
afterAll(() => runtime?.stop());

describe('StoriesService for other modules', () => {
  it('gives the terms a story sells on, reserve included', async () => {
    const story = await createPublished(runtime, api, maker, { reserveMinor: 30_000, buyNowMinor: 50_000 });
    const terms = await runtime.modules.stories.storyTerms(story.id);
    expect(terms).toEqual({
      id: story.id,
      makerId: maker.userId,
      status: 'published',
      title: 'A walnut bowl',
      offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
      reserveMinor: 30_000,
      buyNowMinor: 50_000,
      heroMediaId: story.heroMediaId,
      currency: 'USD',
      shipping: freeShipping,
    });
    expect(await runtime.modules.stories.storyTerms(randomUUID())).toBeNull();
    expect(await runtime.modules.stories.storyTerms('not-a-uuid')).toBeNull();
  }, 60_000);

  it('locks the story while an auction starts, so a terms edit waits for it', async () => {
    const story = await createPublished(runtime, api, maker);
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const auctionStart = runtime.ctx.db.transaction(async (tx) => {
      const terms = await runtime.modules.stories.lockStoryTerms(tx, story.id);
      expect(terms?.offerPolicy?.minOfferMinor).toBe(10_000);
      await held;
      order.push('auction committed');
    });
    await new Promise((r) => setTimeout(r, 100));
    const edit = api
      .call('PATCH', `/v1/stories/${story.id}`, {
        token: maker.accessToken,
        body: { offerPolicy: { minOfferMinor: 5_000, currency: 'USD', autoRejectBelowMin: true } },
      })
      .then((res) => order.push(`edit ${res.status}`));
    await new Promise((r) => setTimeout(r, 300));
    expect(order).toEqual([]);
    release();
    await Promise.all([auctionStart, edit]);
    expect(order).toEqual(['auction committed', 'edit 200']);
  }, 60_000);

  it('summarises stories by id, whatever their status', async () => {
    const published = await createPublished(runtime, api, maker);
    const draft = await createDraft(runtime, api, maker);
    const map = await runtime.modules.stories.storiesByIds([
      published.id,
      draft.id,
      randomUUID(),
      'junk',
      published.id,
    ]);
    expect([...map.keys()].sort()).toEqual([published.id, draft.id].sort());
    expect(map.get(draft.id)).toMatchObject({
      status: 'draft',
      makerId: maker.userId,
      moderated: false,
      publishedAt: null,
    });
  }, 60_000);
});

describe("a user's data", () => {
  it('is exported and, when the account is deleted, erased: likes, views, reports, stories', async () => {
    const person = await api.signInMaker(email('person'), 'Cy Glass');
    const theirStory = await createPublished(runtime, api, person, {
      location: { city: 'Lyon', country: 'FR', lat: 45.76, lng: 4.83 },
    });
    const other = await createPublished(runtime, api, maker);
    await api.call('PUT', `/v1/stories/${other.id}/like`, { token: person.accessToken });
    await api.call('POST', `/v1/stories/${other.id}/views`, { token: person.accessToken, body: {} });
    const report = await api.call<{ id: string }>('POST', '/v1/reports', {
      token: person.accessToken,
      body: { targetType: 'story', targetId: other.id, reason: 'Copy of my design' },
    });

    const exported = await api.call<{
      stories: { likes: unknown[]; views: unknown[]; reports: unknown[]; stories: unknown[] };
    }>('GET', '/v1/me/export', { token: person.accessToken });
    expect(exported.status).toBe(200);
    expect(exported.body.stories.likes).toEqual([{ storyId: other.id, likedAt: expect.any(String) as string }]);
    expect(exported.body.stories.views).toHaveLength(1);
    expect(exported.body.stories.reports).toEqual([expect.objectContaining({ id: report.body.id })]);
    expect(exported.body.stories.stories).toEqual([expect.objectContaining({ id: theirStory.id, reserveMinor: null })]);

    expect((await api.call('DELETE', '/v1/me', { token: person.accessToken })).status).toBe(204);
    const after = await api.call<StoryView>('GET', `/v1/stories/${other.id}`);
    expect(after.body.likeCount).toBe(0);
    expect(after.body.viewCount).toBe(1); // counts are not personal; who viewed is
    const leftovers = await runtime.ctx.db.execute<{
      likes: number;
      views: number;
      reports: number;
      reporter: string | null;
    }>(sql`
      select (select count(*)::int from stories.likes where user_id = ${person.userId}) as likes,
             (select count(*)::int from stories.daily_views where viewer_key = ${`u:${person.userId}`}) as views,
             (select count(*)::int from stories.reports where id = ${report.body.id}) as reports,
             (select reporter_id from stories.reports where id = ${report.body.id}) as reporter`);
    expect(leftovers.rows[0]).toEqual({ likes: 0, views: 0, reports: 1, reporter: null });
    const summary = (await runtime.modules.stories.storiesByIds([theirStory.id])).get(theirStory.id);
    expect(summary?.status).toBe('archived');
    const place = await runtime.ctx.db.execute<{ city: string | null; lat: number | null }>(
      sql`select location_city as city, location_lat as lat from stories.stories where id = ${theirStory.id}`,
    );
    expect(place.rows[0]).toEqual({ city: null, lat: null });
  }, 60_000);
});
