import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { connectLive, subscribeLive, type LiveMessage } from '../../../test/live-client';

interface Message {
  type: string;
  channel?: string;
  data?: unknown;
  serverTime?: string;
  code?: string;
}

async function connect(baseUrl: string, token?: string) {
  const url = `${baseUrl.replace(/^http/, 'ws')}/v1/realtime${token ? `?token=${token}` : ''}`;
  const client = await connectLive(url);
  return { ws: client.socket, messages: client.messages as Message[], waitFor: client.next, send: client.send };
}

async function redisReachable(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(6379, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

const redisUp = await redisReachable();
const buses: { bus: string; env: Record<string, string>; runs: boolean }[] = [
  { bus: 'PostgreSQL LISTEN/NOTIFY', env: {}, runs: true },
  {
    bus: 'Redis pub/sub; needs Redis at 127.0.0.1:6379, skipped without it',
    env: { REDIS_URL: 'redis://127.0.0.1:6379' },
    runs: redisUp,
  },
];

for (const { bus, env, runs } of buses)
  describe.runIf(runs)(`real time across two processes (${bus})`, () => {
    let a: Runtime;
    let b: Runtime;
    let bUrl: string;
    let user: Session;

    beforeAll(async () => {
      const databaseUrl = await createTestDatabase();
      a = await startTestServer({ databaseUrl, env });
      b = await startTestServer({ databaseUrl, env: { ...env, ROLES: 'api' } });
      bUrl = await b.app!.listen({ port: 0, host: '127.0.0.1' });
      user = await apiClient(a).signIn('listener@example.com');
    });
    afterAll(async () => {
      await b?.stop();
      await a?.stop();
    });

    it('delivers an event published by one process to a subscriber of the other, with server time', async () => {
      const client = await connect(bUrl, user.accessToken);
      client.send({ type: 'subscribe', channel: `user:${user.userId}` });
      await client.waitFor((m) => m.type === 'subscribed');
      const before = Date.now();
      await a.ctx.realtime.publish(`user:${user.userId}`, 'notification', { hello: 'world' });
      const got = await client.waitFor((m) => m.type === 'notification');
      expect(got).toMatchObject({ channel: `user:${user.userId}`, data: { hello: 'world' } });
      expect(Date.parse(got.serverTime!)).toBeGreaterThanOrEqual(before - 1000);
      client.ws.close();
    });

    it("refuses another user's channel and unknown channels; stops after unsubscribe", async () => {
      const other = await apiClient(a).signIn('other-listener@example.com');
      const client = await connect(bUrl, other.accessToken);
      client.send({ type: 'subscribe', channel: `user:${user.userId}` });
      expect((await client.waitFor((m) => m.type === 'error')).code).toBe('channel_forbidden');
      client.send({ type: 'subscribe', channel: 'secret:1' });
      client.send({ type: 'subscribe', channel: `user:${other.userId}` });
      await client.waitFor((m) => m.type === 'subscribed');
      client.send({ type: 'unsubscribe', channel: `user:${other.userId}` });
      await client.waitFor((m) => m.type === 'unsubscribed');
      await a.ctx.realtime.publish(`user:${other.userId}`, 'late', {});
      await a.ctx.realtime.publish(`user:${user.userId}`, 'private', {});
      await new Promise((r) => setTimeout(r, 300));
      expect(client.messages.some((m) => m.type === 'late' || m.type === 'private')).toBe(false);
      client.send({ type: 'nonsense' });
      expect((await client.waitFor((m) => m.code === 'bad_message')).type).toBe('error');
      client.ws.close();
    });

    it('authenticates by message as well as by query token, and anonymous callers get no user channel', async () => {
      const anon = await connect(bUrl);
      anon.send({ type: 'subscribe', channel: `user:${user.userId}` });
      expect((await anon.waitFor((m) => m.type === 'error')).code).toBe('channel_forbidden');
      anon.send({ type: 'auth', token: user.accessToken });
      await anon.waitFor((m) => m.type === 'authenticated');
      anon.send({ type: 'subscribe', channel: `user:${user.userId}` });
      await anon.waitFor((m) => m.type === 'subscribed');
      anon.ws.close();
    });
  });

describe('a subscriber that stops reading', () => {
  let runtime: Runtime;
  let url: string;

  beforeAll(async () => {
    runtime = await startTestServer({ env: { REALTIME_MAX_BUFFERED_BYTES: '65536' } });
    url = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => runtime?.stop());

  it('is closed once its backlog passes the limit, while the others get every message', async () => {
    const channel = 'auction:7b0d3f4e-5c6a-4b8e-9f10-2a3b4c5d6e7f';
    const fast = await connect(url);
    const slow = await connect(url);
    for (const client of [fast, slow]) {
      client.send({ type: 'subscribe', channel });
      await client.waitFor((m) => m.type === 'subscribed');
    }
    expect(runtime.ctx.realtime.localSubscriberCount(channel)).toBe(2);
    const slowClosed = new Promise<number>((resolve) => slow.ws.once('close', (code) => resolve(code)));
    // The slow phone stops reading: what the server sends piles up in the kernel, then in the process.
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();

    // 7 KB events (under the bus's 8,000-byte cap) until the loopback buffers are full and the
    // backlog passes the limit (some MB), then as many again; at most 64 MB.
    const pad = 'x'.repeat(7000);
    let count = 0;
    let closedAt: number | null = null;
    while (count < 9000 && (closedAt === null || count < 2 * closedAt)) {
      await runtime.ctx.realtime.publish(channel, 'bulk', { i: count++, pad });
      if (closedAt === null && runtime.ctx.realtime.localSubscriberCount(channel) === 1) closedAt = count;
    }
    expect(closedAt).not.toBeNull();

    await fast.waitFor((m) => m.type === 'bulk' && (m.data as { i: number }).i === count - 1, 60_000);
    expect(fast.messages.filter((m) => m.type === 'bulk')).toHaveLength(count);
    expect(runtime.ctx.realtime.localSubscriberCount(channel)).toBe(1);
    const metrics = await runtime.ctx.metrics.registry.getSingleMetricAsString('realtime_slow_consumers_closed_total');
    expect(metrics).toMatch(/realtime_slow_consumers_closed_total 1$/m);

    // Reading again, it finds the connection closed (4008 when the close frame got through in time).
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect([4008, 1006]).toContain(await slowClosed);
    fast.ws.close();
  }, 120_000);
});

describe('subscribers that take batches (?batch=1)', () => {
  let runtime: Runtime;
  let url: string;

  beforeAll(async () => {
    runtime = await startTestServer({ env: { REALTIME_BATCH_INTERVAL_MS: '500' } });
    url = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => runtime?.stop());

  it('get a busy channel in at most one frame per interval, every change of lead or end kept; others get every event alone', async () => {
    const channel = 'auction:0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const plain = await connect(url);
    const frames: unknown[] = [];
    const batched = await connectLive(`${url.replace(/^http/, 'ws')}/v1/realtime?batch=1`);
    batched.socket.on('message', (raw: Buffer) => frames.push(JSON.parse(raw.toString())));
    for (const client of [plain.send, batched.send]) client({ type: 'subscribe', channel });
    await plain.waitFor((m) => m.type === 'subscribed');
    await batched.next((m) => m.type === 'subscribed');
    frames.length = 0;

    const [t1, t2] = ['2026-12-09T10:00:00.000Z', '2026-12-09T10:10:00.000Z'];
    const published = [
      { type: 'bid_placed', data: { leaderId: 'a', endsAt: t1, amountMinor: 100 } },
      { type: 'bid_placed', data: { leaderId: 'b', endsAt: t1, amountMinor: 110 } },
      // Only the price moves, and the next update carries the same lead and end: overtaken.
      { type: 'bid_placed', data: { leaderId: 'b', endsAt: t1, amountMinor: 120 } },
      { type: 'bid_placed', data: { leaderId: 'b', endsAt: t1, amountMinor: 130 } },
      { type: 'extended', data: { leaderId: 'b', endsAt: t2 } },
      { type: 'bid_placed', data: { leaderId: 'b', endsAt: t2, amountMinor: 140 } },
    ];
    for (const event of published) await runtime.ctx.realtime.publish(channel, event.type, event.data);

    await plain.waitFor((m) => (m.data as { amountMinor?: number } | undefined)?.amountMinor === 140);
    expect(plain.messages.filter((m) => m.channel === channel && m.type !== 'subscribed').map((m) => m.type)).toEqual(
      published.map((e) => e.type),
    );

    const received = (): Message[] => frames.flatMap((f) => (Array.isArray(f) ? (f as Message[]) : [f as Message]));
    await batched.next(() => received().some((m) => (m.data as { amountMinor?: number }).amountMinor === 140), 5_000);
    // The first event of a quiet channel leaves at once, the rest together after the interval.
    expect(frames).toHaveLength(2);
    expect(frames[0]).toMatchObject({ type: 'bid_placed', data: { amountMinor: 100 } });
    expect(received().map((m) => [m.type, (m.data as { amountMinor?: number }).amountMinor])).toEqual([
      ['bid_placed', 100],
      ['bid_placed', 110],
      ['bid_placed', 130],
      ['extended', undefined],
      ['bid_placed', 140],
    ]);
    plain.ws.close();
    batched.socket.close();
  });
});

describe('a frame for many subscribers', () => {
  let runtime: Runtime;
  let url: string;

  beforeAll(async () => {
    // Slices as short as they go (a look at the clock every 32 writes), and room for 150 sockets.
    runtime = await startTestServer({
      env: { REALTIME_SEND_SLICE_MS: '0', REALTIME_CONNECTIONS_PER_ADDRESS: '200' },
    });
    url = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => runtime?.stop());

  it('is written a slice at a time, other work running between, and every subscriber gets every event in order', async () => {
    const channel = 'auction:5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';
    const clients = await Promise.all(
      Array.from({ length: 150 }, (_, i) =>
        subscribeLive(`${url.replace(/^http/, 'ws')}/v1/realtime${i % 2 ? '?batch=1' : ''}`, channel),
      ),
    );
    expect(runtime.ctx.realtime.localSubscriberCount(channel)).toBe(150);
    const amounts = [100, 110, 120, 130, 140];
    const shown = (client: (typeof clients)[number]) =>
      client.messages.flatMap((m) =>
        (Array.isArray(m) ? (m as LiveMessage[]) : [m])
          .filter((e) => e.type === 'bid_placed')
          .map((e) => (e.data as { amountMinor: number }).amountMinor),
      );
    // Each event leads with a new leader, so the batches keep them all.
    for (const [i, amountMinor] of amounts.entries())
      await runtime.ctx.realtime.publish(channel, 'bid_placed', { leaderId: `l${i}`, endsAt: null, amountMinor });

    // Between two turns of this process's event loop, some writes are still waiting: the fan-out
    // gave way. Written in one go, none would ever be seen waiting.
    const waiting: number[] = [];
    const deadline = Date.now() + 15_000;
    while (clients.some((c) => shown(c).length < amounts.length) && Date.now() < deadline) {
      waiting.push(runtime.ctx.realtime.pendingSends());
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(Math.max(...waiting)).toBeGreaterThan(0);
    for (const client of clients) expect(shown(client)).toEqual(amounts);
    expect(runtime.ctx.realtime.pendingSends()).toBe(0);
    for (const client of clients) client.socket.close();
  });
});
