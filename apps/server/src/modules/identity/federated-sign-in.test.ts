import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../platform/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let jwksServer: http.Server;
let googleKey: CryptoKey;
let appleKey: CryptoKey;
let jwksHits = 0;

beforeAll(async () => {
  const g = await generateKeyPair('RS256');
  const a = await generateKeyPair('ES256');
  googleKey = g.privateKey;
  appleKey = a.privateKey;
  const googleJwk: JWK = { ...(await exportJWK(g.publicKey)), kid: 'g1', alg: 'RS256', use: 'sig' };
  const appleJwk: JWK = { ...(await exportJWK(a.publicKey)), kid: 'a1', alg: 'ES256', use: 'sig' };
  jwksServer = http.createServer((req, res) => {
    jwksHits++;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: [req.url === '/apple' ? appleJwk : googleJwk] }));
  });
  await new Promise<void>((r) => jwksServer.listen(0, '127.0.0.1', r));
  const port = (jwksServer.address() as AddressInfo).port;
  runtime = await startTestServer({
    env: {
      GOOGLE_CLIENT_IDS: 'web-client.apps.example',
      GOOGLE_JWKS_URL: `http://127.0.0.1:${port}/google`,
      APPLE_CLIENT_IDS: 'com.example.videowindow',
      APPLE_JWKS_URL: `http://127.0.0.1:${port}/apple`,
    },
  });
  api = apiClient(runtime);
});
afterAll(async () => {
  await runtime.stop();
  jwksServer.close();
});

function googleToken(claims: Record<string, unknown>, options: { exp?: number; aud?: string; iss?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: 'g1' })
    .setIssuer(options.iss ?? 'https://accounts.google.com')
    .setAudience(options.aud ?? 'web-client.apps.example')
    .setIssuedAt(now - 10)
    .setExpirationTime(options.exp ?? now + 600)
    .sign(googleKey);
}

const google = (idToken: string, nonce: string) =>
  api.call<{ accessToken?: string; user?: { id: string; email: string }; error?: { code: string } }>(
    'POST',
    '/v1/auth/google',
    {
      body: { idToken, nonce },
    },
  );

describe('Google and Apple sign-in', () => {
  it('lists the configured providers', async () => {
    const res = await api.call('GET', '/v1/auth/providers');
    expect(res.body).toMatchObject({ email: true, google: true, apple: true });
  });

  it('creates an account from a valid Google ID token and signs in again with the same subject', async () => {
    const nonce = 'nonce-google-1';
    const token = await googleToken({ sub: 'g-123', email: 'Gina@Example.com', email_verified: true, nonce });
    const first = await google(token, nonce);
    expect(first.status).toBe(200);
    expect(first.body.user?.email).toBe('gina@example.com');
    const again = await google(
      await googleToken({ sub: 'g-123', email: 'gina@example.com', email_verified: true, nonce: 'n-2-abcdef' }),
      'n-2-abcdef',
    );
    expect(again.body.user?.id).toBe(first.body.user?.id);
    expect(jwksHits).toBeGreaterThan(0);
  });

  it('links to an existing email account only when the provider verified the email', async () => {
    const existing = await api.signIn('linked@example.com');
    const verified = await google(
      await googleToken({ sub: 'g-linked', email: 'linked@example.com', email_verified: true, nonce: 'nonce-abc-1' }),
      'nonce-abc-1',
    );
    expect(verified.body.user?.id).toBe(existing.userId);
    const other = await api.signIn('victim@example.com');
    const unverified = await google(
      await googleToken({
        sub: 'g-attacker',
        email: 'victim@example.com',
        email_verified: false,
        nonce: 'nonce-abc-2',
      }),
      'nonce-abc-2',
    );
    expect(unverified.status).toBe(200);
    expect(unverified.body.user?.id).not.toBe(other.userId);
  });

  it('refuses a wrong nonce, audience, issuer, an expired token and a token signed by another key', async () => {
    const claims = { sub: 'g-9', email: 'x9@example.com', email_verified: true, nonce: 'right-nonce' };
    expect((await google(await googleToken(claims), 'wrong-nonce')).status).toBe(401);
    expect((await google(await googleToken(claims, { aud: 'someone-else' }), 'right-nonce')).status).toBe(401);
    expect((await google(await googleToken(claims, { iss: 'https://evil.example' }), 'right-nonce')).status).toBe(401);
    expect(
      (await google(await googleToken(claims, { exp: Math.floor(Date.now() / 1000) - 60 }), 'right-nonce')).status,
    ).toBe(401);
    const stranger = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'g1' })
      .setIssuer('https://accounts.google.com')
      .setAudience('web-client.apps.example')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(stranger.privateKey);
    const res = await google(forged, 'right-nonce');
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('invalid_id_token');
  });

  it('accepts an Apple token whose nonce is the SHA-256 of the raw nonce', async () => {
    const raw = 'apple-raw-nonce-1';
    const token = await new SignJWT({
      sub: 'apple-1',
      email: 'relay@privaterelay.example',
      email_verified: 'true',
      nonce: createHash('sha256').update(raw).digest('hex'),
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'a1' })
      .setIssuer('https://appleid.apple.com')
      .setAudience('com.example.videowindow')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(appleKey);
    const res = await api.call<{ user: { email: string } }>('POST', '/v1/auth/apple', {
      body: { idToken: token, nonce: raw },
    });
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe('relay@privaterelay.example');
  });
});
