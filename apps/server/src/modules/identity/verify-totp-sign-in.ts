import { DomainError } from '../../platform/errors';
import { consumeMfaChallenge, lockLiveMfaChallenge, setMfaChallengeAttempts } from './code-repo';
import type { IdentityDeps } from './deps';
import { openSession, type TokenPair } from './open-session';
import { presentUser, type PublicUser } from './present';
import { spendRecoveryCode } from './recovery-code-repo';
import { normaliseRecoveryCode, recoveryCodeHash } from './recovery-codes';
import { hashToken } from './rules';
import { sealedFor } from './sealed-columns';
import { MAX_MFA_ATTEMPTS, matchTotpStep } from './totp';
import { findUserById, updateUser } from './user-repo';

/**
 * The second step of sign-in: a TOTP code for the challenge from the first step, or one of the
 * account's recovery codes (each signs in once). A wrong code of either kind counts against the
 * challenge.
 */
export async function verifyTotpSignIn(
  deps: IdentityDeps,
  input: { mfaToken: string } & (
    { code: string; recoveryCode?: undefined } | { code?: undefined; recoveryCode: string }
  ),
): Promise<TokenPair & { user: PublicUser }> {
  const now = deps.clock.now();
  // Refusals are returned, not thrown, so a counted wrong code commits.
  const outcome = await deps.db.transaction(
    async (tx): Promise<{ error: DomainError } | { result: TokenPair & { user: PublicUser } }> => {
      const challenge = await lockLiveMfaChallenge(tx, hashToken(input.mfaToken), now);
      if (!challenge || challenge.attempts >= MAX_MFA_ATTEMPTS) {
        return { error: new DomainError('invalid_mfa_token', 'The sign-in step has expired; start again') };
      }
      const user = await findUserById(tx, challenge.userId, { lock: true });
      if (!user?.totpSecretEncrypted || !user.totpEnabledAt)
        return { error: new DomainError('invalid_mfa_token', 'Start again') };
      if (input.recoveryCode !== undefined) {
        const typed = normaliseRecoveryCode(input.recoveryCode);
        const spent =
          typed !== null &&
          (await spendRecoveryCode(tx, user.id, recoveryCodeHash(deps.secrets.lookup, user.id, typed), now));
        if (!spent) {
          await setMfaChallengeAttempts(tx, challenge.id, challenge.attempts + 1);
          return {
            error: new DomainError('invalid_recovery_code', 'The recovery code is not valid or was already used'),
          };
        }
      } else {
        const secret = deps.secrets.cipher.decrypt(user.totpSecretEncrypted, sealedFor('totpSecret', user.id));
        const step = matchTotpStep(secret, input.code, now, user.totpLastStep);
        if (step === null) {
          await setMfaChallengeAttempts(tx, challenge.id, challenge.attempts + 1);
          return { error: new DomainError('invalid_code', 'The code is not valid') };
        }
        await updateUser(tx, user.id, { totpLastStep: step });
      }
      await consumeMfaChallenge(tx, challenge.id, now);
      if (user.status === 'suspended')
        return { error: new DomainError('account_suspended', 'The account is suspended') };
      const pair = await openSession(
        deps,
        tx,
        { id: user.id, roles: user.roles },
        input.recoveryCode !== undefined ? `${challenge.method}+recovery` : `${challenge.method}+totp`,
      );
      return { result: { ...pair, user: presentUser(user) } };
    },
  );
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
