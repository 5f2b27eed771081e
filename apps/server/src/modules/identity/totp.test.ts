import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { matchTotpStep } from './totp';

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  api = apiClient(runtime);
});
afterAll(async () => runtime.stop());

const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });

async function firstFactor(email: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const before = Date.now() - 5;
  await api.call('POST', '/v1/auth/email/start', { body: { email } });
  const code = await api.latestCode(email, before);
  return api.call('POST', '/v1/auth/email/verify', { body: { email, code } });
}

describe('TOTP second factor', () => {
  it('enrols, then asks for the code after the one-time code, and signs in with it', async () => {
    const email = 'maker-totp@example.com';
    const s = await api.signInMaker(email, 'Totp Maker');
    const enrol = await api.call<{ secret: string; otpauthUrl: string }>('POST', '/v1/auth/totp/enroll', {
      token: s.accessToken,
    });
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const secret = enrol.body.secret;
    expect(
      (await api.call('POST', '/v1/auth/totp/confirm', { token: s.accessToken, body: { code: '000000' } })).status,
    ).toBe(401);
    expect(
      (
        await api.call('POST', '/v1/auth/totp/confirm', {
          token: s.accessToken,
          body: { code: codeAt(secret, clock.now()) },
        })
      ).status,
    ).toBe(200);
    const me = await api.call<{ totpEnabled: boolean }>('GET', '/v1/me', { token: s.accessToken });
    expect(me.body.totpEnabled).toBe(true);
    expect((await api.call('POST', '/v1/auth/totp/enroll', { token: s.accessToken })).status).toBe(409);

    clock.advance(31_000);
    const step1 = await firstFactor(email);
    expect(step1.status).toBe(200);
    expect(step1.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String) as string });
    expect(step1.body.accessToken).toBeUndefined();
    const mfaToken = step1.body.mfaToken as string;
    const code = codeAt(secret, clock.now());
    const ok = await api.call<{ accessToken: string; user: { id: string } }>('POST', '/v1/auth/totp/verify', {
      body: { mfaToken, code },
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(s.userId);
    // the challenge is spent, and the same time step cannot be replayed in a new challenge
    expect((await api.call('POST', '/v1/auth/totp/verify', { body: { mfaToken, code } })).status).toBe(401);
    const again = await firstFactor(email);
    const replay = await api.call('POST', '/v1/auth/totp/verify', { body: { mfaToken: again.body.mfaToken, code } });
    expect(replay.status).toBe(401);
  });

  it('kills the challenge after 5 wrong codes', async () => {
    const email = 'totp-guess@example.com';
    const s = await api.signIn(email);
    const { body } = await api.call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: s.accessToken });
    await api.call('POST', '/v1/auth/totp/confirm', {
      token: s.accessToken,
      body: { code: codeAt(body.secret, clock.now()) },
    });
    clock.advance(31_000);
    const step1 = await firstFactor(email);
    const mfaToken = step1.body.mfaToken as string;
    const right = codeAt(body.secret, clock.now());
    const wrong = right === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) {
      expect((await api.call('POST', '/v1/auth/totp/verify', { body: { mfaToken, code: wrong } })).status).toBe(401);
    }
    const res = await api.call<{ error: { code: string } }>('POST', '/v1/auth/totp/verify', {
      body: { mfaToken, code: right },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_mfa_token');
  });

  it('matches within one step of drift and refuses used steps', () => {
    const secret = new Secret({ size: 20 }).base32;
    const now = new Date('2026-05-01T12:00:00Z');
    const step = Math.floor(now.getTime() / 30_000);
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() - 30_000)), now, null)).toBe(step - 1);
    expect(matchTotpStep(secret, codeAt(secret, new Date(now.getTime() - 90_000)), now, null)).toBeNull();
    expect(matchTotpStep(secret, codeAt(secret, now), now, step)).toBeNull();
    expect(matchTotpStep(secret, 'abcdef', now, null)).toBeNull();
  });
});
