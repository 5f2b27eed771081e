import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from '../session/session-store';
import { createAuthFetch } from './auth-fetch';

const BASE = 'http://localhost:8080';

/** A JWT-shaped token (unsigned: the client only reads its claims). */
function token(sid: string, n: number): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'EdDSA' })}.${part({ sub: 'u1', sid, roles: ['viewer'], n })}.sig`;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const error = (status: number, code: string) => json({ error: { code, message: code } }, status);

function setup() {
  const store = createSessionStore(localStorage);
  store.save({ accessToken: token('s1', 1), refreshToken: 'r1', expiresIn: 900 });
  const server = vi.fn<(request: Request) => Promise<Response>>();
  const authFetch = createAuthFetch({ store, baseUrl: BASE, fetch: server, lock: (task) => task() });
  return { store, server, authFetch };
}

describe('authFetch', () => {
  it('sends the bearer token', async () => {
    const { server, authFetch } = setup();
    server.mockResolvedValueOnce(json({ ok: true }));
    await authFetch(new Request(`${BASE}/v1/me`));
    expect(server.mock.calls[0]?.[0].headers.get('authorization')).toBe(`Bearer ${token('s1', 1)}`);
  });

  it('refreshes on 401 token_expired, stores the rotated pair and retries the request with its body', async () => {
    const { store, server, authFetch } = setup();
    server
      .mockResolvedValueOnce(error(401, 'token_expired'))
      .mockResolvedValueOnce(json({ accessToken: token('s1', 2), refreshToken: 'r2', expiresIn: 900 }))
      .mockResolvedValueOnce(json({ placed: true }, 201));
    const response = await authFetch(
      new Request(`${BASE}/v1/auctions/a1/bids`, { method: 'POST', body: JSON.stringify({ amountMinor: 10_600 }) }),
    );
    expect(response.status).toBe(201);
    const [first, refresh, retry] = server.mock.calls.map((c) => c[0]);
    expect(refresh?.url).toBe(`${BASE}/v1/auth/refresh`);
    expect(await refresh?.json()).toEqual({ refreshToken: 'r1' });
    expect(retry?.headers.get('authorization')).toBe(`Bearer ${token('s1', 2)}`);
    expect(await retry?.json()).toEqual({ amountMinor: 10_600 });
    expect(first?.url).toBe(retry?.url);
    expect(store.get()?.refreshToken).toBe('r2');
  });

  it('shares one refresh between concurrent requests (a rotated token is never replayed)', async () => {
    const { server, authFetch } = setup();
    let refreshes = 0;
    server.mockImplementation(async (request) => {
      if (request.url.endsWith('/v1/auth/refresh')) {
        refreshes += 1;
        return json({ accessToken: token('s1', 2), refreshToken: 'r2', expiresIn: 900 });
      }
      return request.headers.get('authorization') === `Bearer ${token('s1', 2)}`
        ? json({})
        : error(401, 'token_expired');
    });
    const answers = await Promise.all([1, 2, 3].map(() => authFetch(new Request(`${BASE}/v1/me`))));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
  });

  it('refreshes before sending when the access token is about to expire', async () => {
    const { store, server, authFetch } = setup();
    store.save({ accessToken: token('s1', 1), refreshToken: 'r1', expiresIn: 5 });
    server
      .mockResolvedValueOnce(json({ accessToken: token('s1', 2), refreshToken: 'r2', expiresIn: 900 }))
      .mockResolvedValueOnce(json({}));
    await authFetch(new Request(`${BASE}/v1/me`));
    expect(server.mock.calls.map((c) => new URL(c[0].url).pathname)).toEqual(['/v1/auth/refresh', '/v1/me']);
  });

  it.each(['refresh_token_reused', 'session_ended'])(
    'signs the browser out when the refresh answers %s',
    async (code) => {
      const { store, server, authFetch } = setup();
      server.mockResolvedValueOnce(error(401, 'token_expired')).mockResolvedValueOnce(error(401, code));
      const response = await authFetch(new Request(`${BASE}/v1/me`));
      expect(response.status).toBe(401);
      expect(store.get()).toBeNull();
      expect(store.lastEndReason()).toBe(code);
    },
  );

  it('keeps the session when the refresh fails for lack of network', async () => {
    const { store, server, authFetch } = setup();
    server.mockResolvedValueOnce(error(401, 'token_expired')).mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(authFetch(new Request(`${BASE}/v1/me`))).rejects.toMatchObject({ code: 'network_error' });
    expect(store.get()?.refreshToken).toBe('r1');
  });

  it('signs out on a suspended account', async () => {
    const { store, server, authFetch } = setup();
    server.mockResolvedValueOnce(error(403, 'account_suspended'));
    await authFetch(new Request(`${BASE}/v1/me`));
    expect(store.get()).toBeNull();
    expect(store.lastEndReason()).toBe('account_suspended');
  });

  it('exposes the session id from the token for the player overlay', () => {
    const { store } = setup();
    expect(store.get()?.sessionId).toBe('s1');
    expect(store.get()?.userId).toBe('u1');
  });
});
