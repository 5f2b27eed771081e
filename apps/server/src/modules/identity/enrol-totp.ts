import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { sealedFor } from './sealed-columns';
import { newTotpSecret, totpFor } from './totp';
import { findUserById, updateUser } from './user-repo';

/** Starts TOTP enrolment: a new secret the user adds to an authenticator app. */
export async function enrolTotp(deps: IdentityDeps, userId: string): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw new DomainError('user_not_found', 'No such user');
  if (user.totpEnabledAt) throw new DomainError('totp_already_enabled', 'Two-step sign-in is already on');
  const secret = newTotpSecret();
  await updateUser(deps.db, userId, {
    totpSecretEncrypted: deps.secrets.cipher.encrypt(secret, sealedFor('totpSecret', userId)),
    updatedAt: deps.clock.now(),
  });
  return { secret, otpauthUrl: totpFor(secret, user.email ?? user.username).toString() };
}
