import type { IdentityDeps } from './deps';
import { revokeAllSessions } from './session-repo';

/** Sign out everywhere: every session of the user ends, live connections included. */
export async function signOutEverywhere(deps: IdentityDeps, userId: string): Promise<void> {
  await revokeAllSessions(deps.db, userId, 'sign_out_everywhere', deps.clock.now());
  await deps.announceAccess({ userId, reason: 'session_ended' });
}
