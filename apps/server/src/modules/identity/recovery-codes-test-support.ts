/**
 * Accounts with TOTP on, for the recovery-code tests. The sign-in routes allow 20 requests a
 * minute from one address, so each test file that uses this signs in on a server of its own,
 * started here before its tests and stopped after them.
 */
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, expect } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient } from '../../../test/client';
import { startTestServer } from '../../../test/harness';

type Api = ReturnType<typeof apiClient>;
export type ErrorBody = { error: { code: string } };

export const codeAt = (secret: string, at: Date) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: at.getTime(),
  });

/** Starts this file's server on a manual clock; the helpers answer once it is up. */
export function totpAccounts() {
  const clock = new ManualClock(Date.now());
  let started: { runtime: Runtime; api: Api } | null = null;
  beforeAll(async () => {
    const runtime = await startTestServer({ clock });
    started = { runtime, api: apiClient(runtime) };
  });
  afterAll(async () => started?.runtime.stop());
  const server = () => {
    if (!started) throw new Error('the server starts before the tests');
    return started;
  };

  /** Signs in with an emailed code; an account with TOTP answers the second step's token. */
  async function firstFactor(email: string): Promise<string> {
    const { api } = server();
    const before = Date.now() - 5;
    await api.call('POST', '/v1/auth/email/start', { body: { email } });
    const code = await api.latestCode(email, before);
    const res = await api.call<{ mfaToken: string }>('POST', '/v1/auth/email/verify', { body: { email, code } });
    expect(res.body.mfaToken).toEqual(expect.any(String));
    return res.body.mfaToken;
  }

  /** An account with TOTP on: its session, secret and the recovery codes enrolment answered. */
  async function enrolled(email: string) {
    const { api } = server();
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
    server().api.call<{ accessToken: string; user: { id: string } } & ErrorBody>('POST', '/v1/auth/totp/verify', {
      body,
    });

  return { clock, server, firstFactor, enrolled, verify };
}
