import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeSocket } from '../../test/fake-socket';
import { createServerClock } from '../time/server-clock';
import { RealtimeClient } from './realtime-client';

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

describe('RealtimeClient', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('authenticates, then subscribes, and delivers channel messages', async () => {
    const { client, socket } = setup();
    const received: unknown[] = [];
    client.subscribe('auction:a1', (m) => received.push(m.data));
    socket(0).open();
    await flush();
    expect(socket(0).sent.slice(0, 2)).toEqual([
      { type: 'auth', token: 'at-1' },
      { type: 'subscribe', channel: 'auction:a1' },
    ]);
    socket(0).receive({
      type: 'bid_placed',
      channel: 'auction:a1',
      data: { amountMinor: 1 },
      serverTime: new Date().toISOString(),
    });
    socket(0).receive({ type: 'bid_placed', channel: 'auction:other', data: { amountMinor: 2 } });
    expect(received).toEqual([{ amountMinor: 1 }]);
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
});
