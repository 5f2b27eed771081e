import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { replaceRecoveryCodes } from './recovery-code-repo';
import { newRecoveryCodeSet } from './recovery-codes';
import { sealedFor } from './sealed-columns';
import { matchTotpStep } from './totp';
import { findUserById, updateUser } from './user-repo';

/**
 * A new set of recovery codes, replacing the old (used or not), for a signed-in account with TOTP
 * on that proves it holds the authenticator (a current TOTP code, not a recovery code).
 */
export async function regenerateRecoveryCodes(
  deps: IdentityDeps,
  userId: string,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId, { lock: true });
    if (!user?.totpSecretEncrypted || !user.totpEnabledAt)
      throw new DomainError('totp_not_enrolled', 'Turn on two-step sign-in first');
    const secret = deps.secrets.cipher.decrypt(user.totpSecretEncrypted, sealedFor('totpSecret', user.id));
    const step = matchTotpStep(secret, code, now, user.totpLastStep);
    if (step === null) throw new DomainError('invalid_code', 'The code is not valid');
    await updateUser(tx, userId, { totpLastStep: step, updatedAt: now });
    const set = newRecoveryCodeSet(deps.secrets.lookup, userId);
    await replaceRecoveryCodes(tx, userId, set.hashes, now);
    return { recoveryCodes: set.codes };
  });
}
