import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { createPublished, email } from '../../src/modules/stories/test-support';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let maker: Session;

beforeAll(async () => {
  runtime = await startTestServer({
    env: {
      ANONYMOUS_VIEWS_PER_ADDRESS_PER_STORY_PER_DAY: '5',
      ANALYTICS_BATCHES_PER_CLIENT_PER_MINUTE: '4',
      ANALYTICS_BATCHES_PER_ADDRESS_PER_MINUTE: '8',
    },
  });
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
}, 60_000);
afterAll(async () => runtime?.stop());

describe('security review: views and analytics can be inflated anonymously', () => {
  it('counts views of fresh client ids from one address only up to the cap, per story and day', async () => {
    const story = await createPublished(runtime, api, maker);
    const counted: boolean[] = [];
    let last = 0;
    for (let i = 0; i < 30; i++) {
      const res = await api.call<{ counted: boolean; viewCount: number }>('POST', `/v1/stories/${story.id}/views`, {
        headers: { 'x-client-id': randomUUID() },
        body: {},
        remoteAddress: '198.51.100.20',
      });
      expect(res.status).toBe(200);
      counted.push(res.body.counted);
      last = res.body.viewCount;
    }
    expect(counted.filter(Boolean)).toHaveLength(5);
    expect(last).toBe(5);
    // Another address, and a signed-in viewer, still count.
    const elsewhere = await api.call<{ counted: boolean }>('POST', `/v1/stories/${story.id}/views`, {
      headers: { 'x-client-id': randomUUID() },
      body: {},
      remoteAddress: '198.51.100.21',
    });
    expect(elsewhere.body.counted).toBe(true);
    const viewer = await api.signIn(email('viewer'), { remoteAddress: '198.51.100.20' });
    const signedIn = await api.call<{ counted: boolean }>('POST', `/v1/stories/${story.id}/views`, {
      token: viewer.accessToken,
      body: {},
      remoteAddress: '198.51.100.20',
    });
    expect(signedIn.body.counted).toBe(true);
  });

  it('caps analytics batches per client id and per address per minute', async () => {
    const story = await createPublished(runtime, api, maker);
    const send = (clientId: string, remoteAddress: string) =>
      api.call('POST', '/v1/analytics/events', {
        headers: { 'x-client-id': clientId },
        body: { events: [{ type: 'story_view', storyId: story.id }] },
        remoteAddress,
      });
    const one = randomUUID();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await send(one, '198.51.100.30')).status);
    expect(statuses).toEqual([202, 202, 202, 202, 429]);
    // Fresh client ids from the same address run into the address cap (8, of which 5 are spent).
    const fresh: number[] = [];
    for (let i = 0; i < 6; i++) fresh.push((await send(randomUUID(), '198.51.100.30')).status);
    expect(fresh.filter((s) => s === 202)).toHaveLength(3);
    expect(fresh.at(-1)).toBe(429);
  });
});
