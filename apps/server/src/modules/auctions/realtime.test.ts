/**
 * Live updates across processes: two runtimes on one database, a WebSocket client on process B
 * hears bids made through process A — over PostgreSQL LISTEN/NOTIFY, and over Redis when present.
 */
import { describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import type { Runtime } from '../../composition/runtime';
import { startTestServer } from '../../../test/harness';
import { connectLive } from '../../../test/live-client';
import { portOpen } from '../../../test/net';
import { bid, openAuctionWith, publishedStory, signIn, signInMaker, startAuctionServer, waitFor } from './test-support';

const REDIS_URL = 'redis://127.0.0.1:6379';

const redisReachable = await portOpen(6379);
if (!redisReachable) console.log(`realtime over Redis not tested: nothing answers at ${REDIS_URL}`);

async function scenario(env: Record<string, string>): Promise<void> {
  const { runtime: a, api } = await startAuctionServer({ env });
  let b: Runtime | null = null;
  const sockets: WebSocket[] = [];
  try {
    b = await startTestServer({ databaseUrl: a.databaseUrl, env });
    const base = (await b.app!.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws');
    const maker = await signInMaker(api, 'live-maker');
    const storyId = await publishedStory(a, api, maker);
    const opener = await signIn(api, 'live-opener');
    const bidder = await signIn(api, 'live-bidder');
    const auction = await openAuctionWith(api, storyId, opener, 10_000);

    const watcher = await connectLive(`${base}/v1/realtime`);
    const outbid = await connectLive(`${base}/v1/realtime?token=${opener.accessToken}`);
    sockets.push(watcher.socket, outbid.socket);
    watcher.send({ type: 'subscribe', channel: `auction:${auction.id}` });
    outbid.send({ type: 'subscribe', channel: `user:${opener.userId}` });
    outbid.send({ type: 'subscribe', channel: `user:${bidder.userId}` });
    await waitFor(async () => watcher.messages.some((m) => m.type === 'subscribed'));
    const forbidden = await waitFor(async () => outbid.messages.find((m) => m.type === 'error'));
    expect(forbidden).toMatchObject({ code: 'channel_forbidden', channel: `user:${bidder.userId}` });
    await waitFor(async () => outbid.messages.some((m) => m.type === 'subscribed'));

    const placed = await bid(api, auction.id, bidder, 10_600);
    expect(placed.status).toBe(201);
    const live = await waitFor(async () => watcher.messages.find((m) => m.type === 'bid_placed'));
    expect(live.channel).toBe(`auction:${auction.id}`);
    expect(live.data).toMatchObject({
      amountMinor: 10_600,
      leaderAlias: 'Bidder 2',
      endsAt: placed.body.auction.endsAt,
      minNextBidMinor: 11_300,
      reserveMet: true,
      bidCount: 2,
    });
    expect(Math.abs(Date.parse(live.serverTime!) - Date.now())).toBeLessThan(5_000);
    const notice = await waitFor(async () => outbid.messages.find((m) => m.type === 'outbid'));
    expect(notice).toMatchObject({
      channel: `user:${opener.userId}`,
      data: { auctionId: auction.id, highBidMinor: 10_600 },
    });
    expect(typeof notice.serverTime).toBe('string');
    // Maximums never travel on the public channel.
    await bid(api, auction.id, opener, 11_300, { maxAmountMinor: 99_900 });
    await waitFor(async () => watcher.messages.filter((m) => m.type === 'bid_placed').length >= 2);
    expect(JSON.stringify(watcher.messages)).not.toContain('99900');
  } finally {
    for (const s of sockets) s.close();
    await b?.stop();
    await a.stop();
  }
}

describe('live auction updates across two processes', () => {
  it('over PostgreSQL LISTEN/NOTIFY', async () => {
    await scenario({});
  });

  it.runIf(redisReachable)('over Redis pub/sub (needs Redis at 127.0.0.1:6379; skipped without it)', async () => {
    await scenario({ REDIS_URL });
  });
});

describe('publishing after a bid', () => {
  it('does not hold the answer, and sends each bid’s messages in the order the bids committed', async () => {
    const { runtime, api } = await startAuctionServer();
    try {
      const maker = await signInMaker(api, 'order-maker');
      const storyId = await publishedStory(runtime, api, maker);
      const auction = await openAuctionWith(api, storyId, await signIn(api, 'order-opener'), 10_000);
      const [x, y] = [await signIn(api, 'order-x'), await signIn(api, 'order-y')];
      // The bus stalls until released: the bids must be answered meanwhile.
      const realtime = runtime.ctx.realtime;
      const publish = realtime.publish.bind(realtime);
      const sent: { type: string; amountMinor?: number }[] = [];
      let release!: () => void;
      const stalled = new Promise<void>((resolve) => (release = resolve));
      realtime.publish = async (channel, type, data) => {
        await stalled;
        if (channel === `auction:${auction.id}`)
          sent.push({ type, amountMinor: (data as { amountMinor?: number }).amountMinor });
        return publish(channel, type, data);
      };
      try {
        expect((await bid(api, auction.id, x, 10_600)).status).toBe(201);
        expect((await bid(api, auction.id, y, 11_300)).status).toBe(201);
        expect(sent).toEqual([]);
        release();
        await waitFor(async () => sent.filter((m) => m.type === 'bid_placed').length === 2);
        expect(sent.filter((m) => m.type === 'bid_placed').map((m) => m.amountMinor)).toEqual([10_600, 11_300]);
      } finally {
        release();
        realtime.publish = publish;
      }
    } finally {
      await runtime.stop();
    }
  });
});
