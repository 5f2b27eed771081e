import { readAccessClaims } from './jwt';

/** The signed-in session as the browser keeps it. */
export interface Session {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms at which the access token expires (local clock). */
  accessExpiresAt: number;
  userId: string;
  /** Session id (`sid` claim): shown in the player's protection overlay. */
  sessionId: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Why a session ended, so the sign-in screen can say so. */
export type EndReason = 'signed_out' | 'session_ended' | 'refresh_token_reused' | 'account_suspended';

export interface SessionStore {
  get: () => Session | null;
  /** Stores a fresh token pair (sign-in or rotation). */
  save: (pair: TokenPair) => Session;
  clear: (reason: EndReason) => void;
  lastEndReason: () => EndReason | null;
  subscribe: (listener: () => void) => () => void;
}

const KEY = 'vw.session';
const END_KEY = 'vw.session-ended';

function parse(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    if (typeof value.accessToken !== 'string' || typeof value.refreshToken !== 'string') return null;
    return value as Session;
  } catch {
    return null;
  }
}

/**
 * Session in localStorage, shared by every tab: a rotation in one tab is seen by the others
 * (the `storage` event), so no tab presents a refresh token that was already rotated.
 */
export function createSessionStore(storage: Storage = localStorage, now: () => number = Date.now): SessionStore {
  const listeners = new Set<() => void>();
  let cachedText: string | null = null;
  let cached: Session | null = null;
  const notify = () => listeners.forEach((l) => l());

  const read = (): Session | null => {
    const text = storage.getItem(KEY);
    if (text !== cachedText) {
      cachedText = text;
      cached = parse(text);
    }
    return cached;
  };

  if (typeof window !== 'undefined') {
    window.addEventListener('storage', (event) => {
      if (event.key === KEY || event.key === null) notify();
    });
  }

  return {
    get: read,
    save: (pair) => {
      const claims = readAccessClaims(pair.accessToken);
      const session: Session = {
        accessToken: pair.accessToken,
        refreshToken: pair.refreshToken,
        accessExpiresAt: now() + pair.expiresIn * 1000,
        userId: claims?.sub ?? '',
        sessionId: claims?.sid ?? '',
      };
      storage.setItem(KEY, JSON.stringify(session));
      storage.removeItem(END_KEY);
      notify();
      return session;
    },
    clear: (reason) => {
      if (storage.getItem(KEY) === null) return;
      storage.removeItem(KEY);
      storage.setItem(END_KEY, reason);
      notify();
    },
    lastEndReason: () => storage.getItem(END_KEY) as EndReason | null,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
