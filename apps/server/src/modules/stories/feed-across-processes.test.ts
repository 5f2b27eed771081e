/**
 * Two API processes sharing the database and Redis, each keeping the shared feed page in its own
 * memory as well as in Redis (kept a minute here, far longer than any step): what one process
 * publishes, the other shows at once, because the drop reaches it over the event bus.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { portOpen } from '../../../test/net';
import { createReadyMedia } from '../media/test-fixtures';
import type { StoryCard } from './schemas';
import { createPublished, email } from './test-support';

type Page = { items: StoryCard[]; nextCursor: string | null };

const redisUp = await portOpen(6379);

describe.runIf(redisUp)('the feed page kept by two processes sharing Redis (needs Redis at 127.0.0.1:6379)', () => {
  let a: Runtime;
  let b: Runtime;
  let maker: Session;
  let viewer: Session;
  let hero: string;

  /**
   * B's feed, signed out or as `who`, read again until `done` holds (or three seconds have passed:
   * the bus delivers in milliseconds, the margin is for a loaded machine; the page is kept a minute).
   */
  const feedOfB = async (who: Session | null, done: (page: Page) => boolean): Promise<Page> => {
    const until = Date.now() + 3_000;
    for (;;) {
      const res = await apiClient(b).call<Page>('GET', '/v1/feed?limit=20', who ? { token: who.accessToken } : {});
      expect(res.status).toBe(200);
      if (done(res.body) || Date.now() > until) return res.body;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const titles = (page: Page) => page.items.map((card) => card.title);

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase();
    const env = { REDIS_URL: 'redis://127.0.0.1:6379', FEED_CACHE_MS: '60000' };
    a = await startTestServer({ databaseUrl, env });
    b = await startTestServer({ databaseUrl, env: { ...env, ROLES: 'api' } });
    maker = await apiClient(a).signInMaker(email('near-maker'), 'Near Maker');
    viewer = await apiClient(a).signIn(email('near-viewer'));
    hero = await createReadyMedia(a, maker.userId);
    await createPublished(a, apiClient(a), maker, { heroMediaId: hero, title: 'First bowl' });
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('shows in B, signed out and signed in, what A publishes while B keeps the page', async () => {
    // B reads the page, so B keeps it (and Redis holds it) for a minute.
    expect(titles(await feedOfB(null, () => true))).toEqual(['First bowl']);
    expect(titles(await feedOfB(viewer, () => true))).toEqual(['First bowl']);

    await createPublished(a, apiClient(a), maker, { heroMediaId: hero, title: 'Second bowl' });
    const fresh = (page: Page) => titles(page).includes('Second bowl');
    expect(titles(await feedOfB(null, fresh))).toEqual(['Second bowl', 'First bowl']);
    expect(titles(await feedOfB(viewer, fresh))).toEqual(['Second bowl', 'First bowl']);
  });
});
