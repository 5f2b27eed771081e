import { DomainError } from '../../platform/errors';
import type { Caller } from '../../platform/http/types';
import type { IdentityDeps } from './deps';
import { ROLES_NEEDING_TOTP, effectiveRoles } from './rules';
import { findSessionStanding } from './session-repo';

/**
 * Checks a bearer token and that its session and account are still good right now, so sign-out
 * and suspension take effect at once even for unexpired tokens. The standing is read from the
 * process's memory when it may be trusted (see `SessionStandingCache`), else from the database.
 */
export async function authenticate(deps: IdentityDeps, bearer: string): Promise<Caller> {
  const claims = await deps.tokens.verify(bearer);
  const row = await deps.standings.read(claims.sid, claims.sub, () =>
    findSessionStanding(deps.db, claims.sid, claims.sub),
  );
  // Suspension is reported as such (403) even though it also revoked the sessions.
  if (row?.status === 'suspended') throw new DomainError('account_suspended', 'The account is suspended');
  const expired = row !== undefined && row.expiresAt.getTime() <= deps.clock.now().getTime();
  if (!row || row.revoked || expired || row.status === 'deleted') {
    throw new DomainError('session_ended', 'The session has ended; sign in again');
  }
  // Roles come from the account and today's configuration, never from the token's claim.
  const held = effectiveRoles(row.roles, row.email, deps.adminEmails);
  const awaiting = row.totp ? [] : held.filter((r) => ROLES_NEEDING_TOTP.includes(r));
  return {
    userId: claims.sub,
    sessionId: claims.sid,
    roles: held.filter((r) => !awaiting.includes(r)),
    ...(awaiting.length ? { rolesAwaitingTotp: awaiting } : {}),
    expiresAt: claims.expiresAt,
    locale: row.locale,
  };
}
