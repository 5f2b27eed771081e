import type { InjectOptions } from 'fastify';
import type { Runtime } from '../src/platform/runtime';

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
    { codeWaitMs, ...options }: { remoteAddress?: string; codeWaitMs?: number } = {},
  ): Promise<Session> {
    const before = Date.now() - 5;
    const start = await call('POST', '/v1/auth/email/start', { body: { email }, ...options });
    if (start.status !== 202) throw new Error(`start failed: ${start.status} ${JSON.stringify(start.body)}`);
    const code = await latestCode(email, before, codeWaitMs);
    const res = await call<{ accessToken: string; refreshToken: string; user: { id: string } }>(
      'POST',
      '/v1/auth/email/verify',
      {
        body: { email, code },
        ...options,
      },
    );
    if (res.status !== 200) throw new Error(`verify failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { accessToken: res.body.accessToken, refreshToken: res.body.refreshToken, userId: res.body.user.id };
  }

  /** Signs in and creates a maker profile. */
  async function signInMaker(email: string, displayName = 'Test Maker'): Promise<Session> {
    const s = await signIn(email);
    const res = await call('POST', '/v1/makers', { token: s.accessToken, body: { displayName } });
    if (res.status !== 201) throw new Error(`maker failed: ${res.status} ${JSON.stringify(res.body)}`);
    return s;
  }

  return { call, latestCode, signIn, signInMaker };
}
