import { desc, eq } from 'drizzle-orm';
import type nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Database } from '../db/client';
import { providerSdk } from '../provider-sdk';
import { devMailbox } from '../tables';

const smtpSdk = providerSdk<typeof nodemailer>('nodemailer');

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Delivers email and SMS: through SMTP / the SMS provider, or into the development mailbox. */
export interface Mailer {
  send(message: OutgoingMessage): Promise<void>;
  /** Development mailbox contents for one address, newest first (empty when not enabled). */
  mailbox(to: string): Promise<{ to: string; channel: string; subject: string; text: string; sentAt: Date }[]>;
  readonly devMailboxEnabled: boolean;
}

export function createMailer(config: Config, db: Database, logger: Logger): Mailer {
  const transport = config.SMTP_URL ? smtpSdk().createTransport(withTimeouts(config.SMTP_URL)) : null;

  async function toDevMailbox(m: OutgoingMessage): Promise<void> {
    await db
      .insert(devMailbox)
      .values({ channel: m.channel, to: m.to, subject: m.subject, text: m.text, html: m.html ?? null });
  }

  async function sendSms(m: OutgoingMessage): Promise<void> {
    if (config.SMS_PROVIDER === 'twilio') {
      const sid = config.TWILIO_ACCOUNT_SID ?? '';
      const body = new URLSearchParams({ To: m.to, From: config.TWILIO_FROM ?? '', Body: m.text });
      const res = await fetch(`https://api.twilio.com/2010-04-01/Accounts/${sid}/Messages.json`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${sid}:${config.TWILIO_AUTH_TOKEN ?? ''}`).toString('base64')}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`SMS provider answered ${res.status}`);
      return;
    }
    if (config.devMailbox) return toDevMailbox(m);
    logger.warn('no SMS provider configured; message dropped');
  }

  return {
    devMailboxEnabled: config.devMailbox,
    async send(m) {
      if (m.channel === 'sms') return sendSms(m);
      if (transport) {
        await transport.sendMail({ from: config.MAIL_FROM, to: m.to, subject: m.subject, text: m.text, html: m.html });
        return;
      }
      if (config.devMailbox) return toDevMailbox(m);
      logger.warn('no mail transport configured; message dropped');
    },
    async mailbox(to) {
      if (!config.devMailbox) return [];
      return db
        .select({
          to: devMailbox.to,
          channel: devMailbox.channel,
          subject: devMailbox.subject,
          text: devMailbox.text,
          sentAt: devMailbox.sentAt,
        })
        .from(devMailbox)
        .where(eq(devMailbox.to, to))
        .orderBy(desc(devMailbox.sentAt))
        .limit(50);
    },
  };
}

/** Adds connection timeouts to an SMTP URL unless it sets its own. */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [k, v] of [
    ['connectionTimeout', '10000'],
    ['greetingTimeout', '10000'],
    ['socketTimeout', '20000'],
  ] as const) {
    if (!url.searchParams.has(k)) url.searchParams.set(k, v);
  }
  return url.toString();
}
