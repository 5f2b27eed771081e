import { SignJWT, base64url, importJWK, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let session: Session;

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  api = apiClient(runtime);
  session = await api.signIn('tokens@example.com');
});
afterAll(async () => runtime.stop());

const me = (token: string) => api.call<{ error?: { code: string } }>('GET', '/v1/me', { token });

async function signingKey(): Promise<{ kid: string; key: CryptoKey | Uint8Array }> {
  const { rows } = await runtime.ctx.pool.query<{ kid: string; private_jwk_encrypted: string }>(
    'select kid, private_jwk_encrypted from identity.signing_keys order by created_at desc limit 1',
  );
  const jwk = JSON.parse(
    runtime.ctx.secrets.cipher.decrypt(rows[0]!.private_jwk_encrypted, {
      purpose: 'identity.signing_keys.private_jwk',
      rowId: rows[0]!.kid,
    }),
  ) as JWK;
  return { kid: rows[0]!.kid, key: (await importJWK(jwk, 'EdDSA')) as CryptoKey | Uint8Array };
}

function decodePart(token: string, index: number): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[index]!))) as Record<string, unknown>;
}

describe('access tokens', () => {
  it('are EdDSA JWTs with kid and the claims sub, sid, roles, iss, aud, published keys at the JWKS endpoint', async () => {
    const header = decodePart(session.accessToken, 0);
    const claims = decodePart(session.accessToken, 1);
    expect(header.alg).toBe('EdDSA');
    expect(header.kid).toBeTypeOf('string');
    expect(claims).toMatchObject({
      sub: session.userId,
      roles: ['viewer'],
      iss: 'video-window',
      aud: 'video-window-app',
    });
    expect(claims.sid).toBeTypeOf('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
    const jwks = await api.call<{ keys: { kid: string; d?: string }[] }>('GET', '/.well-known/jwks.json');
    expect(jwks.body.keys.map((k) => k.kid)).toContain(header.kid);
    expect(jwks.body.keys.every((k) => k.d === undefined)).toBe(true);
    expect((await me(session.accessToken)).status).toBe(200);
  });

  it('refuses alg:none', async () => {
    const [, payload] = session.accessToken.split('.');
    const none = `${base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }))}.${payload}.`;
    const res = await me(none);
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('invalid_token');
  });

  it('refuses a wrong algorithm (HS256 keyed with the public key)', async () => {
    const jwks = await api.call<{ keys: JWK[] }>('GET', '/.well-known/jwks.json');
    const header = decodePart(session.accessToken, 0);
    const forged = await new SignJWT(decodePart(session.accessToken, 1))
      .setProtectedHeader({ alg: 'HS256', kid: header.kid as string })
      .sign(new TextEncoder().encode(JSON.stringify(jwks.body.keys[0])));
    expect((await me(forged)).status).toBe(401);
  });

  it('refuses altered claims (roles raised to admin with the old signature)', async () => {
    const [h, , sig] = session.accessToken.split('.');
    const claims = { ...decodePart(session.accessToken, 1), roles: ['viewer', 'admin'] };
    const altered = `${h}.${base64url.encode(JSON.stringify(claims))}.${sig}`;
    expect((await me(altered)).status).toBe(401);
    const suspend = await api.call('POST', `/v1/admin/users/${session.userId}/suspend`, { token: altered, body: {} });
    expect(suspend.status).toBe(401);
  });

  it('refuses a token for another audience or issuer even when correctly signed', async () => {
    const { kid, key } = await signingKey();
    const claims = decodePart(session.accessToken, 1);
    const make = (aud: string, iss: string) =>
      new SignJWT({ sid: claims.sid, roles: claims.roles })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .setSubject(session.userId)
        .setIssuedAt(Math.floor(clock.now().getTime() / 1000))
        .setExpirationTime(Math.floor(clock.now().getTime() / 1000) + 600)
        .setAudience(aud)
        .setIssuer(iss)
        .sign(key);
    expect((await me(await make('video-window-app', 'video-window'))).status).toBe(200);
    expect((await me(await make('another-app', 'video-window'))).status).toBe(401);
    expect((await me(await make('video-window-app', 'someone-else'))).status).toBe(401);
  });

  it('refuses an expired token with token_expired', async () => {
    clock.advance(901_000);
    try {
      const res = await me(session.accessToken);
      expect(res.status).toBe(401);
      expect(res.body.error?.code).toBe('token_expired');
    } finally {
      clock.advance(-901_000);
    }
  });

  it('refuses garbage and a missing or malformed Authorization header', async () => {
    expect((await me('not.a.jwt')).status).toBe(401);
    expect((await api.call('GET', '/v1/me')).status).toBe(401);
    const res = await api.call<{ error: { code: string } }>('GET', '/v1/me', {
      headers: { authorization: 'Basic abc' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_token');
  });

  it('stay valid across a restart on the same data (keys are persisted)', async () => {
    const second = await startTestServer({ databaseUrl: runtime.databaseUrl, clock });
    try {
      const res = await apiClient(second).call('GET', '/v1/me', { token: session.accessToken });
      expect(res.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
