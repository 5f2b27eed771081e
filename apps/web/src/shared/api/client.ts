import { createApiClient } from '@vw/api-client';
import { createSessionStore } from '../session/session-store';
import { ApiError, apiErrorFrom } from './api-error';
import { createAuthFetch } from './auth-fetch';

const baseUrl = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';

/** The browser's session (localStorage, shared across tabs). */
export const sessionStore = createSessionStore();

/** fetch with the bearer token and automatic refresh. */
export const authFetch = createAuthFetch({ store: sessionStore, baseUrl });

/** The typed client generated from the server's OpenAPI document. */
export const api = createApiClient({ baseUrl, fetch: authFetch });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CallOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

function urlOf(path: string, query: CallOptions['query']): string {
  const url = new URL(path, baseUrl);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * A call by path, for routes the generated client does not describe yet (their shapes follow
 * API.md, typed in ./types). Non-2xx answers throw ApiError; 204 resolves to undefined.
 */
export async function callApi<T>(method: Method, path: string, options: CallOptions = {}): Promise<T> {
  const headers = new Headers(options.headers);
  if (options.body !== undefined) headers.set('content-type', 'application/json');
  const response = await authFetch(
    new Request(urlOf(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    }),
  );
  if (!response.ok) throw await apiErrorFrom(response);
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

interface Fetched<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** Unwraps a typed-client answer: the data, or an ApiError built from the uniform error body. */
export async function unwrap<T>(call: Promise<Fetched<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (response.ok) return data as T;
  const body = (error ?? {}) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
  const code = typeof body.error?.code === 'string' ? body.error.code : `http_${response.status}`;
  const message =
    typeof body.error?.message === 'string' ? body.error.message : `The server answered ${response.status}`;
  throw new ApiError(response.status, code, message, body.error?.details);
}

/** A fresh idempotency key for one user intent (kept across retries of that intent). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
