import { vi } from 'vitest';
import { sessionStore } from '../shared/api/client';
import { jsonResponse } from './render';

/** A JWT-shaped access token (unsigned: the app only reads its claims). */
function token(roles: string[]): string {
  const part = (o: object) => btoa(JSON.stringify(o)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'EdDSA' })}.${part({ sub: 'u1', sid: 's1', roles })}.sig`;
}

/** Signs the app's session in (tokens valid for an hour) with these roles. */
export function signInAs(roles: string[] = ['viewer']): void {
  sessionStore.save({ accessToken: token(roles), refreshToken: 'r1', expiresIn: 3600 });
}

export const me = (patch: Record<string, unknown> = {}) => ({
  id: '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44',
  email: 'ann@example.com',
  username: 'ann',
  roles: ['viewer'],
  status: 'active',
  totpEnabled: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  phone: null,
  locale: 'en',
  maker: null,
  ...patch,
});

export type Route = (request: Request) => Promise<Response> | Response;

/** Answers the app's fetches from `METHOD /path` routes (404 otherwise) and records every request. */
export function serve(routes: Record<string, Route>): Request[] {
  const calls: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    calls.push(request.clone());
    const { pathname } = new URL(request.url);
    const route = routes[`${request.method} ${pathname}`];
    return route ? route(request) : jsonResponse({ error: { code: 'not_found', message: 'none' } }, 404);
  });
  return calls;
}
