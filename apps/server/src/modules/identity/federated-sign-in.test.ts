import { SignJWT, exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
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

async function issuedNonce(provider: 'google' | 'apple' = 'google'): Promise<string> {
  const res = await api.call<{ nonce: string; expiresAt: string }>('POST', '/v1/auth/federated/nonce', {
    body: { provider },
  });
  if (res.status !== 200) throw new Error(`nonce failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.nonce;
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
    const nonce = await issuedNonce();
    const token = await googleToken({ sub: 'g-123', email: 'Gina@Example.com', email_verified: true, nonce });
    const first = await google(token, nonce);
    expect(first.status).toBe(200);
    expect(first.body.user?.email).toBe('gina@example.com');
    const second = await issuedNonce();
    const again = await google(
      await googleToken({ sub: 'g-123', email: 'gina@example.com', email_verified: true, nonce: second }),
      second,
    );
    expect(again.body.user?.id).toBe(first.body.user?.id);
    expect(jwksHits).toBeGreaterThan(0);
  });

  it('links to an existing email account only when the provider verified the email', async () => {
    const existing = await api.signIn('linked@example.com');
    const n1 = await issuedNonce();
    const verified = await google(
      await googleToken({ sub: 'g-linked', email: 'linked@example.com', email_verified: true, nonce: n1 }),
      n1,
    );
    expect(verified.body.user?.id).toBe(existing.userId);
    const other = await api.signIn('victim@example.com');
    const n2 = await issuedNonce();
    const unverified = await google(
      await googleToken({
        sub: 'g-attacker',
        email: 'victim@example.com',
        email_verified: false,
        nonce: n2,
      }),
      n2,
    );
    expect(unverified.status).toBe(200);
    expect(unverified.body.user?.id).not.toBe(other.userId);
  });

  it('refuses a wrong nonce, audience, issuer, an expired token and a token signed by another key', async () => {
    const right = await issuedNonce();
    const claims = { sub: 'g-9', email: 'x9@example.com', email_verified: true, nonce: right };
    expect((await google(await googleToken(claims), 'wrong-nonce')).status).toBe(401);
    expect((await google(await googleToken(claims, { aud: 'someone-else' }), right)).status).toBe(401);
    expect((await google(await googleToken(claims, { iss: 'https://evil.example' }), right)).status).toBe(401);
    expect((await google(await googleToken(claims, { exp: Math.floor(Date.now() / 1000) - 60 }), right)).status).toBe(
      401,
    );
    const stranger = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'g1' })
      .setIssuer('https://accounts.google.com')
      .setAudience('web-client.apps.example')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(stranger.privateKey);
    const res = await google(forged, right);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('invalid_id_token');
  });

  it('accepts an Apple token whose nonce is the SHA-256 of the raw nonce', async () => {
    const raw = await issuedNonce('apple');
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

describe('sign-in nonces', () => {
  it('security review: the ID token nonce must be one the server issued, for that provider, and works once', async () => {
    const claims = (nonce: string) => ({ sub: 'g-nonce', email: 'nonce@example.com', email_verified: true, nonce });
    // A nonce the client made up is refused, however well the token is signed.
    const invented = 'client-chosen-nonce-1';
    const madeUp = await google(await googleToken(claims(invented)), invented);
    expect(madeUp.status).toBe(401);
    expect(madeUp.body.error?.code).toBe('invalid_nonce');
    // A nonce issued for Apple does not serve a Google sign-in.
    const forApple = await issuedNonce('apple');
    expect((await google(await googleToken(claims(forApple)), forApple)).status).toBe(401);
    // An issued nonce works once: the same ID token replayed is refused.
    const nonce = await issuedNonce();
    const token = await googleToken(claims(nonce));
    expect((await google(token, nonce)).status).toBe(200);
    const replay = await google(token, nonce);
    expect(replay.status).toBe(401);
    expect(replay.body.error?.code).toBe('invalid_nonce');
  });

  it('security review: an issued nonce expires', async () => {
    const res = await api.call<{ nonce: string; expiresAt: string }>('POST', '/v1/auth/federated/nonce', {
      body: { provider: 'google' },
    });
    expect(res.status).toBe(200);
    const ttl = Date.parse(res.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600_000);
    const stored = await runtime.ctx.pool.query<{ n: number }>(
      'select count(*)::int as n from identity.federated_nonces where nonce_hash = $1',
      [res.body.nonce],
    );
    expect(stored.rows[0]!.n).toBe(0); // only its hash is kept
  });
});
