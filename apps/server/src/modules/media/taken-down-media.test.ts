import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { publishedStory } from '../auctions/test-support';
import type { MediaView } from './present';
import { freeShipping } from '../stories/test-support';

let runtime: Runtime;
let maker: Session;
let viewer: Session;
let admin: Session;

beforeAll(async () => {
  runtime = await startTestServer({ env: { ADMIN_EMAILS: 'takedown-admin@example.com' } });
  const api = apiClient(runtime);
  [maker, viewer, admin] = await Promise.all([
    api.signInMaker('takedown-maker@example.com', 'Taken Maker'),
    api.signIn('takedown-viewer@example.com'),
    api.signInAdmin('takedown-admin@example.com'),
  ]);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('taken-down stories', () => {
  it('security review: taken-down media still plays via GET /v1/media/:id — only the owner and admins get it after a take-down', async () => {
    const api = apiClient(runtime);
    const storyId = await publishedStory(runtime, api, maker);
    const story = await api.call<{ heroMediaId: string }>('GET', `/v1/stories/${storyId}`);
    const mediaId = story.body.heroMediaId;
    const play = async (url: string) => (await runtime.app!.inject({ method: 'GET', url })).statusCode;
    const media = (token?: string) =>
      api.call<MediaView & { error?: { code: string } }>('GET', `/v1/media/${mediaId}`, token ? { token } : {});

    // Before: anyone plays it. A viewer keeps the URLs they were handed.
    const before = await media(viewer.accessToken);
    expect(before.status).toBe(200);
    const handedOut = before.body.playbackUrl!;
    const handedOutPoster = before.body.posterUrl!;
    expect(await play(handedOut)).toBe(200);

    const takeDown = await api.call('POST', `/v1/admin/stories/${storyId}/unpublish`, {
      token: admin.accessToken,
      body: { reason: 'Counterfeit' },
    });
    expect(takeDown.status).toBe(200);

    // After: nobody else gets URLs, and the URLs handed out before stop working at once.
    expect((await media()).status).toBe(404);
    expect((await media(viewer.accessToken)).status).toBe(404);
    expect(await play(handedOut)).toBe(403);
    expect(await play(handedOutPoster)).toBe(403);
    const segment = handedOut.replace(/master\.m3u8$/, 'v0/init.mp4');
    expect([403, 404]).toContain(await play(segment));

    // The owner and admins still see and play it (to appeal, to review).
    for (const who of [maker, admin]) {
      const view = await media(who.accessToken);
      expect(view.status).toBe(200);
      expect(await play(view.body.playbackUrl!)).toBe(200);
      expect(await play(view.body.posterUrl!)).toBe(200);
    }

    // The taken-down video cannot be published again under another story.
    const again = await api.call<{ error: { code: string } }>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: {
        title: 'The same piece again',
        category: 'woodwork',
        heroMediaId: mediaId,
        offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
        shipping: freeShipping,
      },
    });
    const published =
      again.status === 201
        ? await api.call<{ error: { code: string } }>(
            'POST',
            `/v1/stories/${(again.body as unknown as { id: string }).id}/publish`,
            {
              token: maker.accessToken,
            },
          )
        : again;
    expect(published.status).toBeGreaterThanOrEqual(400);
  });
});
