import { and, eq, gt, isNull } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database } from '../../platform/db/client';
import { type AppError, conflict, forbidden, notFound, unauthorized } from '../../platform/errors';
import { findUserById } from './repo';
import type { SessionService, TokenPair } from './sessions';
import { hashMfaToken, presentUser, type PublicUser } from './sign-in';
import { mfaChallenges, users } from './tables';
import { sealedFor } from './sealed-columns';

const PERIOD = 30;
const MAX_MFA_ATTEMPTS = 5;

interface Deps {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  sessions: SessionService;
}

function totpFor(secretBase32: string, label: string): TOTP {
  return new TOTP({
    issuer: 'Video Window',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
    secret: Secret.fromBase32(secretBase32),
  });
}

/**
 * Checks a code against the secret, accepting one step of clock drift, and refuses a step that was
 * already used (RFC 6238 §5.2). Returns the matched step or null.
 */
export function matchTotpStep(secretBase32: string, code: string, now: Date, lastStep: number | null): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totpFor(secretBase32, 'check').validate({ token: code, timestamp: now.getTime(), window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now.getTime() / 1000 / PERIOD) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

/** Starts TOTP enrolment: a new secret the user adds to an authenticator app. */
export async function enrolTotp(deps: Deps, userId: string): Promise<{ secret: string; otpauthUrl: string }> {
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound('user_not_found', 'No such user');
  if (user.totpEnabledAt) throw conflict('totp_already_enabled', 'Two-step sign-in is already on');
  const secret = new Secret({ size: 20 }).base32;
  await deps.db
    .update(users)
    .set({
      totpSecretEncrypted: deps.secrets.cipher.encrypt(secret, sealedFor('totpSecret', userId)),
      updatedAt: deps.clock.now(),
    })
    .where(eq(users.id, userId));
  return { secret, otpauthUrl: totpFor(secret, user.email ?? user.username).toString() };
}

/** Finishes enrolment once the user proves their app produces valid codes. */
export async function confirmTotp(deps: Deps, userId: string, code: string): Promise<void> {
  const user = await findUserById(deps.db, userId);
  if (!user?.totpSecretEncrypted) throw conflict('totp_not_enrolled', 'Start enrolment first');
  if (user.totpEnabledAt) throw conflict('totp_already_enabled', 'Two-step sign-in is already on');
  const secret = deps.secrets.cipher.decrypt(user.totpSecretEncrypted, sealedFor('totpSecret', user.id));
  const step = matchTotpStep(secret, code, deps.clock.now(), user.totpLastStep);
  if (step === null) throw unauthorized('invalid_code', 'The code is not valid');
  await deps.db
    .update(users)
    .set({ totpEnabledAt: deps.clock.now(), totpLastStep: step, updatedAt: deps.clock.now() })
    .where(eq(users.id, userId));
}

/** The second step of sign-in: a TOTP code for the challenge from the first step. */
export async function verifyTotpSignIn(
  deps: Deps,
  input: { mfaToken: string; code: string },
): Promise<TokenPair & { user: PublicUser }> {
  const now = deps.clock.now();
  const outcome = await deps.db.transaction(
    async (tx): Promise<{ error: AppError } | { result: TokenPair & { user: PublicUser } }> => {
      const [challenge] = await tx
        .select()
        .from(mfaChallenges)
        .where(
          and(
            eq(mfaChallenges.tokenHash, hashMfaToken(input.mfaToken)),
            isNull(mfaChallenges.consumedAt),
            gt(mfaChallenges.expiresAt, now),
          ),
        )
        .for('update');
      if (!challenge || challenge.attempts >= MAX_MFA_ATTEMPTS) {
        return { error: unauthorized('invalid_mfa_token', 'The sign-in step has expired; start again') };
      }
      const [user] = await tx.select().from(users).where(eq(users.id, challenge.userId)).for('update');
      if (!user?.totpSecretEncrypted || !user.totpEnabledAt)
        return { error: unauthorized('invalid_mfa_token', 'Start again') };
      const secret = deps.secrets.cipher.decrypt(user.totpSecretEncrypted, sealedFor('totpSecret', user.id));
      const step = matchTotpStep(secret, input.code, now, user.totpLastStep);
      if (step === null) {
        await tx
          .update(mfaChallenges)
          .set({ attempts: challenge.attempts + 1 })
          .where(eq(mfaChallenges.id, challenge.id));
        return { error: unauthorized('invalid_code', 'The code is not valid') };
      }
      await tx.update(mfaChallenges).set({ consumedAt: now }).where(eq(mfaChallenges.id, challenge.id));
      await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
      if (user.status === 'suspended') return { error: forbidden('account_suspended', 'The account is suspended') };
      const pair = await deps.sessions.open(tx, { id: user.id, roles: user.roles }, `${challenge.method}+totp`);
      return { result: { ...pair, user: presentUser(user) } };
    },
  );
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}

/** True once the user has finished TOTP enrolment (required of makers before accepting bids or payouts). */
export async function hasTotp(db: Database, userId: string): Promise<boolean> {
  const user = await findUserById(db, userId);
  return Boolean(user?.totpEnabledAt);
}
