import type { Executor } from '../../platform/db/client';
import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import { insertMfaChallenge } from './code-repo';
import type { IdentityDeps } from './deps';
import { openSession, type TokenPair } from './open-session';
import { presentUser, type PublicUser } from './present';
import { effectiveRoles, hashToken, newMfaToken } from './rules';
import { addRole, removeRole, type UserRow } from './user-repo';

export type SignInResult = (TokenPair & { user: PublicUser }) | { mfaRequired: true; mfaToken: string };

const MFA_CHALLENGE_SECONDS = 300;

/**
 * The common end of every first factor: refuse suspended accounts, grant the admin role to
 * configured addresses, then either open a session or ask for the TOTP code.
 */
export async function completeSignIn(
  deps: Pick<IdentityDeps, 'clock' | 'config' | 'tokens' | 'adminEmails' | 'announceAccess'>,
  tx: Executor,
  user: UserRow,
  method: string,
): Promise<SignInResult> {
  if (user.status === 'suspended') throw new DomainError('account_suspended', 'The account is suspended');
  // The stored roles follow ADMIN_EMAILS as configured now (granted, or taken back).
  const roles = effectiveRoles(user.roles, user.email, deps.adminEmails);
  const granted = roles.includes('admin') && !user.roles.includes('admin');
  const withdrawn = !roles.includes('admin') && user.roles.includes('admin');
  if (granted) await addRole(tx, user.id, 'admin');
  if (withdrawn) await removeRole(tx, user.id, 'admin');
  if (granted || withdrawn) afterCommit(tx, () => deps.announceAccess({ userId: user.id, reason: 'account_changed' }));
  if (user.totpEnabledAt) {
    const mfaToken = newMfaToken();
    await insertMfaChallenge(tx, {
      userId: user.id,
      tokenHash: hashToken(mfaToken),
      method,
      expiresAt: new Date(deps.clock.now().getTime() + MFA_CHALLENGE_SECONDS * 1000),
    });
    return { mfaRequired: true, mfaToken };
  }
  const pair = await openSession(deps, tx, { id: user.id, roles }, method);
  return { ...pair, user: presentUser({ ...user, roles }) };
}
