/**
 * What the server really publishes matches the shared message schemas (@vw/domain) the web app
 * parses with: every event put on the bus during an auction's life is captured and parsed.
 */
import { parseLiveMessage, type RealtimeMessageType } from '@vw/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { RealtimeEvent } from '../../platform/realtime/bus';
import type { Runtime } from '../../composition/runtime';
import {
  bid,
  FAST_ENV,
  fireTimer,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  waitFor,
  type Api,
  type AuctionBody,
} from './test-support';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;
const published: RealtimeEvent[] = [];

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ clock, env: { ...FAST_ENV, ACCESS_TOKEN_SECONDS: '10000000' } }));
  const bus = runtime.ctx.realtime.bus;
  const publish = bus.publish.bind(bus);
  bus.publish = async (event) => {
    // What subscribers receive: the event as JSON.
    published.push(JSON.parse(JSON.stringify(event)) as RealtimeEvent);
    await publish(event);
  };
});
afterAll(async () => runtime.stop());

describe('live messages', () => {
  it('every message published from an offer to a won auction matches its shared schema', async () => {
    const maker = await signInMaker(api, 'live-schema-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const [a, b] = [await signIn(api, 'live-schema-a'), await signIn(api, 'live-schema-b')];
    const auction = await openAuctionWith(api, storyId, a, 10_000);
    expect((await bid(api, auction.id, b, 10_600)).status).toBe(201);
    // Inside the soft close: the bid extends the end.
    const current = await api.call<AuctionBody>('GET', `/v1/auctions/${auction.id}`);
    clock.set(Date.parse(current.body.endsAt) - 60_000);
    expect((await bid(api, auction.id, a, 12_000)).status).toBe(201);
    const extended = await api.call<AuctionBody>('GET', `/v1/auctions/${auction.id}`);
    clock.set(Date.parse(extended.body.endsAt));
    await fireTimer(runtime, `auction-end:${auction.id}`);
    await waitFor(async () => published.some((e) => e.type === 'notification' && e.channel === `user:${a.userId}`));
    expect((await api.call('POST', '/v1/notifications/read-all', { token: a.accessToken })).status).toBe(200);
    await waitFor(async () => published.some((e) => e.type === 'notifications_read'));

    const messages = published.filter((e) => !e.channel.startsWith('$'));
    for (const event of messages) {
      expect(parseLiveMessage(event), `${event.type} on ${event.channel}: ${JSON.stringify(event.data)}`).not.toBe(
        null,
      );
    }
    const kinds = new Set(messages.map((e) => e.type));
    const expected: RealtimeMessageType[] = [
      'auction_started',
      'bid_placed',
      'outbid',
      'extended',
      'ended',
      'payment_window_opened',
      'notification',
      'notifications_read',
    ];
    for (const kind of expected) expect(kinds, kind).toContain(kind);
    expect(messages.find((e) => e.type === 'auction_started' && e.channel === `story:${storyId}`)).toBeDefined();
  });

  it('rejects a message whose data does not match its type', () => {
    const bid = published.find((e) => e.type === 'bid_placed');
    expect(bid).toBeDefined();
    expect(parseLiveMessage({ ...bid, data: { ...(bid!.data as object), highBidMinor: '106.00' } })).toBeNull();
    expect(parseLiveMessage({ ...bid, type: 'bid_placed_twice' })).toBeNull();
  });
});
