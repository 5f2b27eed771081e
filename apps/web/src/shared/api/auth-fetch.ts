import type { EndReason, Session, SessionStore, TokenPair } from '../session/session-store';
import { apiErrorFrom, networkError } from './api-error';

export interface AuthFetchOptions {
  store: SessionStore;
  /** Origin of the API (the app is served by the same server). */
  baseUrl: string;
  /** Defaults to the global fetch, looked up on every call (tests replace it). */
  fetch?: (request: Request) => Promise<Response>;
  now?: () => number;
  /** Serialises refreshes across tabs; defaults to the Web Locks API when present. */
  lock?: <T>(task: () => Promise<T>) => Promise<T>;
}

export interface AuthFetch {
  (request: Request): Promise<Response>;
  /** A usable access token (refreshed first when it is about to expire), or null when signed out. */
  accessToken(): Promise<string | null>;
  /** Rotates the refresh token now; null when the session is over. */
  refresh(): Promise<Session | null>;
}

/** Refresh this long before the access token expires, so a request never leaves with a dying token. */
const EXPIRY_MARGIN_MS = 20_000;

const END_REASONS: Record<string, EndReason> = {
  refresh_token_reused: 'refresh_token_reused',
  session_ended: 'session_ended',
  account_suspended: 'account_suspended',
};

function webLock<T>(task: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('vw.refresh', task) as Promise<T>) : task();
}

/**
 * fetch with the session: adds the bearer token, refreshes it on `401 token_expired` (or just
 * before expiry) and retries once; rotation stores the new pair; a reused or ended session signs
 * the browser out. Concurrent requests share one refresh.
 */
export function createAuthFetch(options: AuthFetchOptions): AuthFetch {
  const { store } = options;
  const now = options.now ?? Date.now;
  const lock = options.lock ?? webLock;
  const send = (request: Request): Promise<Response> =>
    (options.fetch ?? ((r: Request) => globalThis.fetch(r)))(request).catch((cause: unknown) => {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw networkError(cause);
    });
  let inflight: Promise<Session | null> | null = null;

  const rotate = async (used: string): Promise<Session | null> => {
    const current = store.get();
    if (!current) return null;
    // Another request or tab rotated already: use what it stored rather than replaying an old token.
    if (current.refreshToken !== used) return current;
    const response = await send(
      new Request(`${options.baseUrl}/v1/auth/refresh`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: used }),
      }),
    );
    if (response.ok) return store.save((await response.json()) as TokenPair);
    const error = await apiErrorFrom(response);
    if (error.status === 401 || error.status === 403) {
      store.clear(END_REASONS[error.code] ?? 'session_ended');
      return null;
    }
    throw error;
  };

  const refreshFrom = (used: string): Promise<Session | null> => {
    inflight ??= lock(() => rotate(used)).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const fresh = async (): Promise<Session | null> => {
    const session = store.get();
    if (!session) return null;
    if (session.accessExpiresAt - now() > EXPIRY_MARGIN_MS) return session;
    return refreshFrom(session.refreshToken);
  };

  const withToken = (request: Request, session: Session | null): Request => {
    if (session) request.headers.set('authorization', `Bearer ${session.accessToken}`);
    return request;
  };

  const authFetch = async (request: Request): Promise<Response> => {
    const session = await fresh();
    if (!session) return send(request);
    const retry = request.clone();
    const response = await send(withToken(request, session));
    if (response.status !== 401 && response.status !== 403) return response;
    const { code } = await apiErrorFrom(response);
    if (code === 'account_suspended' || code === 'session_ended') {
      store.clear(END_REASONS[code] ?? 'session_ended');
      return response;
    }
    if (code !== 'token_expired' && code !== 'invalid_token') return response;
    const renewed = await refreshFrom(session.refreshToken);
    if (!renewed) return response;
    return send(withToken(retry, renewed));
  };

  return Object.assign(authFetch, {
    accessToken: async () => (await fresh())?.accessToken ?? null,
    refresh: async () => {
      const session = store.get();
      return session ? refreshFrom(session.refreshToken) : null;
    },
  });
}
