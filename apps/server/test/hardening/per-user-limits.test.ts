/**
 * Per-user rate limits on bids and upload creations: a signed-in user over the budget gets 429
 * `rate_limited` with `Retry-After`, from any address, while another user behind the same address
 * carries on. (The per-IP limits, sign-in included, are tested in `platform/http/rate-limit.test.ts`.)
 */
import { portOpen } from '../net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  type Api,
} from '../../src/modules/auctions/test-support';
import { tusMetadata } from '../../src/modules/media/media-test-support';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { createTestDatabase, startTestServer } from '../harness';

const BIDS_PER_MINUTE = 3;
const UPLOADS_PER_HOUR = 2;
const SHARED_ADDRESS = '10.99.0.1';
const REDIS_URL = 'redis://127.0.0.1:6379';

const redisReachable = await portOpen(6379);
if (!redisReachable) console.log(`per-user limits across processes not tested: nothing answers at ${REDIS_URL}`);

let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  runtime = await startTestServer({
    env: {
      BID_RATE_LIMIT_PER_MINUTE: String(BIDS_PER_MINUTE),
      UPLOAD_RATE_LIMIT_PER_HOUR: String(UPLOADS_PER_HOUR),
    },
  });
  api = apiClient(runtime);
}, 60_000);
afterAll(async () => runtime?.stop());

interface Limited {
  error: { code: string; message: string };
  auction: { minNextBidMinor: number; bidCount: number };
}

function bid(
  auctionId: string,
  who: Session,
  amountMinor: number,
  maxAmountMinor: number,
  remoteAddress = SHARED_ADDRESS,
) {
  return api.call<Limited>('POST', `/v1/auctions/${auctionId}/bids`, {
    token: who.accessToken,
    body: { amountMinor, maxAmountMinor },
    remoteAddress,
  });
}

async function createUpload(who: Session, remoteAddress = SHARED_ADDRESS) {
  const res = await runtime.app!.inject({
    method: 'POST',
    url: '/v1/uploads',
    remoteAddress,
    headers: {
      'tus-resumable': '1.0.0',
      authorization: `Bearer ${who.accessToken}`,
      'upload-length': '1000',
      'upload-metadata': tusMetadata('video/mp4'),
    },
  });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

describe('per-user rate limits', () => {
  it(`hold each bidder to ${BIDS_PER_MINUTE} bids a minute, from any address, while others behind the same address bid on`, async () => {
    const maker = await signInMaker(api, 'limits-maker');
    const [opener, eager, other] = await Promise.all([
      signIn(api, 'limits-opener'),
      signIn(api, 'limits-eager'),
      signIn(api, 'limits-other'),
    ]);
    const auction = await openAuctionWith(api, await publishedStory(runtime, api, maker), opener);
    const min = auction.minNextBidMinor!;

    // Within the budget: a bid, then raises of the leader's own maximum.
    for (let i = 0; i < BIDS_PER_MINUTE; i++) {
      const res = await bid(auction.id, eager, min, min + 10_000 * (i + 1));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const before = (await api.call<{ bidCount: number }>('GET', `/v1/auctions/${auction.id}`)).body.bidCount;

    const limited = await bid(auction.id, eager, min, min + 50_000);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // The limit follows the user, not the address.
    expect((await bid(auction.id, eager, min, min + 60_000, '10.99.7.7')).status).toBe(429);
    // Refused before anything was recorded.
    expect((await api.call<{ bidCount: number }>('GET', `/v1/auctions/${auction.id}`)).body.bidCount).toBe(before);

    // Another user behind the same address still bids.
    const current = (await api.call<{ minNextBidMinor: number }>('GET', `/v1/auctions/${auction.id}`)).body;
    const theirs = await bid(auction.id, other, current.minNextBidMinor, current.minNextBidMinor);
    expect(theirs.status, JSON.stringify(theirs.body)).toBe(201);
  });

  it(`hold each maker to ${UPLOADS_PER_HOUR} upload creations an hour, while another maker at the same address uploads`, async () => {
    const [busy, calm] = await Promise.all([
      signInMaker(api, 'limits-uploader'),
      signInMaker(api, 'limits-calm-uploader'),
    ]);
    for (let i = 0; i < UPLOADS_PER_HOUR; i++) expect((await createUpload(busy)).status).toBe(201);
    const limited = await createUpload(busy);
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.body)).toMatchObject({ error: { code: 'rate_limited' } });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(60);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await createUpload(busy, '10.99.8.8')).status).toBe(429);
    expect((await createUpload(calm)).status).toBe(201);
  });

  it.runIf(redisReachable)(
    'hold across server processes when the counters live in Redis (needs Redis at 127.0.0.1:6379; skipped without it)',
    async () => {
      const databaseUrl = await createTestDatabase();
      const env = { REDIS_URL, BID_RATE_LIMIT_PER_MINUTE: String(BIDS_PER_MINUTE) };
      const [first, second] = await Promise.all([
        startTestServer({ databaseUrl, env }),
        startTestServer({ databaseUrl, env: { ...env, ROLES: 'api' } }),
      ]);
      try {
        const one = apiClient(first);
        const two = apiClient(second);
        const maker = await signInMaker(one, 'redis-limits-maker');
        const [opener, eager] = await Promise.all([
          signIn(one, 'redis-limits-opener'),
          signIn(one, 'redis-limits-eager'),
        ]);
        const auction = await openAuctionWith(one, await publishedStory(first, one, maker), opener);
        const min = auction.minNextBidMinor!;
        const bidVia = (client: Api, i: number) =>
          client.call('POST', `/v1/auctions/${auction.id}/bids`, {
            token: eager.accessToken,
            body: { amountMinor: min, maxAmountMinor: min + 10_000 * (i + 1) },
          });
        // The budget is spent across both processes ...
        for (let i = 0; i < BIDS_PER_MINUTE; i++) expect((await bidVia(i % 2 ? two : one, i)).status).toBe(201);
        // ... and neither lets the next bid through.
        expect((await bidVia(one, 10)).status).toBe(429);
        expect((await bidVia(two, 11)).status).toBe(429);
      } finally {
        await second.stop();
        await first.stop();
      }
    },
  );
});
