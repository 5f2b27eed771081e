import type { IdentityDeps } from './deps';
import { revokeLiveSession } from './session-repo';

/** Ends one session; its live connections close. */
export async function signOut(deps: IdentityDeps, sessionId: string): Promise<void> {
  const ended = await revokeLiveSession(deps.db, sessionId, 'sign_out', deps.clock.now());
  for (const { userId } of ended) await deps.announceAccess({ userId, sessionId, reason: 'session_ended' });
}
