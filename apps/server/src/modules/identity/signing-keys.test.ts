import { SignJWT, generateKeyPair, base64url } from 'jose';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../platform/clock';
import { taskList, type Task } from '../../platform/jobs';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

const ROTATION_SECONDS = 7 * 24 * 3600;
const JWKS_MAX_AGE_SECONDS = 300;
const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestServer({ clock, env: { SIGNING_KEY_ROTATION_SECONDS: String(ROTATION_SECONDS) } });
  api = apiClient(runtime);
});
afterAll(async () => runtime.stop());
afterEach(() => vi.restoreAllMocks());

const jwksKids = async () =>
  (await api.call<{ keys: { kid: string }[] }>('GET', '/.well-known/jwks.json')).body.keys.map((k) => k.kid);
const kidOf = (token: string) =>
  (JSON.parse(new TextDecoder().decode(base64url.decode(token.split('.')[0]!))) as { kid: string }).kid;

async function rotate(): Promise<void> {
  const identity = runtime.modules.list.find((m) => m.name === 'identity')!;
  const helpers = { logger: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } };
  await taskList(identity.tasks!)['identity:rotate-signing-keys']!({}, helpers as unknown as Parameters<Task>[1]);
}

describe('signing keys', () => {
  it('security review: the JWKS publishes the signing key from start, before any sign-in', async () => {
    const kids = await jwksKids();
    expect(kids).toHaveLength(1);
    const session = await api.signIn('first-after-start@example.com');
    expect(kidOf(session.accessToken)).toBe(kids[0]);
  });

  it('security review: tokens with unknown key ids are refused without a database read each', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forge = (kid: string) =>
      new SignJWT({ sid: randomUUID(), roles: ['viewer'] })
        .setProtectedHeader({ alg: 'EdDSA', kid })
        .setSubject(randomUUID())
        .setIssuer('video-window')
        .setAudience('video-window-app')
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(privateKey);
    const tokens = await Promise.all(Array.from({ length: 60 }, () => forge(randomUUID())));
    const spy = vi.spyOn(runtime.ctx.pool, 'query');
    const answers = await Promise.all(
      tokens.map((token) => api.call<{ error: { code: string } }>('GET', '/v1/me', { token })),
    );
    for (const token of tokens) answers.push(await api.call('GET', '/v1/me', { token }));
    expect(answers.every((a) => a.status === 401 && a.body.error.code === 'invalid_token')).toBe(true);
    const reads = spy.mock.calls.filter(([q]) =>
      (typeof q === 'string' ? q : ((q as { text?: string }).text ?? '')).includes('signing_keys'),
    );
    expect(reads.length).toBeLessThanOrEqual(1);
  });

  it('security review: the next key is published before it signs; tokens of the old key stay valid until they expire', async () => {
    const [first] = await jwksKids();
    expect(kidOf((await api.signIn('rotation@example.com')).accessToken)).toBe(first);

    // An hour before the first key's period ends, the rotation publishes the next key without signing with it.
    clock.advance((ROTATION_SECONDS - 3600) * 1000);
    await rotate();
    const published = await jwksKids();
    expect(published).toHaveLength(2);
    const next = published.find((k) => k !== first)!;
    expect(kidOf((await api.signIn('rotation-2@example.com')).accessToken)).toBe(first);

    // Well past a JWKS cache lifetime later, just before the switch: the old key still signs.
    clock.advance((3600 - 60) * 1000);
    expect(3600 - 60).toBeGreaterThan(JWKS_MAX_AGE_SECONDS);
    const lastOfOld = await api.signIn('rotation-3@example.com');
    expect(kidOf(lastOfOld.accessToken)).toBe(first);

    // After the switch the next key signs, and the old key's tokens stay valid until they expire.
    clock.advance(120 * 1000);
    await rotate();
    const fresh = await api.signIn('rotation-4@example.com');
    expect(kidOf(fresh.accessToken)).toBe(next);
    expect((await api.call('GET', '/v1/me', { token: lastOfOld.accessToken })).status).toBe(200);
    expect(await jwksKids()).toEqual(expect.arrayContaining([first, next]));

    // Once every token the old key signed has expired, the old key is withdrawn.
    clock.advance(901 * 1000);
    await rotate();
    expect(await jwksKids()).toEqual([next]);
    const later = await api.signIn('rotation-5@example.com');
    expect((await api.call('GET', '/v1/me', { token: later.accessToken })).status).toBe(200);
  });
});
