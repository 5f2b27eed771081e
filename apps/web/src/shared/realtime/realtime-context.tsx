import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { authFetch, sessionStore } from '../api/client';
import { serverClock } from '../time/server-clock';
import { RealtimeClient } from './realtime-client';

function socketUrl(): string {
  const { protocol, host } = window.location;
  // Batches: a busy auction arrives in a few frames a second instead of one per event.
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/v1/realtime?batch=1`;
}

let appClient: RealtimeClient | null = null;

/** The app's single realtime connection (created on first use). */
export function appRealtime(): RealtimeClient {
  appClient ??= new RealtimeClient({
    url: socketUrl(),
    getToken: () => authFetch.accessToken(),
    renewToken: () => authFetch.refresh(),
    clock: serverClock,
  });
  return appClient;
}

const RealtimeContext = createContext<RealtimeClient | null>(null);

/** Provides the realtime client and keeps it in step with the session and the network. */
export function RealtimeProvider({ client, children }: { client?: RealtimeClient; children: ReactNode }) {
  const realtime = client ?? appRealtime();
  useEffect(() => {
    let signedIn = sessionStore.get() !== null;
    let userId = sessionStore.get()?.userId;
    let accessToken = sessionStore.get()?.accessToken;
    const offSession = sessionStore.subscribe(() => {
      const session = sessionStore.get();
      // Sign-in/out or a user switch re-authenticates; a refreshed token (same user) renews the
      // connection, which the server would otherwise close at the old token's expiry.
      if ((session !== null) !== signedIn || session?.userId !== userId) {
        signedIn = session !== null;
        userId = session?.userId;
        accessToken = session?.accessToken;
        realtime.sessionChanged(signedIn);
      } else if (session && session.accessToken !== accessToken) {
        accessToken = session.accessToken;
        realtime.tokenRefreshed();
      }
    });
    const wake = () => realtime.wake();
    const onVisible = () => {
      if (document.visibilityState === 'visible') wake();
    };
    window.addEventListener('online', wake);
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      offSession();
      window.removeEventListener('online', wake);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [realtime]);
  return <RealtimeContext.Provider value={realtime}>{children}</RealtimeContext.Provider>;
}

export function useRealtime(): RealtimeClient {
  const client = useContext(RealtimeContext);
  if (!client) throw new Error('useRealtime needs a RealtimeProvider');
  return client;
}
