import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryView } from './schemas';
import { createDraft, createPublished, email, type Api } from './test-support';

// Just before a UTC midnight (tomorrow's, so tokens are never issued in the past).
const clock = new ManualClock(
  Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1, 23, 58),
);
let runtime: Runtime;
let api: Api;
let maker: Session;
let hero: string;

type LikeState = { liked: boolean; likeCount: number };
type ViewResult = { counted: boolean; viewCount: number };

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
  hero = await createReadyMedia(runtime, maker.userId);
}, 60_000);
afterAll(() => runtime?.stop());

const like = (id: string, s: Session) => api.call<LikeState>('PUT', `/v1/stories/${id}/like`, { token: s.accessToken });
const unlike = (id: string, s: Session) =>
  api.call<LikeState>('DELETE', `/v1/stories/${id}/like`, { token: s.accessToken });

describe('likes', () => {
  it('are idempotent: liking twice is one like, unliking twice is none', async () => {
    const story = await createPublished(runtime, api, maker, { heroMediaId: hero });
    const viewer = await api.signIn(email('viewer'));
    expect((await like(story.id, viewer)).body).toEqual({ liked: true, likeCount: 1 });
    expect((await like(story.id, viewer)).body).toEqual({ liked: true, likeCount: 1 });
    expect((await unlike(story.id, viewer)).body).toEqual({ liked: false, likeCount: 0 });
    expect((await unlike(story.id, viewer)).body).toEqual({ liked: false, likeCount: 0 });
    const page = await api.call<StoryView>('GET', `/v1/stories/${story.id}`, { token: viewer.accessToken });
    expect(page.body).toMatchObject({ likeCount: 0, likedByMe: false });
  });

  it('need a signed-in caller and a published story', async () => {
    const story = await createPublished(runtime, api, maker, { heroMediaId: hero });
    expect((await api.call('PUT', `/v1/stories/${story.id}/like`)).status).toBe(401);
    const draft = await createDraft(runtime, api, maker, { heroMediaId: hero });
    expect((await like(draft.id, maker)).status).toBe(404);
  });

  it('keep an exact count under concurrent requests', async () => {
    const story = await createPublished(runtime, api, maker, { heroMediaId: hero });
    const viewers = await Promise.all(Array.from({ length: 16 }, (_, i) => api.signIn(email(`fan${i}`))));
    // Every fan likes three times at once, all fans together.
    const answers = await Promise.all(
      viewers.flatMap((v) => [like(story.id, v), like(story.id, v), like(story.id, v)]),
    );
    expect(answers.every((a) => a.status === 200 && a.body.liked)).toBe(true);
    expect(Math.max(...answers.map((a) => a.body.likeCount))).toBe(16);
    let page = await api.call<StoryView>('GET', `/v1/stories/${story.id}`);
    expect(page.body.likeCount).toBe(16);

    // Half of them unlike (twice each) while the other half like again, all at once.
    await Promise.all(
      viewers.flatMap((v, i) => (i % 2 === 0 ? [unlike(story.id, v), unlike(story.id, v)] : [like(story.id, v)])),
    );
    page = await api.call<StoryView>('GET', `/v1/stories/${story.id}`);
    expect(page.body.likeCount).toBe(8);
  }, 60_000);
});

describe('views', () => {
  const view = (id: string, options: { token?: string; clientId?: string; inBody?: boolean } = {}) =>
    api.call<ViewResult>('POST', `/v1/stories/${id}/views`, {
      ...(options.token ? { token: options.token } : {}),
      ...(options.clientId && !options.inBody ? { headers: { 'x-client-id': options.clientId } } : {}),
      body: options.clientId && options.inBody ? { clientId: options.clientId } : {},
    });

  it('count once per viewer per story per UTC day', async () => {
    clock.set(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate() + 1, 23, 59, 0));
    const story = await createPublished(runtime, api, maker, { heroMediaId: hero });
    const viewer = await api.signIn(email('watcher'));
    expect((await view(story.id, { token: viewer.accessToken })).body).toEqual({ counted: true, viewCount: 1 });
    expect((await view(story.id, { token: viewer.accessToken })).body).toEqual({ counted: false, viewCount: 1 });
    expect((await view(story.id, { clientId: 'device-aaaa-1111' })).body).toEqual({ counted: true, viewCount: 2 });
    expect((await view(story.id, { clientId: 'device-aaaa-1111', inBody: true })).body.counted).toBe(false);
    expect((await view(story.id, { clientId: 'device-bbbb-2222', inBody: true })).body).toEqual({
      counted: true,
      viewCount: 3,
    });

    clock.advance(59_000); // 23:59:59 — still the same day
    expect((await view(story.id, { token: viewer.accessToken })).body.counted).toBe(false);
    clock.advance(2_000); // 00:00:01 — a new UTC day
    expect((await view(story.id, { token: viewer.accessToken })).body).toEqual({ counted: true, viewCount: 4 });
    expect((await view(story.id, { clientId: 'device-aaaa-1111' })).body).toEqual({ counted: true, viewCount: 5 });
    expect((await view(story.id, { clientId: 'device-aaaa-1111' })).body.counted).toBe(false);

    const page = await api.call<StoryView>('GET', `/v1/stories/${story.id}`);
    expect(page.body.viewCount).toBe(5);
  }, 60_000);

  it('count one view when the same viewer sends many at once', async () => {
    const story = await createPublished(runtime, api, maker, { heroMediaId: hero });
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => view(story.id, { clientId: 'device-cccc-3333' })),
    );
    expect(answers.filter((a) => a.body.counted)).toHaveLength(1);
    expect((await api.call<StoryView>('GET', `/v1/stories/${story.id}`)).body.viewCount).toBe(1);
  });

  it('need a client id from anonymous viewers, and a published story', async () => {
    const story = await createPublished(runtime, api, maker, { heroMediaId: hero });
    const res = await api.call<{ error: { code: string } }>('POST', `/v1/stories/${story.id}/views`, { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('client_id_required');
    const draft = await createDraft(runtime, api, maker, { heroMediaId: hero });
    expect((await view(draft.id, { clientId: 'device-dddd-4444' })).status).toBe(404);
  });
});
