import { createApiClient, type ApiClient } from '@vw/api-client';
import { createSessionStore } from '../session/session-store';
import { apiErrorFrom } from './api-error';
import { createAuthFetch } from './auth-fetch';
import { clientId } from './client-id';
import { formatTag } from '../i18n/i18n';

const baseUrl = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';

/**
 * The typed client generated from the server's OpenAPI document, over the given fetch (the
 * session's in the app). Calls resolve with the 2xx data; anything else throws ApiError. With
 * `clientId`, every request carries the browser's `X-Client-Id` (signed-out views and events
 * are counted under it). With `language`, every request says the app's language
 * (`Accept-Language`), which the server answers in where it writes for a person.
 */
export function createWebApiClient(options: {
  baseUrl: string;
  fetch: (request: Request) => Promise<Response>;
  clientId?: () => string;
  language?: () => string;
}): ApiClient {
  const { clientId: idOf, language, ...clientOptions } = options;
  const client = createApiClient(clientOptions);
  if (language) {
    client.use({
      onRequest({ request }) {
        request.headers.set('accept-language', language());
        return request;
      },
    });
  }
  if (idOf) {
    client.use({
      onRequest({ request }) {
        if (!request.headers.has('x-client-id')) request.headers.set('x-client-id', idOf());
        return request;
      },
    });
  }
  // Every non-2xx answer becomes a thrown ApiError carrying the server's stable error code.
  client.use({
    async onResponse({ response }) {
      if (!response.ok) throw await apiErrorFrom(response);
      return undefined;
    },
  });
  return client;
}

/** The browser's session (localStorage, shared across tabs). */
export const sessionStore = createSessionStore();

/** fetch with the bearer token and one shared refresh on `401 token_expired`. */
export const authFetch = createAuthFetch({ store: sessionStore, baseUrl });

/** The only way the app calls the API: typed paths, parameters, bodies and answers. */
export const api = createWebApiClient({ baseUrl, fetch: authFetch, clientId, language: formatTag });

/**
 * The data of a typed call. A non-2xx answer has already thrown ApiError in the client, so what
 * is left is the 2xx answer (undefined for 204).
 */
export async function unwrap<T>(call: Promise<{ data?: T }>): Promise<T> {
  const { data } = await call;
  return data as T;
}

/** A fresh idempotency key for one user intent (kept across retries of that intent). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
