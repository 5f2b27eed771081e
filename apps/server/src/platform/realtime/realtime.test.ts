import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { connectLive } from '../../../test/live-client';

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
