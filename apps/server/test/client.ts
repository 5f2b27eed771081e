import type { InjectOptions } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import type { Runtime } from '../src/composition/runtime';

export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
  userId: string;
}

/** Calls the app in-process (no socket), as a client would over HTTP. */
export function apiClient(runtime: Runtime) {
  const app = runtime.app!;
  async function call<T = unknown>(
    method: InjectOptions['method'],
    url: string,
    options: { body?: unknown; token?: string; headers?: Record<string, string>; remoteAddress?: string } = {},
  ): Promise<TestResponse<T>> {
    const res = await app.inject({
      method,
      url,
      ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
      headers: {
        ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
    });
    const text = res.body;
    let body: unknown = text;
    if ((res.headers['content-type'] ?? '').toString().includes('json') && text) body = JSON.parse(text);
    return { status: res.statusCode, body: body as T, headers: res.headers };
  }

  /** The newest code the development mailbox holds for an address (waits for delivery). */
  async function latestCode(to: string, after?: number, waitMs = 5_000): Promise<string> {
    const deadline = Date.now() + waitMs;
    for (let i = 0; i < 100 || Date.now() < deadline; i++) {
      const res = await call<{ messages: { text: string; sentAt: string }[] }>(
        'GET',
        `/v1/dev/mailbox?to=${encodeURIComponent(to)}`,
      );
      const msg = res.body.messages.find((m) => after === undefined || Date.parse(m.sentAt) >= after);
      const code = msg && /(\d{6})/.exec(msg.text)?.[1];
      if (code) return code;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`no code arrived for ${to}`);
  }

  /** Signs in by email code through the public API; returns the session. */
  async function signIn(
    email: string,
    {
      codeWaitMs,
      country = 'US',
      ...options
    }: {
      remoteAddress?: string;
      codeWaitMs?: number;
      /** The country the account receives purchases in (shipping is quoted for it); null leaves it unset. */
      country?: string | null;
    } = {},
  ): Promise<Session> {
    const before = Date.now() - 5;
    const start = await call('POST', '/v1/auth/email/start', { body: { email }, ...options });
    if (start.status !== 202) throw new Error(`start failed: ${start.status} ${JSON.stringify(start.body)}`);
    const code = await latestCode(email, before, codeWaitMs);
    let res = await call<{ accessToken: string; refreshToken: string; user: { id: string }; mfaToken?: string }>(
      'POST',
      '/v1/auth/email/verify',
      {
        body: { email, code },
        ...options,
      },
    );
    const secret = totpSecrets.get(email);
    const mfaToken = res.status === 200 ? res.body.mfaToken : undefined;
    if (mfaToken && secret) {
      // Each time step is accepted once: use the first step after the last one used (the server allows one ahead).
      const nowStep = Math.floor(runtime.ctx.clock.now().getTime() / 30_000);
      const step = Math.max(nowStep, (totpSteps.get(email) ?? -1) + 1);
      if (step > nowStep + 1) await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 50));
      totpSteps.set(email, step);
      res = await call('POST', '/v1/auth/totp/verify', {
        body: { mfaToken, code: totpCode(secret, step * 30_000 - runtime.ctx.clock.now().getTime()) },
      });
    }
    if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (country !== null) {
      const set = await call('PATCH', '/v1/me', { token: res.body.accessToken, body: { country } });
      if (set.status !== 200) throw new Error(`country failed: ${set.status} ${JSON.stringify(set.body)}`);
    }
    return { accessToken: res.body.accessToken, refreshToken: res.body.refreshToken, userId: res.body.user.id };
  }

  /** Signs in and creates a maker profile. */
  async function signInMaker(email: string, displayName = 'Test Maker'): Promise<Session> {
    const s = await signIn(email);
    const res = await call('POST', '/v1/makers', { token: s.accessToken, body: { displayName } });
    if (res.status !== 201) throw new Error(`maker failed: ${res.status} ${JSON.stringify(res.body)}`);
    return s;
  }

  /** Secrets of the accounts this client turned TOTP on for, so `signIn` can finish their second step. */
  const totpSecrets = new Map<string, string>();
  const totpSteps = new Map<string, number>();
  const totpCode = (secret: string, aheadMs = 0) =>
    new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
      timestamp: runtime.ctx.clock.now().getTime() + aheadMs,
    });

  /**
   * Turns TOTP on for a signed-in user (makers need it to accept a buyer, admins for every admin
   * action); returns the secret. Confirms with the previous step's code, leaving this step's for a sign-in.
   */
  async function enrolTotp(session: Session, email?: string): Promise<string> {
    const enrol = await call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: session.accessToken });
    if (enrol.status !== 200) throw new Error(`totp enrol failed: ${enrol.status} ${JSON.stringify(enrol.body)}`);
    const code = totpCode(enrol.body.secret, -30_000);
    const res = await call('POST', '/v1/auth/totp/confirm', { token: session.accessToken, body: { code } });
    if (res.status !== 200) throw new Error(`totp confirm failed: ${res.status} ${JSON.stringify(res.body)}`);
    if (email) totpSecrets.set(email, enrol.body.secret);
    return enrol.body.secret;
  }

  /** Signs in an address listed in ADMIN_EMAILS and turns TOTP on (admin actions need it). */
  async function signInAdmin(email: string, options: { remoteAddress?: string } = {}): Promise<Session> {
    const session = await signIn(email, options);
    await enrolTotp(session, email);
    return session;
  }

  return { call, latestCode, signIn, signInMaker, enrolTotp, signInAdmin };
}
