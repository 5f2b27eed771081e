import { retryLater } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import type { OutgoingMessage } from '../../platform/mail/mailer';
import { sealMessage, SEND_MESSAGE_TASK } from '../../platform/mail/sealed-message';
import { codesSentSince, insertCode, lockKey, supersedeCodes } from './code-repo';
import type { IdentityDeps } from './deps';
import { destinationOf, generateOtpCode, retryAfterSeconds, type OtpChannel } from './rules';

/**
 * Sends a one-time code. The answer is the same whether or not an account exists; the limits are
 * per address (5 an hour) and per client IP (30 an hour by default).
 */
export async function startOneTimeCode(
  deps: IdentityDeps,
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
    await lockKey(tx, destinationLookup);
    await lockKey(tx, ipLookup);
    const addressWait = retryAfterSeconds(
      {
        sentAt: await codesSentSince(tx, { destinationLookup }, hourAgo),
        limit: config.OTP_SENDS_PER_ADDRESS_PER_HOUR,
      },
      now,
    );
    if (addressWait > 0)
      throw retryLater('too_many_codes', 'Too many codes were sent to this address; try again later', addressWait);
    const ipWait = retryAfterSeconds(
      { sentAt: await codesSentSince(tx, { ipLookup }, hourAgo), limit: config.OTP_SENDS_PER_IP_PER_HOUR },
      now,
    );
    if (ipWait > 0)
      throw retryLater('too_many_codes', 'Too many codes were requested from this network; try again later', ipWait);

    // A new code supersedes older ones, so only the newest can be guessed at.
    await supersedeCodes(tx, destinationLookup, now);
    await insertCode(tx, {
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
    await enqueue(tx, SEND_MESSAGE_TASK, sealMessage(secrets.cipher, message), { maxAttempts: 8 });
  });
}
