import type { CircuitBreaker } from '../../../platform/http/circuit-breaker';
import type { Mailer } from '../../../platform/mail/mailer';
import { absoluteLink } from '../rules';
import { footerLinks, renderEmail } from '../templates';
import { PermanentDeliveryError, reachable, textOf, type ChannelSender } from './channel';

/** SMTP answers 5xx for a message it will never accept (unknown mailbox, policy); 4xx is transient. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function emailChannel(options: { mailer: Mailer; breaker: CircuitBreaker; publicUrl: string }): ChannelSender {
  return {
    async send(delivery) {
      const contact = await reachable(delivery);
      if (!contact?.email) return { status: 'skipped', reason: 'no email address' };
      const n = delivery.notification;
      const { title, body, locale } = await textOf(delivery);
      const content = renderEmail({
        kind: n.kind,
        title,
        body,
        locale,
        link: absoluteLink(n.link, options.publicUrl),
        footer: footerLinks(options.publicUrl),
      });
      const email = contact.email;
      try {
        await options.breaker.run(() => options.mailer.send({ channel: 'email', to: email, ...content }));
      } catch (err) {
        if (isPermanentSmtpError(err))
          throw new PermanentDeliveryError(`mail server refused the message: ${String(err)}`);
        throw err;
      }
      return { status: 'sent' };
    },
  };
}
