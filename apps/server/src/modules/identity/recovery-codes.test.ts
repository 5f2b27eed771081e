import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { normaliseRecoveryCode } from './recovery-codes';

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

type ErrorBody = { error: { code: string } };

/** Signs in with an emailed code; an account with TOTP answers the second step's token. */
async function firstFactor(email: string): Promise<string> {
  const before = Date.now() - 5;
  await api.call('POST', '/v1/auth/email/start', { body: { email } });
  const code = await api.latestCode(email, before);
  const res = await api.call<{ mfaToken: string }>('POST', '/v1/auth/email/verify', { body: { email, code } });
  expect(res.body.mfaToken).toEqual(expect.any(String));
  return res.body.mfaToken;
}

/** An account with TOTP on: its session, secret and the recovery codes enrolment answered. */
async function enrolled(email: string) {
  const session = await api.signIn(email);
  const enrol = await api.call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: session.accessToken });
  const confirm = await api.call<{ recoveryCodes: string[] }>('POST', '/v1/auth/totp/confirm', {
    token: session.accessToken,
    body: { code: codeAt(enrol.body.secret, clock.now()) },
  });
  expect(confirm.status).toBe(200);
  clock.advance(31_000);
  return { session, secret: enrol.body.secret, codes: confirm.body.recoveryCodes };
}

const verify = (body: Record<string, unknown>) =>
  api.call<{ accessToken: string; user: { id: string } } & ErrorBody>('POST', '/v1/auth/totp/verify', { body });

describe('TOTP recovery codes', () => {
  it('answers 10 distinct codes at enrolment, stored only as keyed hashes', async () => {
    const { session, codes } = await enrolled('recovery-stored@example.com');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const rows = await runtime.ctx.pool.query<{ code_hash: string }>(
      'select code_hash from identity.totp_recovery_codes where user_id = $1',
      [session.userId],
    );
    expect(rows.rows).toHaveLength(10);
    const stored = rows.rows.map((r) => r.code_hash);
    for (const code of codes) {
      expect(stored).not.toContain(code);
      expect(stored).not.toContain(normaliseRecoveryCode(code));
    }
  });

  it('signs in once with a recovery code in place of the TOTP code; the same code is refused after', async () => {
    const email = 'recovery-once@example.com';
    const { session, codes } = await enrolled(email);
    // Typed loosely: upper case, spaces instead of the dash.
    const typed = codes[0]!.toUpperCase().replace('-', ' ');
    const ok = await verify({ mfaToken: await firstFactor(email), recoveryCode: typed });
    expect(ok.status).toBe(200);
    expect(ok.body.user.id).toBe(session.userId);
    expect(ok.body.accessToken).toEqual(expect.any(String));

    const again = await verify({ mfaToken: await firstFactor(email), recoveryCode: codes[0] });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('invalid_recovery_code');
    // Another unused code still works.
    expect((await verify({ mfaToken: await firstFactor(email), recoveryCode: codes[1] })).status).toBe(200);
  });

  it('refuses a wrong code with invalid_recovery_code, counted against the sign-in step', async () => {
    const email = 'recovery-wrong@example.com';
    const { codes } = await enrolled(email);
    const mfaToken = await firstFactor(email);
    for (const wrong of ['aaaaa-aaaaa', 'not a code', 'zzzzz-zzzzz', 'abcde-fghjk', 'x']) {
      const res = await verify({ mfaToken, recoveryCode: wrong });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('invalid_recovery_code');
    }
    // Five wrong tries kill the step, even for a right code.
    const dead = await verify({ mfaToken, recoveryCode: codes[0] });
    expect(dead.body.error.code).toBe('invalid_mfa_token');
    // Another account's code is no code for this one.
    const other = await enrolled('recovery-other@example.com');
    const res = await verify({ mfaToken: await firstFactor(email), recoveryCode: other.codes[0] });
    expect(res.body.error.code).toBe('invalid_recovery_code');
  });

  it('lets a code spent by four sign-ins at once through exactly once', async () => {
    const email = 'recovery-race@example.com';
    const { codes } = await enrolled(email);
    // Four sign-ins each at their second step (one after the other: a new emailed code replaces the last).
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) tokens.push(await firstFactor(email));
    const answers = await Promise.all(tokens.map((mfaToken) => verify({ mfaToken, recoveryCode: codes[2] })));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401, 401]);
    expect(answers.filter((a) => a.status === 401).map((a) => a.body.error.code)).toEqual([
      'invalid_recovery_code',
      'invalid_recovery_code',
      'invalid_recovery_code',
    ]);
  });

  it('refuses a body with both a TOTP code and a recovery code, or neither', async () => {
    const email = 'recovery-shape@example.com';
    const { secret, codes } = await enrolled(email);
    const mfaToken = await firstFactor(email);
    const both = await verify({ mfaToken, code: codeAt(secret, clock.now()), recoveryCode: codes[0] });
    expect(both.status).toBe(400);
    expect((await verify({ mfaToken })).status).toBe(400);
    expect((await verify({ mfaToken, recoveryCode: codes[0] })).status).toBe(200);
  });
});
