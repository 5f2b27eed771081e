import { useSyncExternalStore } from 'react';
import { sessionStore } from '../api/client';
import type { Session } from './session-store';

/** The current session (re-renders on sign-in, rotation and sign-out, in any tab). */
export function useSession(): Session | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, () => null);
}
