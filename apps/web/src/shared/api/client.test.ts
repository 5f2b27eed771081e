import { describe, expect, it, vi } from 'vitest';
import { createSessionStore } from '../session/session-store';
import { ApiError } from './api-error';
import { createAuthFetch } from './auth-fetch';
import { createWebApiClient } from './client';

const BASE = 'http://localhost:8080';
const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A JWT-shaped token (unsigned: the client only reads its claims). */
function token(n: number): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'EdDSA' })}.${part({ sub: 'u1', sid: 's1', roles: ['viewer'], n })}.sig`;
}

function clientOver(server: (request: Request) => Promise<Response>) {
  return createWebApiClient({ baseUrl: BASE, fetch: server });
}

describe('the typed API client', () => {
  it("says the app's language on every request", async () => {
    const seen: (string | null)[] = [];
    const api = createWebApiClient({
      baseUrl: BASE,
      language: () => 'pt-PT',
      fetch: async (request) => {
        seen.push(request.headers.get('accept-language'));
        return json({ demo: false });
      },
    });
    await api.GET('/v1/environment');
    expect(seen).toEqual(['pt-PT']);
  });

  it('throws ApiError with the status, stable code, message and details of a uniform error body', async () => {
    const api = clientOver(async () =>
      json(
        { error: { code: 'bid_too_low', message: 'Bid at least $106.00.', details: { minNextBidMinor: 10_600 } } },
        409,
      ),
    );
    const call = api.POST('/v1/auctions/{id}/bids', {
      params: { path: { id: 'a1' }, header: { 'idempotency-key': 'k1' } },
      body: { amountMinor: 10_000 },
    });
    const error = await call.then(
      () => null,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 409,
      code: 'bid_too_low',
      message: 'Bid at least $106.00.',
      details: { minNextBidMinor: 10_600 },
    });
  });

  it('names an answer without the uniform body by its status', async () => {
    const api = clientOver(async () => new Response('<html>Bad gateway</html>', { status: 502 }));
    await expect(api.GET('/v1/stories/{id}', { params: { path: { id: STORY_ID } } })).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
    });
  });

  it('sends typed paths, queries, headers and bodies, and resolves with the data', async () => {
    const seen: Request[] = [];
    const api = clientOver(async (request) => {
      seen.push(request);
      return json({ bid: { id: 'b1' }, auction: { id: 'a1' } }, 201);
    });
    const { data } = await api.POST('/v1/auctions/{id}/bids', {
      params: { path: { id: 'a1' }, header: { 'idempotency-key': 'intent-1' } },
      body: { amountMinor: 10_600 },
    });
    expect(data?.auction.id).toBe('a1');
    const [request] = seen;
    expect(request?.url).toBe(`${BASE}/v1/auctions/a1/bids`);
    expect(request?.headers.get('idempotency-key')).toBe('intent-1');
    expect(await request?.json()).toEqual({ amountMinor: 10_600 });
  });

  it('goes through the session fetch: bearer token, one refresh on token_expired, then the retried answer', async () => {
    const store = createSessionStore(localStorage);
    store.save({ accessToken: token(1), refreshToken: 'r1', expiresIn: 900 });
    const server = vi.fn<(request: Request) => Promise<Response>>();
    server
      .mockResolvedValueOnce(json({ error: { code: 'token_expired', message: 'expired' } }, 401))
      .mockResolvedValueOnce(json({ accessToken: token(2), refreshToken: 'r2', expiresIn: 900 }))
      .mockResolvedValueOnce(json({ unreadCount: 3 }));
    const authFetch = createAuthFetch({ store, baseUrl: BASE, fetch: server, lock: (task) => task() });
    const api = createWebApiClient({ baseUrl: BASE, fetch: authFetch });

    const { data } = await api.GET('/v1/notifications/unread-count');

    expect(data).toEqual({ unreadCount: 3 });
    const [first, refresh, retry] = server.mock.calls.map(([request]) => request);
    expect(first?.headers.get('authorization')).toBe(`Bearer ${token(1)}`);
    expect(new URL(refresh?.url ?? '').pathname).toBe('/v1/auth/refresh');
    expect(retry?.headers.get('authorization')).toBe(`Bearer ${token(2)}`);
  });
});
