import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishedStory, signIn, signInMaker, startAuctionServer, type Api } from '../auctions/test-support';

let runtime: Awaited<ReturnType<typeof startAuctionServer>>['runtime'];
let api: Api;
let storyId: string;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer());
  const maker = await signInMaker(api, 'beacon-maker');
  storyId = await publishedStory(runtime, api, maker);
});
afterAll(async () => runtime.stop());

/** What `navigator.sendBeacon(url, new Blob([json], { type: 'application/json' }))` sends: no headers of ours. */
const beacon = (body: unknown, extra: Record<string, string> = {}) =>
  runtime.app!.inject({
    method: 'POST',
    url: '/v1/analytics/events',
    headers: { 'content-type': 'application/json', ...extra },
    payload: JSON.stringify(body),
  });

async function storedFor(anonymousId: string): Promise<{ type: string; user_id: string | null }[]> {
  const { rows } = await runtime.ctx.pool.query<{ type: string; user_id: string | null }>(
    'select type, user_id from analytics.events where anonymous_id = $1 order by id',
    [anonymousId],
  );
  return rows;
}

describe('POST /v1/analytics/events from a beacon (no headers)', () => {
  it('takes the anonymous client id from the batch', async () => {
    const clientId = randomUUID();
    const res = await beacon({
      clientId,
      events: [
        { type: 'feed_impression', storyId, feedPosition: 0 },
        { type: 'play', storyId, positionMs: 0 },
      ],
    });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 2, dropped: 0 });
    expect((await storedFor(clientId)).map((e) => e.type)).toEqual(['feed_impression', 'play']);
  });

  it('prefers the X-Client-Id header over the batch’s id', async () => {
    const header = randomUUID();
    const inBody = randomUUID();
    const res = await beacon(
      { clientId: inBody, events: [{ type: 'story_view', storyId }] },
      { 'x-client-id': header },
    );
    expect(res.statusCode).toBe(202);
    expect(await storedFor(header)).toHaveLength(1);
    expect(await storedFor(inBody)).toHaveLength(0);
  });

  it('stores a signed-in viewer by account even when the batch names a client id', async () => {
    const viewer = await signIn(api, 'beacon-viewer');
    const clientId = randomUUID();
    const res = await beacon(
      { clientId, events: [{ type: 'like', storyId }] },
      { authorization: `Bearer ${viewer.accessToken}` },
    );
    expect(res.statusCode).toBe(202);
    expect(await storedFor(clientId)).toHaveLength(0);
    const { rows } = await runtime.ctx.pool.query('select 1 from analytics.events where user_id = $1', [viewer.userId]);
    expect(rows).toHaveLength(1);
  });

  it('refuses an anonymous beacon without an id (400 client_id_required) and an id that is not a UUID (400)', async () => {
    const without = await beacon({ events: [{ type: 'play', storyId }] });
    expect(without.statusCode).toBe(400);
    expect(without.json()).toMatchObject({ error: { code: 'client_id_required' } });
    const bad = await beacon({ clientId: 'not-a-uuid', events: [{ type: 'play', storyId }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: { code: 'validation_failed' } });
  });
});
