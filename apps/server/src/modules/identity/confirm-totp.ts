import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import type { IdentityDeps } from './deps';
import { replaceRecoveryCodes } from './recovery-code-repo';
import { newRecoveryCodeSet } from './recovery-codes';
import { sealedFor } from './sealed-columns';
import { matchTotpStep } from './totp';
import { findUserById, updateUser } from './user-repo';

/**
 * Finishes enrolment once the user proves their app produces valid codes. Answers the account's
 * recovery codes, shown this once: each signs in once in place of a TOTP code.
 */
export async function confirmTotp(
  deps: IdentityDeps,
  userId: string,
  code: string,
): Promise<{ recoveryCodes: string[] }> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const user = await findUserById(tx, userId, { lock: true });
    if (!user?.totpSecretEncrypted) throw new DomainError('totp_not_enrolled', 'Start enrolment first');
    if (user.totpEnabledAt) throw new DomainError('totp_already_enabled', 'Two-step sign-in is already on');
    const secret = deps.secrets.cipher.decrypt(user.totpSecretEncrypted, sealedFor('totpSecret', user.id));
    const step = matchTotpStep(secret, code, now, user.totpLastStep);
    if (step === null) throw new DomainError('invalid_code', 'The code is not valid');
    await updateUser(tx, userId, { totpEnabledAt: now, totpLastStep: step, updatedAt: now });
    // Roles held back until TOTP was on (admin) apply from the next request, in every process.
    afterCommit(tx, () => deps.announceAccess({ userId, reason: 'account_changed' }));
    const set = newRecoveryCodeSet(deps.secrets.lookup, userId);
    await replaceRecoveryCodes(tx, userId, set.hashes, now);
    return { recoveryCodes: set.codes };
  });
}
