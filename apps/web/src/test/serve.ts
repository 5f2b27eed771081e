import { vi } from 'vitest';
import { jsonResponse } from './render';

export type Route = (request: Request) => Promise<Response> | Response;

/** Answers the app's fetches from `routes` ("METHOD /path"); anything else is a 404. Returns the requests made. */
export function serve(routes: Record<string, Route>): Request[] {
  const calls: Request[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    calls.push(request);
    const { pathname } = new URL(request.url);
    const route = routes[`${request.method} ${pathname}`];
    return route ? route(request) : jsonResponse({ error: { code: 'not_found', message: 'none' } }, 404);
  });
  return calls;
}
