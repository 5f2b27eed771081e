import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import {
  bid,
  FAST_ENV,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
} from './test-support';

let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ env: FAST_ENV }));
}, 60_000);
afterAll(async () => runtime?.stop());

describe('a user the maker blocked', () => {
  it("cannot offer on the maker's story nor bid mid-auction (403 blocked_by_maker); others still can", async () => {
    const maker = await signInMaker(api, 'blocking-maker');
    const opener = await signIn(api, 'blocking-opener');
    const blocked = await signIn(api, 'blocking-blocked');
    const storyId = await publishedStory(runtime, api, maker);
    const before = await publishedStory(runtime, api, maker);
    expect((await api.call('PUT', `/v1/users/${blocked.userId}/block`, { token: maker.accessToken })).body).toEqual({
      blocked: true,
    });

    const offer = await api.call<{ error: { code: string } }>('POST', `/v1/stories/${before}/offers`, {
      token: blocked.accessToken,
      body: { amountMinor: 10_000 },
    });
    expect(offer.status).toBe(403);
    expect(offer.body.error.code).toBe('blocked_by_maker');

    const auction = await openAuctionWith(api, storyId, opener, 10_000);
    const refused = await bid(api, auction.id, blocked, auction.minNextBidMinor!);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('blocked_by_maker');
    const bids = await api.call<{ items: unknown[] }>('GET', `/v1/auctions/${auction.id}/bids`);
    expect(bids.body.items).toHaveLength(1);

    await api.call('DELETE', `/v1/users/${blocked.userId}/block`, { token: maker.accessToken });
    expect((await bid(api, auction.id, blocked, auction.minNextBidMinor!)).status).toBe(201);
  });

  it("cannot buy the maker's piece outright either, and the piece stays free for others", async () => {
    const maker = await signInMaker(api, 'blocking-seller');
    const blocked = await signIn(api, 'blocking-buyer');
    const other = await signIn(api, 'blocking-other-buyer');
    const storyId = await publishedStory(runtime, api, maker, { buyNowMinor: 25_000 });
    await api.call('PUT', `/v1/users/${blocked.userId}/block`, { token: maker.accessToken });

    const refused = await api.call<{ error: { code: string } }>('POST', `/v1/stories/${storyId}/buy`, {
      token: blocked.accessToken,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('blocked_by_maker');
    // Nothing was held: someone else buys it at once.
    expect((await api.call('POST', `/v1/stories/${storyId}/buy`, { token: other.accessToken })).status).toBe(201);
  });
});
