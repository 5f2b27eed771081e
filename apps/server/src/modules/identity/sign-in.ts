import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Executor } from '../../platform/db/client';
import { forbidden } from '../../platform/errors';
import { addRole, removeRole, type UserRow } from './repo';
import { effectiveRoles } from './rules';
import type { SessionService, TokenPair } from './sessions';
import { mfaChallenges } from './tables';

export type SignInResult = (TokenPair & { user: PublicUser }) | { mfaRequired: true; mfaToken: string };

export interface PublicUser {
  id: string;
  email: string | null;
  username: string;
  roles: string[];
  status: string;
  totpEnabled: boolean;
  createdAt: string;
}

export function presentUser(u: UserRow): PublicUser {
  return {
    id: u.id,
    email: u.email,
    username: u.username,
    roles: u.roles,
    status: u.status,
    totpEnabled: u.totpEnabledAt !== null,
    createdAt: u.createdAt.toISOString(),
  };
}

export const hashMfaToken = (token: string) => createHash('sha256').update(token).digest('base64url');
const MFA_CHALLENGE_SECONDS = 300;

/**
 * The common end of every first factor: refuse suspended accounts, grant the admin role to
 * configured addresses, then either open a session or ask for the TOTP code.
 */
export async function completeSignIn(
  tx: Executor,
  deps: { sessions: SessionService; clock: Clock; adminEmails: string[] },
  user: UserRow,
  method: string,
): Promise<SignInResult> {
  if (user.status === 'suspended') throw forbidden('account_suspended', 'The account is suspended');
  // The stored roles follow ADMIN_EMAILS as configured now (granted, or taken back).
  const roles = effectiveRoles(user.roles, user.email, deps.adminEmails);
  if (roles.includes('admin') && !user.roles.includes('admin')) await addRole(tx, user.id, 'admin');
  if (!roles.includes('admin') && user.roles.includes('admin')) await removeRole(tx, user.id, 'admin');
  if (user.totpEnabledAt) {
    const mfaToken = `mfa_${randomBytes(32).toString('base64url')}`;
    await tx.insert(mfaChallenges).values({
      userId: user.id,
      tokenHash: hashMfaToken(mfaToken),
      method,
      expiresAt: new Date(deps.clock.now().getTime() + MFA_CHALLENGE_SECONDS * 1000),
    });
    return { mfaRequired: true, mfaToken };
  }
  const pair = await deps.sessions.open(tx, { id: user.id, roles }, method);
  return { ...pair, user: presentUser({ ...user, roles }) };
}
