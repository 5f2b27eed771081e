import { describe, expect, it } from 'vitest';
import { normaliseRecoveryCode } from './recovery-codes';
import { codeAt, totpAccounts } from './recovery-codes-test-support';

const { clock, server, firstFactor, enrolled, verify } = totpAccounts();

describe('TOTP recovery codes', () => {
  it('answers 10 distinct codes at enrolment, stored only as keyed hashes', async () => {
    const { session, codes } = await enrolled('recovery-stored@example.com');
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    const rows = await server().runtime.ctx.pool.query<{ code_hash: string }>(
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
