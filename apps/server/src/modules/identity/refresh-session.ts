import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import type { TokenPair } from './open-session';
import { effectiveRoles, hashToken, newRefreshToken } from './rules';
import {
  insertRefreshToken,
  lockRefreshToken,
  markRefreshTokenRotated,
  revokeSession,
  touchSession,
} from './session-repo';

/**
 * Exchanges a refresh token for a new pair. A token that was already rotated means it leaked:
 * the whole session is revoked, so the thief's newer token dies too.
 */
export async function refreshSession(deps: IdentityDeps, refreshToken: string): Promise<TokenPair> {
  const now = deps.clock.now();
  const tokenHash = hashToken(refreshToken);
  // Refusals are returned, not thrown, so what the transaction wrote (a revoked session) commits.
  const outcome = await deps.db.transaction(async (tx): Promise<{ error: DomainError } | { pair: TokenPair }> => {
    const row = await lockRefreshToken(tx, tokenHash);
    if (!row) return { error: new DomainError('invalid_refresh_token', 'The refresh token is not valid') };
    if (row.status === 'suspended') return { error: new DomainError('account_suspended', 'The account is suspended') };
    if (row.revokedAt || row.expiresAt <= now) {
      return { error: new DomainError('session_ended', 'The session has ended; sign in again') };
    }
    if (row.rotatedAt) {
      await revokeSession(tx, row.sessionId, 'refresh_token_reuse', now);
      const ended = { userId: row.userId, sessionId: row.sessionId, reason: 'session_ended' } as const;
      afterCommit(tx, () => deps.announceAccess(ended));
      return {
        error: new DomainError('refresh_token_reused', 'The refresh token was already used; the session is revoked'),
      };
    }
    if (row.status === 'deleted') return { error: new DomainError('session_ended', 'The session has ended') };
    await markRefreshTokenRotated(tx, tokenHash, now);
    const next = newRefreshToken();
    await insertRefreshToken(tx, hashToken(next), row.sessionId, now);
    await touchSession(tx, row.sessionId, now);
    const roles = effectiveRoles(row.roles, row.email, deps.adminEmails);
    const access = await deps.tokens.issue({ sub: row.userId, sid: row.sessionId, roles });
    return { pair: { accessToken: access.token, refreshToken: next, expiresIn: access.expiresIn } };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.pair;
}
