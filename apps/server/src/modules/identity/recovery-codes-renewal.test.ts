import { describe, expect, it } from 'vitest';
import { codeAt, totpAccounts, type ErrorBody } from './recovery-codes-test-support';

const { clock, server, firstFactor, enrolled, verify } = totpAccounts();

describe('TOTP recovery codes: a new set, and the account deleted', () => {
  it('regenerates the codes with a current TOTP code: the old ones stop working', async () => {
    const email = 'recovery-regen@example.com';
    const { session, secret, codes } = await enrolled(email);
    const wrong = await server().api.call<ErrorBody>('POST', '/v1/auth/totp/recovery-codes', {
      token: session.accessToken,
      body: { code: codeAt(secret, new Date(clock.now().getTime() - 300_000)) },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_code');
    // A recovery code is not a TOTP code here.
    const notTotp = await server().api.call('POST', '/v1/auth/totp/recovery-codes', {
      token: session.accessToken,
      body: { code: codes[0] },
    });
    expect(notTotp.status).toBe(400);

    const fresh = await server().api.call<{ recoveryCodes: string[] }>('POST', '/v1/auth/totp/recovery-codes', {
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
    const session = await server().api.signIn('recovery-no-totp@example.com');
    const res = await server().api.call<ErrorBody>('POST', '/v1/auth/totp/recovery-codes', {
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
        await server().runtime.ctx.pool.query<{ n: number }>(
          'select count(*)::int as n from identity.totp_recovery_codes where user_id = $1',
          [session.userId],
        )
      ).rows[0]!.n;
    expect(await count()).toBe(10);
    expect((await server().api.call('DELETE', '/v1/me', { token: session.accessToken })).status).toBe(204);
    expect(await count()).toBe(0);
  });
});
