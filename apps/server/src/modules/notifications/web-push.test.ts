import { eq } from 'drizzle-orm';
import { importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CircuitBreakers, CircuitOpenError } from '../../platform/http/circuit-breaker';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { webPushChannel } from './channels/web-push';
import type { NotificationRow } from './repo';
import { webPushSubscriptions } from './tables';
import { browserKeys, decryptPush, startPushService, type PushRequest } from './test-push-service';
import { notifyCommitted, settledDeliveries } from './test-support';
import { loadVapidKeys } from './vapid';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let user: Session;
let push: Awaited<ReturnType<typeof startPushService>>;
const answers = new Map<string, number[]>();

beforeAll(async () => {
  push = await startPushService((req) => answers.get(req.path)?.shift() ?? 201);
  runtime = await startTestServer({
    env: { VAPID_SUBJECT: 'mailto:ops@market.example', WEB_PUSH_ALLOW_PRIVATE_ENDPOINTS: 'true' },
  });
  api = apiClient(runtime);
  user = await api.signIn('pushy@example.com');
});
afterAll(async () => {
  await runtime?.stop();
  await push?.close();
});

async function subscribeBrowser(path: string, session = user) {
  const keys = browserKeys();
  const res = await api.call<{ id: string }>('POST', '/v1/notifications/web-push/subscriptions', {
    token: session.accessToken,
    headers: { 'user-agent': 'TestBrowser/1.0' },
    body: { endpoint: `${push.url}${path}`, expirationTime: null, keys: { p256dh: keys.p256dh, auth: keys.auth } },
  });
  expect(res.status).toBe(201);
  return keys;
}

const requestsTo = (path: string): PushRequest[] => push.requests.filter((r) => r.path === path);

describe('web push', () => {
  it('publishes a VAPID public key generated once for this data directory', async () => {
    const first = await api.call<{ publicKey: string }>('GET', '/v1/notifications/web-push/public-key');
    expect(first.status).toBe(200);
    expect(Buffer.from(first.body.publicKey, 'base64url')).toHaveLength(65);
    const again = await api.call<{ publicKey: string }>('GET', '/v1/notifications/web-push/public-key');
    expect(again.body.publicKey).toBe(first.body.publicKey);
  });

  it('sends an encrypted message with VAPID authorization to the push service', async () => {
    const keys = await subscribeBrowser('/push/browser-1');
    const stored = await runtime.ctx.db
      .select()
      .from(webPushSubscriptions)
      .where(eq(webPushSubscriptions.userId, user.userId));
    expect(stored[0]!.p256dhEncrypted).not.toContain(keys.p256dh);
    expect(stored[0]!.userAgent).toBe('TestBrowser/1.0');

    const id = await notifyCommitted(runtime, {
      userId: user.userId,
      kind: 'outbid',
      title: 'You were outbid',
      body: 'Now at $130',
      link: '/stories/s9',
    });
    const rows = await settledDeliveries(runtime, id);
    expect(rows.web_push!.status).toBe('sent');

    const [req] = requestsTo('/push/browser-1');
    expect(req).toBeDefined();
    expect(req!.headers['content-encoding']).toBe('aes128gcm');
    expect(req!.headers.ttl).toBe('86400');
    expect(req!.headers.urgency).toBe('high');
    const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(req!.headers.authorization));
    expect(match).not.toBeNull();
    const { body: keyBody } = await api.call<{ publicKey: string }>('GET', '/v1/notifications/web-push/public-key');
    expect(match![2]).toBe(keyBody.publicKey);
    const raw = Buffer.from(keyBody.publicKey, 'base64url');
    const jwk = {
      kty: 'EC',
      crv: 'P-256',
      x: raw.subarray(1, 33).toString('base64url'),
      y: raw.subarray(33).toString('base64url'),
    };
    const { payload } = await jwtVerify(match![1]!, await importJWK(jwk, 'ES256'), { audience: push.url });
    expect(payload.sub).toBe('mailto:ops@market.example');

    const message = JSON.parse(decryptPush(req!.body, keys)) as Record<string, unknown>;
    expect(message).toEqual({ id, kind: 'outbid', title: 'You were outbid', body: 'Now at $130', link: '/stories/s9' });
  });

  it('removes a subscription the push service reports gone (410)', async () => {
    const other = await api.signIn('gone@example.com');
    await subscribeBrowser('/push/gone', other);
    answers.set('/push/gone', [410]);
    const id = await notifyCommitted(runtime, {
      userId: other.userId,
      kind: 'ending_soon',
      title: 'One hour left',
      body: 'Bid now',
    });
    const rows = await settledDeliveries(runtime, id);
    expect(rows.web_push).toMatchObject({ status: 'skipped', lastError: 'every web push subscription has expired' });
    expect(requestsTo('/push/gone')).toHaveLength(1);
    const left = await runtime.ctx.db
      .select()
      .from(webPushSubscriptions)
      .where(eq(webPushSubscriptions.userId, other.userId));
    expect(left).toHaveLength(0);
  });

  it('retries with backoff when the push service is briefly down', async () => {
    const other = await api.signIn('flaky@example.com');
    await subscribeBrowser('/push/flaky', other);
    answers.set('/push/flaky', [503]);
    const id = await notifyCommitted(runtime, {
      userId: other.userId,
      kind: 'outbid',
      title: 'Outbid again',
      body: 'Now $140',
    });
    const rows = await settledDeliveries(runtime, id, 20_000);
    expect(rows.web_push).toMatchObject({ status: 'sent', attempts: 2 });
    expect(rows.in_app!.attempts).toBe(1);
    expect(requestsTo('/push/flaky')).toHaveLength(2);
  });

  it('an outage opens the circuit: later sends fail fast without calling the push service', async () => {
    const other = await api.signIn('outage@example.com');
    await subscribeBrowser('/push/down', other);
    answers.set(
      '/push/down',
      Array.from({ length: 10 }, () => 500),
    );
    const clock = new ManualClock();
    const channel = webPushChannel({
      db: runtime.ctx.db,
      cipher: runtime.ctx.secrets.cipher,
      breakers: new CircuitBreakers(clock, { failureThreshold: 3, cooldownMs: 60_000 }),
      vapid: () => loadVapidKeys(runtime.ctx.config),
      allowPrivateEndpoints: true,
    });
    const notification = {
      id: '00000000-0000-4000-8000-000000000001',
      userId: other.userId,
      kind: 'outbid',
      title: 't',
      body: 'b',
      messageKey: null,
      messageValues: null,
      data: {},
      link: null,
      dedupeKey: null,
      createdAt: new Date(),
      readAt: null,
    } satisfies NotificationRow;
    const delivery = { notification, contact: () => Promise.resolve(null) };
    for (let i = 0; i < 3; i++) await expect(channel.send(delivery)).rejects.toThrow('push service answered 500');
    await expect(channel.send(delivery)).rejects.toBeInstanceOf(CircuitOpenError);
    expect(requestsTo('/push/down')).toHaveLength(3);
    // After the cooldown one trial goes through; the service is back, so the circuit closes.
    answers.set('/push/down', []);
    clock.advance(60_000);
    await expect(channel.send(delivery)).resolves.toEqual({ status: 'sent' });
    await expect(channel.send(delivery)).resolves.toEqual({ status: 'sent' });
    expect(requestsTo('/push/down')).toHaveLength(5);
  });

  it('unsubscribing by endpoint stops pushes; someone else cannot remove my subscription', async () => {
    const owner = await api.signIn('unsub@example.com');
    const stranger = await api.signIn('stranger@example.com');
    await subscribeBrowser('/push/unsub', owner);
    const endpoint = `${push.url}/push/unsub`;
    const byStranger = await api.call('DELETE', '/v1/notifications/web-push/subscriptions', {
      token: stranger.accessToken,
      body: { endpoint },
    });
    expect(byStranger.status).toBe(204);
    expect(
      await runtime.ctx.db.select().from(webPushSubscriptions).where(eq(webPushSubscriptions.endpoint, endpoint)),
    ).toHaveLength(1);
    const byOwner = await api.call('DELETE', '/v1/notifications/web-push/subscriptions', {
      token: owner.accessToken,
      body: { endpoint },
    });
    expect(byOwner.status).toBe(204);
    const id = await notifyCommitted(runtime, {
      userId: owner.userId,
      kind: 'outbid',
      title: 'After unsubscribe',
      body: 'x',
    });
    expect((await settledDeliveries(runtime, id)).web_push!.status).toBe('skipped');
    expect(requestsTo('/push/unsub')).toHaveLength(0);
  });

  it('security review: a push subscription can be re-registered by another user — taking over an endpoint needs its keys', async () => {
    const victim = await api.signIn('push-victim@example.com');
    const other = await api.signIn('push-other@example.com');
    const endpoint = `${push.url}/push/victim-browser`;
    const keys = await subscribeBrowser('/push/victim-browser', victim);
    const owners = async () =>
      (
        await runtime.ctx.db
          .select({ userId: webPushSubscriptions.userId })
          .from(webPushSubscriptions)
          .where(eq(webPushSubscriptions.endpoint, endpoint))
      ).map((r) => r.userId);
    const register = (session: Session, k: { p256dh: string; auth: string }) =>
      api.call<{ error?: { code: string } }>('POST', '/v1/notifications/web-push/subscriptions', {
        token: session.accessToken,
        body: { endpoint, expirationTime: null, keys: { p256dh: k.p256dh, auth: k.auth } },
      });

    // Someone who learnt the endpoint URL but not the browser's keys cannot move it to their account.
    const hijack = await register(other, browserKeys());
    expect(hijack.status).toBe(409);
    expect(hijack.body.error?.code).toBe('push_endpoint_taken');
    expect(await owners()).toEqual([victim.userId]);

    // The same browser signing in to another account presents the same keys: the endpoint moves.
    expect((await register(other, keys)).status).toBe(201);
    expect(await owners()).toEqual([other.userId]);

    // Its current owner may re-register it with fresh keys (the browser re-subscribed).
    expect((await register(other, browserKeys())).status).toBe(201);
    expect(await owners()).toEqual([other.userId]);
  });

  it('refuses malformed subscriptions', async () => {
    const bad = async (body: unknown) =>
      (await api.call('POST', '/v1/notifications/web-push/subscriptions', { token: user.accessToken, body })).status;
    const keys = browserKeys();
    expect(await bad({ endpoint: `${push.url}/x`, keys: { p256dh: 'AAAA', auth: keys.auth } })).toBe(422);
    expect(await bad({ endpoint: `${push.url}/x`, keys: { p256dh: keys.p256dh, auth: 'AAAA' } })).toBe(422);
    expect(await bad({ endpoint: 'ftp://example.com/x', keys: { p256dh: keys.p256dh, auth: keys.auth } })).toBe(422);
    expect(await bad({ endpoint: `${push.url}/x` })).toBe(400);
    expect(
      (
        await api.call('POST', '/v1/notifications/web-push/subscriptions', {
          body: { endpoint: `${push.url}/x`, keys },
        })
      ).status,
    ).toBe(401);
  });
});
