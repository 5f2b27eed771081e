import { randomUUID } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { createTestDatabase, startTestServer } from '../../../test/harness';
import { connectLive, type LiveClient } from '../../../test/live-client';
import { portOpen } from '../../../test/net';
import { CLOSE } from './close-codes';

interface Closed {
  code: number;
  reason: string;
}

/** Resolves with the close code and reason once the server closes the socket. */
function closed(socket: WebSocket): Promise<Closed> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve({ code: -1, reason: 'already closed' });
  return new Promise((resolve) => {
    socket.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() }));
  });
}

/** `closed` within `ms`, else a rejection naming what was awaited. */
async function closedWithin(socket: WebSocket, ms: number): Promise<Closed> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`the connection was still open after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([closed(socket), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const wsUrl = (base: string, token?: string): string =>
  `${base.replace(/^http/, 'ws')}/v1/realtime${token ? `?token=${token}` : ''}`;

async function listening(base: string, session: Session): Promise<LiveClient> {
  const client = await connectLive(wsUrl(base, session.accessToken));
  client.send({ type: 'subscribe', channel: `user:${session.userId}` });
  await client.next((m) => m.type === 'subscribed');
  return client;
}

const tokenExpiry = (token: string): number =>
  (JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { exp: number }).exp * 1000;

const redisUp = await portOpen(6379);
const buses = [
  { bus: 'PostgreSQL LISTEN/NOTIFY', env: {} as Record<string, string>, runs: true },
  {
    bus: 'Redis pub/sub; needs Redis at 127.0.0.1:6379, skipped without it',
    env: { REDIS_URL: 'redis://127.0.0.1:6379' } as Record<string, string>,
    runs: redisUp,
  },
];

for (const { bus, env, runs } of buses) {
  describe.runIf(runs)(
    `security review: WebSocket connections are authorised once — sign-out and suspension close them in every process (${bus})`,
    () => {
      let a: Runtime;
      let b: Runtime;
      let bUrl: string;
      let admin: Session;

      beforeAll(async () => {
        const databaseUrl = await createTestDatabase();
        a = await startTestServer({ databaseUrl, env: { ...env, ADMIN_EMAILS: 'moderator@example.com' } });
        b = await startTestServer({ databaseUrl, env: { ...env, ROLES: 'api' } });
        bUrl = await b.app!.listen({ port: 0, host: '127.0.0.1' });
        admin = await apiClient(a).signIn('moderator@example.com');
        // Admin actions may need TOTP on: turn it on.
        const enrol = await apiClient(a).call<{ secret: string }>('POST', '/v1/auth/totp/enroll', {
          token: admin.accessToken,
        });
        const totp = new TOTP({
          secret: Secret.fromBase32(enrol.body.secret),
          digits: 6,
          period: 30,
          algorithm: 'SHA1',
        });
        const code = totp.generate({ timestamp: a.ctx.clock.now().getTime() });
        await apiClient(a).call('POST', '/v1/auth/totp/confirm', { token: admin.accessToken, body: { code } });
      }, 60_000);
      afterAll(async () => {
        await b?.stop();
        await a?.stop();
      });

      it('signing out closes that session’s connections in another process, and only those', async () => {
        const api = apiClient(a);
        const phone = await api.signIn('signs-out@example.com');
        const laptop = await api.signIn('signs-out@example.com');
        const [onPhone, onLaptop] = await Promise.all([listening(bUrl, phone), listening(bUrl, laptop)]);
        const phoneClosed = closedWithin(onPhone.socket, 5_000);

        expect((await api.call('POST', '/v1/auth/sign-out', { token: phone.accessToken })).status).toBe(204);
        expect(await phoneClosed).toEqual({ code: CLOSE.sessionEnded, reason: 'session_ended' });

        await a.ctx.realtime.publish(`user:${laptop.userId}`, 'notification', { still: 'here' });
        expect((await onLaptop.next((m) => m.type === 'notification')).data).toEqual({ still: 'here' });
        onLaptop.socket.close();
      });

      it('signing out everywhere closes every connection of the user', async () => {
        const api = apiClient(a);
        const one = await api.signIn('everywhere@example.com');
        const two = await api.signIn('everywhere@example.com');
        const clients = await Promise.all([listening(bUrl, one), listening(bUrl, two)]);
        const all = clients.map((c) => closedWithin(c.socket, 5_000));
        expect((await api.call('POST', '/v1/auth/sign-out-everywhere', { token: one.accessToken })).status).toBe(204);
        for (const c of await Promise.all(all))
          expect(c).toEqual({ code: CLOSE.sessionEnded, reason: 'session_ended' });
      });

      it('suspension closes the user’s connections and leaves anonymous viewers alone', async () => {
        const api = apiClient(a);
        const suspect = await api.signIn('suspect@example.com');
        const client = await listening(bUrl, suspect);
        const viewer = await connectLive(wsUrl(bUrl));
        const auction = `auction:${randomUUID()}`;
        viewer.send({ type: 'subscribe', channel: auction });
        await viewer.next((m) => m.type === 'subscribed');
        const done = closedWithin(client.socket, 5_000);

        const res = await api.call('POST', `/v1/admin/users/${suspect.userId}/suspend`, {
          token: admin.accessToken,
          body: { reason: 'fraud' },
        });
        expect(res.status).toBe(200);
        expect(await done).toEqual({ code: CLOSE.accountSuspended, reason: 'account_suspended' });

        await a.ctx.realtime.publish(auction, 'bid_placed', { amount: 100 });
        await viewer.next((m) => m.type === 'bid_placed');
        // A reconnection with the suspended account's token is closed too, with the same code.
        const again = new WebSocket(wsUrl(bUrl, suspect.accessToken));
        expect(await closedWithin(again, 5_000)).toEqual({ code: CLOSE.accountSuspended, reason: 'account_suspended' });
        viewer.socket.close();
      });
    },
  );
}

describe('security review: WebSocket connections are authorised once — token expiry, renewal and per-connection caps', () => {
  let server: Runtime;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer({
      env: {
        ACCESS_TOKEN_SECONDS: '3',
        REALTIME_MAX_SUBSCRIPTIONS: '3',
        REALTIME_MAX_MESSAGE_BYTES: '512',
        REALTIME_MESSAGES_PER_SECOND: '5',
        REALTIME_CONNECTIONS_PER_ADDRESS: '4',
      },
    });
    url = await server.app!.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('closes a connection when its access token expires', async () => {
    const user = await apiClient(server).signIn('expires@example.com');
    const client = await listening(url, user);
    const exp = tokenExpiry(user.accessToken);
    const end = await closedWithin(client.socket, exp - Date.now() + 2_000);
    expect(end).toEqual({ code: CLOSE.tokenExpired, reason: 'token_expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(exp - 50);
  });

  it('an `auth` message with a fresh token renews the connection until the new expiry', async () => {
    const api = apiClient(server);
    const user = await api.signIn('renews@example.com');
    const client = await listening(url, user);
    const firstExp = tokenExpiry(user.accessToken);
    await new Promise((r) => setTimeout(r, 1_100));
    const refreshed = await api.call<{ accessToken: string }>('POST', '/v1/auth/refresh', {
      body: { refreshToken: user.refreshToken },
    });
    expect(refreshed.status).toBe(200);
    const secondExp = tokenExpiry(refreshed.body.accessToken);
    expect(secondExp).toBeGreaterThan(firstExp);
    client.send({ type: 'auth', token: refreshed.body.accessToken });
    await client.next((m) => m.type === 'authenticated');

    const done = closed(client.socket);
    await new Promise((r) => setTimeout(r, Math.max(0, firstExp - Date.now() + 400)));
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    await server.ctx.realtime.publish(`user:${user.userId}`, 'notification', { renewed: true });
    await client.next((m) => m.type === 'notification');
    expect(await done).toEqual({ code: CLOSE.tokenExpired, reason: 'token_expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(secondExp - 50);
  });

  it('caps the subscriptions of a connection', async () => {
    const client = await connectLive(wsUrl(url));
    for (let i = 0; i < 4; i++) client.send({ type: 'subscribe', channel: `auction:${randomUUID()}` });
    expect((await client.next((m) => m.type === 'error')).code).toBe('too_many_subscriptions');
    expect(client.messages.filter((m) => m.type === 'subscribed')).toHaveLength(3);
    client.socket.close();
  });

  it('closes a connection that sends a message over the size cap', async () => {
    const client = await connectLive(wsUrl(url));
    const done = closedWithin(client.socket, 5_000);
    client.send({ type: 'subscribe', channel: 'x'.repeat(600) });
    expect((await done).code).toBe(CLOSE.messageTooBig);
  });

  it('closes a connection that sends messages faster than the rate cap', async () => {
    const client = await connectLive(wsUrl(url));
    const done = closedWithin(client.socket, 5_000);
    for (let i = 0; i < 12; i++) client.send({ type: 'ping' });
    expect(await done).toEqual({ code: CLOSE.rateLimited, reason: 'too_many_messages' });
  });

  it('caps the concurrent connections of one address', async () => {
    const open = await Promise.all([1, 2, 3, 4].map(() => connectLive(wsUrl(url))));
    const fifth = new WebSocket(wsUrl(url));
    expect(await closedWithin(fifth, 5_000)).toEqual({ code: CLOSE.rateLimited, reason: 'too_many_connections' });
    const first = open.shift()!;
    const gone = closed(first.socket);
    first.socket.close();
    await gone;
    await new Promise((r) => setTimeout(r, 100));
    const replacement = await connectLive(wsUrl(url));
    expect(replacement.socket.readyState).toBe(replacement.socket.OPEN);
    for (const c of [...open, replacement]) c.socket.close();
  });
});

describe('a token that lives longer than a timer can wait (about 24.8 days)', () => {
  let server: Runtime;
  let url: string;

  beforeAll(async () => {
    server = await startTestServer({ env: { ACCESS_TOKEN_SECONDS: String(30 * 24 * 3600) } });
    url = await server.app!.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => server?.stop());

  it('keeps the connection open instead of closing it at once as expired', async () => {
    const user = await apiClient(server).signIn('long-lived@example.com');
    const client = await listening(url, user);
    const end = closed(client.socket);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(client.socket.readyState).toBe(client.socket.OPEN);
    await server.ctx.realtime.publish(`user:${user.userId}`, 'notification', { still: 'here' });
    await client.next((m) => m.type === 'notification');
    client.socket.close();
    expect((await end).code).not.toBe(CLOSE.tokenExpired);
  });
});
