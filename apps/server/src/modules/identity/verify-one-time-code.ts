import { randomUUID } from 'node:crypto';
import type { Executor } from '../../platform/db/client';
import { DomainError, retryLater } from '../../platform/errors';
import { chooseLocale, type Locale } from '../../platform/i18n';
import { enqueue } from '../../platform/jobs';
import { sealMessage, SEND_MESSAGE_TASK } from '../../platform/mail/sealed-message';
import { consumeCode, failedTriesSince, lockKey, lockLiveCode, setCodeAttempts } from './code-repo';
import { completeSignIn, type SignInResult } from './complete-sign-in';
import type { IdentityDeps } from './deps';
import { identityMessages } from './messages';
import { destinationOf, type OtpChannel } from './rules';
import { sealedFor } from './sealed-columns';
import { findUserByEmail, findUserByPhoneLookup, insertUser } from './user-repo';

const DAY_MS = 24 * 3600 * 1000;

/**
 * Tells the address's owner that its sign-in is locked for the day after too many wrong codes, in
 * the account's language (else the one the code was asked for in).
 */
async function warnOwner(
  tx: Executor,
  deps: IdentityDeps,
  channel: OtpChannel,
  to: string,
  locale: Locale,
): Promise<void> {
  const message = {
    channel,
    to,
    subject: identityMessages.format(locale, 'lockedSubject'),
    text: identityMessages.format(locale, 'lockedText'),
  };
  await enqueue(tx, SEND_MESSAGE_TASK, sealMessage(deps.secrets.cipher, message), { maxAttempts: 8 });
}

/**
 * Checks a one-time code. Five wrong tries kill the code; a right code works once. The first
 * successful sign-in creates the account.
 */
export async function verifyOneTimeCode(
  deps: IdentityDeps,
  input: { channel: OtpChannel; destination: string; code: string },
): Promise<SignInResult> {
  const { db, clock, config, secrets } = deps;
  const destination = destinationOf(input.channel, input.destination);
  const destinationLookup = secrets.lookup.hash(`otp:${input.channel}`, destination);
  const now = clock.now();
  const invalid = () => new DomainError('invalid_code', 'The code is wrong, expired or already used');

  // Refusals are returned, not thrown, so a counted wrong try commits.
  const outcome = await db.transaction(async (tx): Promise<{ error: DomainError } | { result: SignInResult }> => {
    // Wrong codes are capped per address per day across all its codes (a slow guess over many codes).
    // The cap depends on the address alone, so the answer never tells whether an account exists.
    await lockKey(tx, `otp-verify:${destinationLookup}`);
    const failed = await failedTriesSince(tx, destinationLookup, new Date(now.getTime() - DAY_MS));
    const cap = config.OTP_FAILED_VERIFICATIONS_PER_ADDRESS_PER_DAY;
    if (failed.n >= cap) {
      const oldest = failed.oldest ? failed.oldest.getTime() : now.getTime();
      const retry = Math.max(1, Math.ceil((oldest + DAY_MS - now.getTime()) / 1000));
      return {
        error: retryLater('sign_in_locked', 'Too many wrong codes for this address today; try again tomorrow', retry),
      };
    }
    const live = await lockLiveCode(tx, destinationLookup, now);
    if (!live || live.attempts >= config.OTP_MAX_ATTEMPTS) return { error: invalid() };
    const expected = secrets.lookup.hash('otp:code', `${destinationLookup}:${input.code}`);
    const phoneLookup = input.channel === 'sms' ? secrets.lookup.hash('phone', destination) : null;
    const findAccount = () => (phoneLookup ? findUserByPhoneLookup(tx, phoneLookup) : findUserByEmail(tx, destination));
    if (!secrets.lookup.equals(expected, live.codeHash)) {
      await setCodeAttempts(tx, live.id, live.attempts + 1);
      if (failed.n + 1 === cap) {
        const owner = await findAccount();
        await warnOwner(tx, deps, input.channel, destination, chooseLocale(owner?.locale, live.locale));
      }
      return { error: invalid() };
    }
    await consumeCode(tx, live.id, now);

    let user = await findAccount();
    if (!user) {
      // The id is chosen here: the phone number is sealed bound to its row.
      const newUserId = randomUUID();
      user = phoneLookup
        ? await insertUser(
            tx,
            {
              id: newUserId,
              phoneLookup,
              phoneEncrypted: secrets.cipher.encrypt(destination, sealedFor('phone', newUserId)),
              roles: ['viewer'],
              locale: live.locale,
            },
            'user@phone',
          )
        : await insertUser(tx, { email: destination, roles: ['viewer'], locale: live.locale }, destination);
    }
    const result = await completeSignIn(deps, tx, user, input.channel === 'email' ? 'email_code' : 'sms_code');
    return { result };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
