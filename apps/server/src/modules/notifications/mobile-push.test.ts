import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { mobilePushTokens } from './tables';
import { notifyCommitted, settledDeliveries } from './test-support';

interface Received {
  path: string;
  authorization: string | undefined;
  body: string;
}

/** Stands in for Google's OAuth token endpoint and FCM's messages:send. */
async function startFirebase(answerFor: (deviceToken: string) => { status: number; body: string }) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      received.push({ path: req.url ?? '', authorization: req.headers.authorization, body });
      res.setHeader('content-type', 'application/json');
      if (req.url === '/token') {
        res.end(JSON.stringify({ access_token: 'ya29.test-access', expires_in: 3600, token_type: 'Bearer' }));
        return;
      }
      const token = (JSON.parse(body) as { message: { token: string } }).message.token;
      const answer = answerFor(token);
      res.statusCode = answer.status;
      res.end(answer.body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const { privateKey, publicKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});

let firebase: Awaited<ReturnType<typeof startFirebase>>;
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let user: Session;

beforeAll(async () => {
  firebase = await startFirebase((token) =>
    token === 'stale-device-token'
      ? {
          status: 404,
          body: JSON.stringify({ error: { status: 'NOT_FOUND', details: [{ errorCode: 'UNREGISTERED' }] } }),
        }
      : { status: 200, body: JSON.stringify({ name: 'projects/p/messages/1' }) },
  );
  const account = {
    client_email: 'push@p.iam.gserviceaccount.com',
    private_key: privateKey,
    token_uri: `${firebase.url}/token`,
  };
  runtime = await startTestServer({
    env: {
      FCM_PROJECT_ID: 'craft-market',
      FCM_SERVICE_ACCOUNT_JSON: Buffer.from(JSON.stringify(account)).toString('base64'),
      FCM_API_URL: firebase.url,
    },
  });
  api = apiClient(runtime);
  user = await api.signIn('mobile@example.com');
});
afterAll(async () => {
  await runtime?.stop();
  await firebase?.close();
});

describe('mobile push through FCM HTTP v1', () => {
  it('signs in with the service account and sends to each registered device', async () => {
    for (const token of ['android-device-token', 'iphone-device-token']) {
      const platform = token.startsWith('android') ? 'android' : 'ios';
      const res = await api.call('POST', '/v1/notifications/mobile-push/tokens', {
        token: user.accessToken,
        body: { platform, token },
      });
      expect(res.status).toBe(201);
    }
    const id = await notifyCommitted(runtime, {
      userId: user.userId,
      kind: 'outbid',
      title: 'Outbid',
      body: 'Now $150',
      link: '/stories/s1',
    });
    expect((await settledDeliveries(runtime, id)).mobile_push!.status).toBe('sent');

    const tokenRequest = firebase.received.find((r) => r.path === '/token')!;
    const assertion = new URLSearchParams(tokenRequest.body).get('assertion')!;
    const { payload } = await jwtVerify(assertion, createPublicKey(publicKey), {
      issuer: 'push@p.iam.gserviceaccount.com',
      audience: `${firebase.url}/token`,
    });
    expect(payload.scope).toBe('https://www.googleapis.com/auth/firebase.messaging');

    const sends = firebase.received.filter((r) => r.path === '/v1/projects/craft-market/messages:send');
    expect(sends).toHaveLength(2);
    expect(sends.every((s) => s.authorization === 'Bearer ya29.test-access')).toBe(true);
    const message = (JSON.parse(sends[0]!.body) as { message: Record<string, unknown> }).message;
    expect(message).toMatchObject({
      notification: { title: 'Outbid', body: 'Now $150' },
      data: { notificationId: id, kind: 'outbid', link: '/stories/s1' },
    });
    // The access token is reused, not fetched per message.
    expect(firebase.received.filter((r) => r.path === '/token')).toHaveLength(1);
  });

  it('drops a device token FCM reports unregistered', async () => {
    const other = await api.signIn('stale@example.com');
    await api.call('POST', '/v1/notifications/mobile-push/tokens', {
      token: other.accessToken,
      body: { platform: 'android', token: 'stale-device-token' },
    });
    const id = await notifyCommitted(runtime, { userId: other.userId, kind: 'won', title: 'You won', body: 'Pay now' });
    expect((await settledDeliveries(runtime, id)).mobile_push).toMatchObject({
      status: 'skipped',
      lastError: 'every mobile device token has expired',
    });
    expect(
      await runtime.ctx.db.select().from(mobilePushTokens).where(eq(mobilePushTokens.userId, other.userId)),
    ).toHaveLength(0);
  });
});
