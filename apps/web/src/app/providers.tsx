import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { AppI18nProvider } from '../shared/i18n/i18n-provider';
import { RealtimeProvider } from '../shared/realtime/realtime-context';
import type { RealtimeClient } from '../shared/realtime/realtime-client';
import { PlaybackProvider } from '../shared/player/playback-context';
import { createQueryClient } from './query-client';

/**
 * Everything screens rely on: the query cache, the language, the realtime connection, shared
 * playback state.
 */
export function Providers({
  children,
  queryClient,
  realtime,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  realtime?: RealtimeClient;
}) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AppI18nProvider>
        <RealtimeProvider client={realtime}>
          <PlaybackProvider>{children}</PlaybackProvider>
        </RealtimeProvider>
      </AppI18nProvider>
    </QueryClientProvider>
  );
}
