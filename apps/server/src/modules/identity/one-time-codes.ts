import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Database, Executor } from '../../platform/db/client';
import { type AppError, badRequest, tooManyRequests, unauthorized } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import type { OutgoingMessage } from '../../platform/mail/mailer';
import { sealMessage } from '../../platform/mail/sealed-message';
import { findUserByEmail, findUserByPhoneLookup, insertUser } from './repo';
import { generateOtpCode, normalizeEmail, normalizePhone, retryAfterSeconds } from './rules';
import { completeSignIn, type SignInResult } from './sign-in';
import type { SessionService } from './sessions';
import { sealedFor } from './sealed-columns';
import { otpCodes } from './tables';

export type OtpChannel = 'email' | 'sms';

interface Deps {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  sessions: SessionService;
}

function destinationOf(channel: OtpChannel, raw: string): string {
  if (channel === 'email') return normalizeEmail(raw);
  const phone = normalizePhone(raw);
  if (!phone) throw badRequest('invalid_phone', 'Phone numbers are written in E.164, like +14155550123');
  return phone;
}

/**
 * Sends a one-time code. The answer is the same whether or not an account exists; the limits are
 * per address (5 an hour) and per client IP (30 an hour by default).
 */
export async function startOneTimeCode(
  deps: Deps,
  input: { channel: OtpChannel; destination: string; ip: string },
): Promise<void> {
  const { db, clock, config, secrets } = deps;
  const destination = destinationOf(input.channel, input.destination);
  const destinationLookup = secrets.lookup.hash(`otp:${input.channel}`, destination);
  const ipLookup = secrets.lookup.hash('otp:ip', input.ip);
  const now = clock.now();
  const hourAgo = new Date(now.getTime() - 3600_000);
  const code = generateOtpCode();

  await db.transaction(async (tx) => {
    // Serialise sends per address and per IP so concurrent requests cannot both slip under a limit.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${destinationLookup}))`);
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${ipLookup}))`);
    const byAddress = await tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(and(eq(otpCodes.destinationLookup, destinationLookup), gt(otpCodes.createdAt, hourAgo)))
      .orderBy(asc(otpCodes.createdAt));
    const addressWait = retryAfterSeconds(
      { sentAt: byAddress.map((r) => r.createdAt), limit: config.OTP_SENDS_PER_ADDRESS_PER_HOUR },
      now,
    );
    if (addressWait > 0)
      throw tooManyRequests('too_many_codes', 'Too many codes were sent to this address; try again later', addressWait);
    const byIp = await tx
      .select({ createdAt: otpCodes.createdAt })
      .from(otpCodes)
      .where(and(eq(otpCodes.ipLookup, ipLookup), gt(otpCodes.createdAt, hourAgo)))
      .orderBy(asc(otpCodes.createdAt));
    const ipWait = retryAfterSeconds(
      { sentAt: byIp.map((r) => r.createdAt), limit: config.OTP_SENDS_PER_IP_PER_HOUR },
      now,
    );
    if (ipWait > 0)
      throw tooManyRequests(
        'too_many_codes',
        'Too many codes were requested from this network; try again later',
        ipWait,
      );

    // A new code supersedes older ones, so only the newest can be guessed at.
    await tx
      .update(otpCodes)
      .set({ consumedAt: now })
      .where(and(eq(otpCodes.destinationLookup, destinationLookup), isNull(otpCodes.consumedAt)));
    await tx.insert(otpCodes).values({
      channel: input.channel,
      destinationLookup,
      ipLookup,
      codeHash: secrets.lookup.hash('otp:code', `${destinationLookup}:${code}`),
      expiresAt: new Date(now.getTime() + config.OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    const minutes = Math.round(config.OTP_TTL_SECONDS / 60);
    const message: OutgoingMessage =
      input.channel === 'email'
        ? {
            channel: 'email',
            to: destination,
            subject: `Your Video Window sign-in code: ${code}`,
            text: `Your sign-in code is ${code}. It is valid for ${minutes} minutes and can be used once.\n\nIf you did not ask for it, ignore this message.`,
            html: `<p>Your sign-in code is</p><p style="font-size:28px;font-weight:700;letter-spacing:4px">${code}</p><p>It is valid for ${minutes} minutes and can be used once. If you did not ask for it, ignore this message.</p>`,
          }
        : {
            channel: 'sms',
            to: destination,
            subject: 'Sign-in code',
            text: `Video Window code: ${code} (valid ${minutes} min)`,
          };
    await enqueue(tx, 'platform.send-message', sealMessage(secrets.cipher, message), { maxAttempts: 8 });
  });
}

const DAY_MS = 24 * 3600 * 1000;

/** Tells the address's owner that its sign-in is locked for the day after too many wrong codes. */
async function warnOwner(tx: Executor, secrets: Deps['secrets'], channel: OtpChannel, to: string): Promise<void> {
  const text =
    'Someone is trying to sign in to your account with wrong codes. Sign-in by code is paused for today. ' +
    'If this was not you, no action is needed: your account is safe.';
  const message = { channel, to, subject: 'Someone is trying to sign in to your account', text };
  await enqueue(tx, 'platform.send-message', sealMessage(secrets.cipher, message), { maxAttempts: 8 });
}

/**
 * Checks a one-time code. Five wrong tries kill the code; a right code works once. The first
 * successful sign-in creates the account.
 */
export async function verifyOneTimeCode(
  deps: Deps,
  input: { channel: OtpChannel; destination: string; code: string },
): Promise<SignInResult> {
  const { db, clock, config, secrets } = deps;
  const destination = destinationOf(input.channel, input.destination);
  const destinationLookup = secrets.lookup.hash(`otp:${input.channel}`, destination);
  const now = clock.now();
  const invalid = () => unauthorized('invalid_code', 'The code is wrong, expired or already used');

  const outcome = await db.transaction(async (tx): Promise<{ error: AppError } | { result: SignInResult }> => {
    // Wrong codes are capped per address per day across all its codes (a slow guess over many codes).
    // The cap depends on the address alone, so the answer never tells whether an account exists.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`otp-verify:${destinationLookup}`}))`);
    const dayAgo = new Date(now.getTime() - DAY_MS);
    const [failed] = await tx
      .select({
        n: sql<number>`coalesce(sum(${otpCodes.attempts}), 0)::int`,
        oldest: sql<Date | null>`min(${otpCodes.createdAt})`,
      })
      .from(otpCodes)
      .where(and(eq(otpCodes.destinationLookup, destinationLookup), gt(otpCodes.createdAt, dayAgo)));
    const cap = config.OTP_FAILED_VERIFICATIONS_PER_ADDRESS_PER_DAY;
    if ((failed?.n ?? 0) >= cap) {
      const oldest = failed?.oldest ? new Date(failed.oldest).getTime() : now.getTime();
      const retry = Math.max(1, Math.ceil((oldest + DAY_MS - now.getTime()) / 1000));
      return {
        error: tooManyRequests(
          'sign_in_locked',
          'Too many wrong codes for this address today; try again tomorrow',
          retry,
        ),
      };
    }
    const [live] = await tx
      .select()
      .from(otpCodes)
      .where(
        and(
          eq(otpCodes.destinationLookup, destinationLookup),
          isNull(otpCodes.consumedAt),
          gt(otpCodes.expiresAt, now),
        ),
      )
      .orderBy(desc(otpCodes.createdAt))
      .limit(1)
      .for('update');
    if (!live || live.attempts >= config.OTP_MAX_ATTEMPTS) return { error: invalid() };
    const expected = secrets.lookup.hash('otp:code', `${destinationLookup}:${input.code}`);
    if (!secrets.lookup.equals(expected, live.codeHash)) {
      // The failed try is counted even though the caller gets an error (the transaction commits).
      await tx
        .update(otpCodes)
        .set({ attempts: live.attempts + 1 })
        .where(eq(otpCodes.id, live.id));
      if ((failed?.n ?? 0) + 1 === cap) await warnOwner(tx, secrets, input.channel, destination);
      return { error: invalid() };
    }
    await tx.update(otpCodes).set({ consumedAt: now }).where(eq(otpCodes.id, live.id));

    let user =
      input.channel === 'email'
        ? await findUserByEmail(tx, destination)
        : await findUserByPhoneLookup(tx, secrets.lookup.hash('phone', destination));
    if (!user) {
      // The id is chosen here: the phone number is sealed bound to its row.
      const newUserId = randomUUID();
      user =
        input.channel === 'email'
          ? await insertUser(tx, { email: destination, roles: ['viewer'] }, destination)
          : await insertUser(
              tx,
              {
                id: newUserId,
                phoneLookup: secrets.lookup.hash('phone', destination),
                phoneEncrypted: secrets.cipher.encrypt(destination, sealedFor('phone', newUserId)),
                roles: ['viewer'],
              },
              'user@phone',
            );
    }
    const result = await completeSignIn(
      tx,
      { sessions: deps.sessions, clock, adminEmails: config.ADMIN_EMAILS.map(normalizeEmail) },
      user,
      input.channel === 'email' ? 'email_code' : 'sms_code',
    );
    return { result };
  });
  if ('error' in outcome) throw outcome.error;
  return outcome.result;
}
