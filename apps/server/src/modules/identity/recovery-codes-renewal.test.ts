// The sign-in routes allow 20 requests a minute from one address: these tests sign in on a server of their own.
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

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

describe('TOTP recovery codes: a new set, and the account deleted', () => {
  it('regenerates the codes with a current TOTP code: the old ones stop working', async () => {
    const email = 'recovery-regen@example.com';
    const { session, secret, codes } = await enrolled(email);
    const wrong = await api.call<ErrorBody>('POST', '/v1/auth/totp/recovery-codes', {
      token: session.accessToken,
      body: { code: codeAt(secret, new Date(clock.now().getTime() - 300_000)) },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_code');
    // A recovery code is not a TOTP code here.
    const notTotp = await api.call('POST', '/v1/auth/totp/recovery-codes', {
      token: session.accessToken,
      body: { code: codes[0] },
    });
    expect(notTotp.status).toBe(400);

    const fresh = await api.call<{ recoveryCodes: string[] }>('POST', '/v1/auth/totp/recovery-codes', {
      token: session.accessToken,
      body: { code: codeAt(secret, clock.now()) },
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect(fresh.body.recoveryCodes.filter((c) => codes.includes(c))).toEqual([]);

    const old = await verify({ mfaToken: await firstFactor(email), recoveryCode: codes[0] });
    expect(old.body.error.code).toBe('invalid_recovery_code');
    expect(
      (await verify({ mfaToken: await firstFactor(email), recoveryCode: fresh.body.recoveryCodes[0] })).status,
    ).toBe(200);
  });

  it('asks for TOTP to be on before regenerating', async () => {
    const session = await api.signIn('recovery-no-totp@example.com');
    const res = await api.call<ErrorBody>('POST', '/v1/auth/totp/recovery-codes', {
      token: session.accessToken,
      body: { code: '123456' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('totp_not_enrolled');
  });

  it('deletes the codes with the account', async () => {
    const { session } = await enrolled('recovery-deleted@example.com');
    const count = async () =>
      (
        await runtime.ctx.pool.query<{ n: number }>(
          'select count(*)::int as n from identity.totp_recovery_codes where user_id = $1',
          [session.userId],
        )
      ).rows[0]!.n;
    expect(await count()).toBe(10);
    expect((await api.call('DELETE', '/v1/me', { token: session.accessToken })).status).toBe(204);
    expect(await count()).toBe(0);
  });
});
