import type { Config } from '../../../config';
import type { CircuitBreaker } from '../../../platform/http/circuit-breaker';
import type { Mailer } from '../../../platform/mail/mailer';
import { absoluteLink, smsText } from '../rules';
import { reachable, textOf, type ChannelSender } from './channel';

/** The SMS provider adapter (Twilio, or the development mailbox outside production). */
export interface SmsSender {
  readonly configured: boolean;
  send(to: string, text: string): Promise<void>;
}

/** Reuses the mailer's SMS path, which already speaks to the configured provider. */
export function mailerSmsSender(mailer: Mailer, config: Config): SmsSender {
  return {
    configured: config.SMS_PROVIDER !== 'none' || config.devMailbox,
    send: (to, text) => mailer.send({ channel: 'sms', to, subject: 'SMS', text }),
  };
}

export function smsChannel(options: { sender: SmsSender; breaker: CircuitBreaker; publicUrl: string }): ChannelSender {
  return {
    async send(delivery) {
      if (!options.sender.configured) return { status: 'skipped', reason: 'SMS is not configured' };
      const contact = await reachable(delivery);
      if (!contact?.phone) return { status: 'skipped', reason: 'no phone number' };
      const phone = contact.phone;
      const n = delivery.notification;
      const { title, body } = await textOf(delivery);
      const text = smsText(title, body, absoluteLink(n.link, options.publicUrl));
      await options.breaker.run(() => options.sender.send(phone, text));
      return { status: 'sent' };
    },
  };
}
