import { retryLater } from '../../platform/errors';
import { chooseLocale, localeFromAcceptLanguage, type Locale } from '../../platform/i18n';
import { escapeHtml } from '../../platform/html';
import { enqueue } from '../../platform/jobs';
import type { OutgoingMessage } from '../../platform/mail/mailer';
import { sealMessage, SEND_MESSAGE_TASK } from '../../platform/mail/sealed-message';
import { codesSentSince, insertCode, lockKey, supersedeCodes } from './code-repo';
import type { IdentityDeps } from './deps';
import { identityMessages } from './messages';
import { findUserByEmail, findUserByPhoneLookup } from './user-repo';
import { destinationOf, generateOtpCode, retryAfterSeconds, type OtpChannel } from './rules';

/**
 * Sends a one-time code. The answer is the same whether or not an account exists; the limits are
 * per address (5 an hour) and per client IP (30 an hour by default). The code is written in the
 * language the request asks for (`locale`), else the existing account's, else the first of the
 * request's Accept-Language the product speaks, else English; the requested language is kept
 * with the code, so an account the code creates starts in it.
 */
export async function startOneTimeCode(
  deps: IdentityDeps,
  input: { channel: OtpChannel; destination: string; ip: string; locale?: Locale; acceptLanguage?: string },
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

    const account =
      input.channel === 'sms'
        ? await findUserByPhoneLookup(tx, secrets.lookup.hash('phone', destination))
        : await findUserByEmail(tx, destination);
    const requested = input.locale ?? localeFromAcceptLanguage(input.acceptLanguage);
    const locale = chooseLocale(input.locale, account?.locale, requested);

    // A new code supersedes older ones, so only the newest can be guessed at.
    await supersedeCodes(tx, destinationLookup, now);
    await insertCode(tx, {
      channel: input.channel,
      destinationLookup,
      ipLookup,
      codeHash: secrets.lookup.hash('otp:code', `${destinationLookup}:${code}`),
      locale: requested,
      expiresAt: new Date(now.getTime() + config.OTP_TTL_SECONDS * 1000),
      createdAt: now,
    });
    const message = codeMessage(input.channel, destination, code, Math.round(config.OTP_TTL_SECONDS / 60), locale);
    await enqueue(tx, SEND_MESSAGE_TASK, sealMessage(secrets.cipher, message), { maxAttempts: 8 });
  });
}

/** The code's email or SMS, in the language chosen for it. */
function codeMessage(channel: OtpChannel, to: string, code: string, minutes: number, locale: Locale): OutgoingMessage {
  const say = (key: Parameters<typeof identityMessages.format>[1]) =>
    identityMessages.format(locale, key, { code, minutes });
  if (channel === 'sms') return { channel: 'sms', to, subject: say('smsSubject'), text: say('smsText') };
  return {
    channel: 'email',
    to,
    subject: say('codeSubject'),
    text: `${say('codeLine')} ${say('codeValidity')}\n\n${say('codeIgnore')}`,
    html: `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(say('smsSubject'))}</title></head><body><p>${escapeHtml(say('codeIntro'))}</p><p style="font-size:28px;font-weight:700;letter-spacing:4px">${code}</p><p>${escapeHtml(say('codeValidity'))} ${escapeHtml(say('codeIgnore'))}</p></body></html>`,
  };
}
