import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { RealtimeProvider } from '../shared/realtime/realtime-context';
import type { RealtimeClient } from '../shared/realtime/realtime-client';
import { PlaybackProvider } from '../shared/player/playback-context';
import { createQueryClient } from './query-client';

/** Everything screens rely on: the query cache, the realtime connection, shared playback state. */
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
      <RealtimeProvider client={realtime}>
        <PlaybackProvider>{children}</PlaybackProvider>
      </RealtimeProvider>
    </QueryClientProvider>
  );
}
