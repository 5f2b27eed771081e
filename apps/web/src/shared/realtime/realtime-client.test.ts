import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { FakeSocket } from '../../test/fake-socket';
import { createServerClock } from '../time/server-clock';
import { parseRealtimeMessage, RealtimeClient } from './realtime-client';

const summary = {
  auctionId: 'a1',
  storyId: 's1',
  status: 'active',
  amountMinor: 10_600,
  highBidMinor: 10_600,
  currency: 'USD',
  leaderId: 'u2',
  leaderAlias: 'Bidder 2',
  reserveMet: true,
  endsAt: '2026-12-04T21:00:00.000Z',
  minNextBidMinor: 11_300,
  bidCount: 2,
  version: 3,
};

function setup(token: string | null = 'at-1') {
  FakeSocket.instances = [];
  const clock = createServerClock();
  const client = new RealtimeClient({
    url: 'ws://localhost/v1/realtime',
    getToken: async () => token,
    renewToken: async () => null,
    clock,
    random: () => 1,
    baseDelayMs: 500,
    maxDelayMs: 4000,
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
  });
  return { client, clock, socket: (i: number) => FakeSocket.instances[i]! };
}

const flush = () => vi.advanceTimersByTimeAsync(0);

/** A client subscribed to auction a1 over an open socket, recording what reaches the listener and the warnings. */
async function listening() {
  const { client, socket } = setup();
  const received: unknown[] = [];
  client.subscribe('auction:a1', (m) => received.push(m.data));
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  socket(0).open();
  await flush();
  return { socket, received, warn };
}

describe('RealtimeClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('authenticates, then subscribes, and delivers channel messages', async () => {
    const { socket, received, warn } = await listening();
    expect(socket(0).sent.slice(0, 2)).toEqual([
      { type: 'auth', token: 'at-1' },
      { type: 'subscribe', channel: 'auction:a1' },
    ]);
    socket(0).receive({
      type: 'bid_placed',
      channel: 'auction:a1',
      data: summary,
      serverTime: new Date().toISOString(),
    });
    socket(0).receive({ type: 'bid_placed', channel: 'auction:other', data: { ...summary, auctionId: 'other' } });
    // Malformed data and unknown types never reach a listener.
    socket(0).receive({ type: 'bid_placed', channel: 'auction:a1', data: { amountMinor: 1 } });
    socket(0).receive({ type: 'confetti', channel: 'auction:a1', data: summary });
    expect(received).toEqual([summary]);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('delivers the messages of a batched frame one by one, in order, leaving out what it does not know', async () => {
    const { socket, received, warn } = await listening();
    const later = { ...summary, amountMinor: 11_300, highBidMinor: 11_300, version: 4 };
    socket(0).receive([
      { type: 'bid_placed', channel: 'auction:a1', data: summary, serverTime: new Date().toISOString() },
      { type: 'confetti', channel: 'auction:a1', data: summary },
      { type: 'bid_placed', channel: 'auction:a1', data: later, serverTime: new Date().toISOString() },
    ]);
    expect(received).toEqual([summary, later]);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('reconnects with growing delays and subscribes again to every channel', async () => {
    const { client, socket } = setup(null);
    client.subscribe('auction:a1', () => undefined);
    client.subscribe('user:u1', () => undefined);
    socket(0).open();
    await flush();
    socket(0).drop();
    expect(client.status()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(499);
    expect(FakeSocket.instances).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(2);
    socket(1).drop();
    await vi.advanceTimersByTimeAsync(999);
    expect(FakeSocket.instances).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.instances).toHaveLength(3);
    socket(2).open();
    await flush();
    expect(socket(2).sent).toEqual(
      expect.arrayContaining([
        { type: 'subscribe', channel: 'auction:a1' },
        { type: 'subscribe', channel: 'user:u1' },
      ]),
    );
    // A successful connection resets the backoff.
    socket(2).drop();
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.instances).toHaveLength(4);
  });

  it('after close 4008 (it stopped reading, a backgrounded tab) reconnects, with its token, and subscribes again', async () => {
    const { client, socket } = setup('at-1');
    client.subscribe('auction:a1', () => undefined);
    socket(0).open();
    await flush();
    socket(0).drop(4008, 'slow_consumer');
    expect(client.status()).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(500);
    expect(FakeSocket.instances).toHaveLength(2);
    socket(1).open();
    await flush();
    expect(socket(1).sent).toEqual([
      { type: 'auth', token: 'at-1' },
      { type: 'subscribe', channel: 'auction:a1' },
      { type: 'ping' },
    ]);
  });

  it('stops listening when the last listener leaves', async () => {
    const { client, socket } = setup();
    const stop = client.subscribe('auction:a1', () => undefined);
    socket(0).open();
    await flush();
    stop();
    expect(socket(0).sent).toContainEqual({ type: 'unsubscribe', channel: 'auction:a1' });
  });

  it('sets the server clock from message times', async () => {
    const { client, clock, socket } = setup();
    client.subscribe('auction:a1', () => undefined);
    socket(0).open();
    await flush();
    const ahead = Date.now() + 90_000;
    socket(0).receive({ type: 'pong', serverTime: new Date(ahead).toISOString() });
    expect(Math.abs(clock.now() - ahead)).toBeLessThan(50);
  });

  describe('security review: WebSocket connections are authorised once', () => {
    function renewing() {
      FakeSocket.instances = [];
      let token = 'at-1';
      let renewals = 0;
      const client = new RealtimeClient({
        url: 'ws://localhost/v1/realtime',
        getToken: async () => token,
        renewToken: async () => {
          renewals += 1;
          token = `at-${renewals + 1}`;
        },
        clock: createServerClock(),
        random: () => 1,
        baseDelayMs: 500,
        maxDelayMs: 4000,
        createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
      });
      return {
        client,
        socket: (i: number) => FakeSocket.instances[i]!,
        renewals: () => renewals,
        setToken: (t: string) => {
          token = t;
        },
      };
    }
    const auths = (socket: FakeSocket) => socket.sent.filter((m) => m.type === 'auth');

    it('sends `auth` with the new access token when the token is refreshed', async () => {
      const { client, socket, setToken } = renewing();
      client.subscribe('user:u1', () => undefined);
      socket(0).open();
      await flush();
      setToken('at-fresh');
      client.tokenRefreshed();
      await flush();
      expect(auths(socket(0))).toEqual([
        { type: 'auth', token: 'at-1' },
        { type: 'auth', token: 'at-fresh' },
      ]);
      expect(FakeSocket.instances).toHaveLength(1);
    });

    it('on close 4001 (token expired) renews the token and reconnects with it at once', async () => {
      const { client, socket, renewals } = renewing();
      client.subscribe('user:u1', () => undefined);
      socket(0).open();
      await flush();
      socket(0).drop(4001, 'token_expired');
      await flush();
      expect(renewals()).toBe(1);
      expect(FakeSocket.instances).toHaveLength(2);
      socket(1).open();
      await flush();
      expect(auths(socket(1))).toEqual([{ type: 'auth', token: 'at-2' }]);
    });

    it('on close 4003 (suspended) or 4002 (session ended) reconnects only anonymously, never in a loop', async () => {
      for (const [code, reason] of [
        [4003, 'account_suspended'],
        [4002, 'session_ended'],
      ] as const) {
        const { client, socket } = renewing();
        client.subscribe('auction:a1', () => undefined);
        socket(0).open();
        await flush();
        socket(0).drop(code, reason);
        await vi.advanceTimersByTimeAsync(4_000);
        expect(FakeSocket.instances).toHaveLength(2);
        socket(1).open();
        await flush();
        expect(auths(socket(1))).toEqual([]);
        expect(socket(1).sent).toContainEqual({ type: 'subscribe', channel: 'auction:a1' });
        await vi.advanceTimersByTimeAsync(60_000);
        expect(FakeSocket.instances).toHaveLength(2);
        client.close();
      }
    });
  });
});

describe('parseRealtimeMessage', () => {
  const text = (value: unknown) => JSON.stringify(value);
  let warn: MockInstance<typeof console.warn>;
  beforeEach(() => {
    warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => {
    warn.mockRestore();
  });

  it('accepts every published kind with well-formed data, and the connection’s own answers', () => {
    const good = [
      { type: 'bid_placed', channel: 'auction:a1', data: summary },
      { type: 'extended', channel: 'auction:a1', data: { ...summary, previousEndsAt: '2026-12-04T20:59:00.000Z' } },
      { type: 'ended', channel: 'auction:a1', data: { ...summary, status: 'ended', outcome: 'sold', winnerId: 'u2' } },
      { type: 'outbid', channel: 'user:u1', data: summary },
      {
        type: 'media.progress',
        channel: 'user:u1',
        data: { mediaId: 'm1', version: 2, status: 'processing', progress: 40 },
      },
      { type: 'notifications_read', channel: 'user:u1', data: { all: true, unreadCount: 0 } },
      { type: 'order.updated', channel: 'user:u1', data: { orderId: 'o1', status: 'shipped' } },
      { type: 'subscribed', channel: 'auction:a1', serverTime: '2026-12-04T20:00:00.000Z' },
      { type: 'error', code: 'invalid_token' },
      { type: 'pong' },
    ];
    for (const message of good) expect(parseRealtimeMessage(text(message))).toMatchObject(message);
    expect(warn).not.toHaveBeenCalled();
  });

  it('rejects, and logs, unknown types, malformed data and frames that are not JSON', () => {
    const bad = [
      text({ type: 'bid_placed', channel: 'auction:a1', data: { ...summary, highBidMinor: '106.00' } }),
      text({ type: 'bid_placed', channel: 'auction:a1', data: { ...summary, status: 'exploded' } }),
      text({ type: 'media.progress', channel: 'user:u1', data: { mediaId: 'm1', status: 'ready', progress: 140 } }),
      text({ type: 'notification', channel: 'user:u1', data: { unreadCount: 1 } }),
      text({ type: 'bid_placed', data: summary }),
      text({ type: 'confetti', channel: 'user:u1', data: {} }),
      text({ channel: 'user:u1' }),
      text(null),
      '{not json',
    ];
    for (const frame of bad) expect(parseRealtimeMessage(frame)).toBeNull();
    expect(warn).toHaveBeenCalledTimes(bad.length);
  });
});
