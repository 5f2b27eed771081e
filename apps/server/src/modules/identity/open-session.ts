import type { Executor } from '../../platform/db/client';
import type { IdentityDeps } from './deps';
import { hashToken, newRefreshToken } from './rules';
import { insertRefreshToken, insertSession } from './session-repo';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** Opens a session (a refresh-token family) for a signed-in user and returns its first token pair. */
export async function openSession(
  deps: Pick<IdentityDeps, 'clock' | 'config' | 'tokens'>,
  tx: Executor,
  user: { id: string; roles: string[] },
  method: string,
): Promise<TokenPair> {
  const now = deps.clock.now();
  const sessionId = await insertSession(tx, {
    userId: user.id,
    method,
    now,
    expiresAt: new Date(now.getTime() + deps.config.SESSION_MAX_SECONDS * 1000),
  });
  const refreshToken = newRefreshToken();
  await insertRefreshToken(tx, hashToken(refreshToken), sessionId, now);
  const access = await deps.tokens.issue({ sub: user.id, sid: sessionId, roles: user.roles });
  return { accessToken: access.token, refreshToken, expiresIn: access.expiresIn };
}
