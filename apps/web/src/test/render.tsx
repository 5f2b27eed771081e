import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { I18nProvider } from '@lingui/react';
import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement, ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { i18n } from '../shared/i18n/i18n';
import { RealtimeClient } from '../shared/realtime/realtime-client';
import { RealtimeProvider } from '../shared/realtime/realtime-context';
import { ClockContext } from '../shared/time/clock-context';
import { createServerClock, type ServerClock } from '../shared/time/server-clock';
import { FakeSocket } from './fake-socket';

/** Renders a component with a fresh query cache, a realtime client over a fake socket and a server clock. */
export function renderWithApp(ui: ReactElement, options: { clock?: ServerClock; route?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const clock = options.clock ?? createServerClock();
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
          <ClockContext.Provider value={clock}>
            <MemoryRouter initialEntries={[options.route ?? '/']}>{ui}</MemoryRouter>
          </ClockContext.Provider>
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
