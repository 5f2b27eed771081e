import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@lingui/react';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { createMemoryRouter, MemoryRouter, type RouteObject } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { i18n } from '../shared/i18n/i18n';
import { RealtimeClient } from '../shared/realtime/realtime-client';
import { RealtimeProvider } from '../shared/realtime/realtime-context';
import { ClockContext } from '../shared/time/clock-context';
import { createServerClock, type ServerClock } from '../shared/time/server-clock';
import { FakeSocket } from './fake-socket';

/** Renders a component with a fresh query cache, a realtime client over a fake socket and a server clock. */
export function renderWithApp(ui: ReactElement, options: { clock?: ServerClock; route?: string } = {}) {
  return renderWithProviders(<MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>, options.clock);
}

/**
 * Renders routes in the app's kind of router (a data router, whose navigations are transitions),
 * starting at `route`, with the providers of renderWithApp; `visited` lists every path shown.
 */
export function renderRoutes(routes: RouteObject[], options: { clock?: ServerClock; route: string }) {
  const router = createMemoryRouter(routes, { initialEntries: [options.route] });
  const visited = [router.state.location.pathname];
  router.subscribe((state) => {
    if (visited.at(-1) !== state.location.pathname) visited.push(state.location.pathname);
  });
  return { ...renderWithProviders(<RouterProvider router={router} />, options.clock), router, visited };
}

function renderWithProviders(ui: ReactElement, givenClock?: ServerClock) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const clock = givenClock ?? createServerClock();
  FakeSocket.instances = [];
  const realtime = new RealtimeClient({
    url: 'ws://localhost/v1/realtime',
    getToken: async () => null,
    renewToken: async () => null,
    clock,
    createSocket: (url) => new FakeSocket(url) as unknown as WebSocket,
  });
  const result = render(
    <I18nProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider client={realtime}>
          <ClockContext.Provider value={clock}>{ui}</ClockContext.Provider>
        </RealtimeProvider>
      </QueryClientProvider>
    </I18nProvider>,
  );
  return { ...result, queryClient, realtime, clock };
}

function WithMessages({ children }: { children: ReactNode }) {
  return <I18nProvider i18n={i18n}>{children}</I18nProvider>;
}

/** Renders a component with the app's messages (in English) and nothing else; rerenders keep them. */
export function renderWithI18n(ui: ReactElement, options?: RenderOptions) {
  return render(ui, { wrapper: WithMessages, ...options });
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** A promise with its resolve exposed, to hold a request open while a test looks at the screen. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
