import { formatMoney } from '@vw/domain';
import { escapeHtml } from '../../../platform/html';
import { formatTag, instant, SOURCE_LOCALE, type Locale } from '../../../platform/i18n';
import { htmlPage } from '../../payments';
import type { ShippingAddress } from '../../payments';
import { orderMessages } from '../messages';
import type { Relation } from '../rules';
import type { OrderRow } from '../tables';

type MessageKey = Parameters<typeof orderMessages.format>[1];

export interface ReceiptInput {
  order: OrderRow;
  relation: Relation;
  makerName: string;
  /** Decrypted; only for the buyer and the maker. */
  shippingAddress: ShippingAddress | null;
  /** Opened by link without sign-in: the address is reduced to city and country. */
  addressMasked?: boolean;
  /** The reader's language (English when not given). */
  locale?: Locale;
}

export const orderNumber = (orderId: string): string => orderId.slice(0, 8).toUpperCase();

function row(term: string, value: string): string {
  return `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`;
}

function addressLines(a: ShippingAddress): string[] {
  return [
    a.name,
    a.line1,
    a.line2 ?? '',
    [a.postalCode, a.city].filter(Boolean).join(' '),
    a.state ?? '',
    a.country,
  ].filter((line) => line.trim().length > 0);
}

/** The receipt as an HTML page (self-contained, printable), in the reader's language. */
export function renderReceiptPage(input: ReceiptInput): string {
  const { order } = input;
  const locale = input.locale ?? SOURCE_LOCALE;
  const say = (key: MessageKey, values = {}) => orderMessages.format(locale, key, values);
  const money = (minor: number) => formatMoney(minor, order.currency, formatTag(locale));
  const number = orderNumber(order.id);
  const rows = [
    row(say('label.order'), number),
    row(say('label.item'), order.itemTitle),
    row(say('label.soldBy'), input.makerName),
    row(say('label.paid'), say('atUtc', { at: instant(order.paidAt) })),
    row(say('label.itemPrice'), money(order.amountMinor - order.shippingMinor)),
    row(say('label.shipping'), money(order.shippingMinor)),
    row(say('label.amountPaid'), money(order.amountMinor)),
    order.refundedMinor > 0 ? row(say('label.refunded'), money(order.refundedMinor)) : '',
    input.relation !== 'buyer' ? row(say('label.platformFee'), money(order.feeMinor)) : '',
    input.relation !== 'buyer'
      ? row(say('label.makerReceives'), money(Math.max(0, order.amountMinor - order.feeMinor - order.refundedMinor)))
      : '',
    row(say('label.status'), say(`status.${order.status}` as const)),
    order.carrier ? row(say('label.carrier'), order.carrier) : '',
    order.trackingNumber ? row(say('label.trackingNumber'), order.trackingNumber) : '',
  ].join('');
  const shown = input.shippingAddress
    ? input.addressMasked
      ? [`${input.shippingAddress.city}, ${input.shippingAddress.country}`]
      : addressLines(input.shippingAddress)
    : [];
  const address = input.shippingAddress
    ? `<section class="card" aria-labelledby="ship-to"><h2 id="ship-to" style="font-size:1.1rem;margin-top:0">${escapeHtml(say('page.shipTo'))}</h2><address style="font-style:normal">${shown
        .map(escapeHtml)
        .join('<br>')}</address>${
        input.addressMasked ? `<p class="muted">${escapeHtml(say('page.signInForAddress'))}</p>` : ''
      }</section>`
    : '';
  return htmlPage(
    say('page.title', { number, title: order.itemTitle }),
    `<h1>${escapeHtml(say('page.heading'))}</h1>
<p class="muted">${escapeHtml(say('page.subheading', { number }))}</p>
<section class="card" aria-label="${escapeHtml(say('page.details'))}"><dl>${rows}</dl></section>
${address}`,
    locale,
  );
}

/** The receipt email sent to the buyer when the payment succeeds, in the buyer's language. */
export function renderReceiptEmail(input: {
  order: OrderRow;
  /** The maker's public name; null says "the maker" in the buyer's language. */
  makerName: string | null;
  receiptUrl: string;
  locale?: Locale;
}): {
  subject: string;
  text: string;
  html: string;
} {
  const { order } = input;
  const locale = input.locale ?? SOURCE_LOCALE;
  const maker = input.makerName ?? orderMessages.phrase('theMaker');
  const amount = formatMoney(order.amountMinor, order.currency, formatTag(locale));
  const number = orderNumber(order.id);
  const paidAt = instant(order.paidAt);
  const say = (key: MessageKey, values = {}) => orderMessages.format(locale, key, values);
  const text = [
    say('email.thanksLine'),
    '',
    say('email.orderLine', { number }),
    say('email.itemLine', { title: order.itemTitle }),
    say('email.soldByLine', { maker }),
    say('email.amountLine', { amount }),
    say('email.paidLine', { paidAt }),
    '',
    say('email.receiptLine', { url: input.receiptUrl }),
    '',
    '— Video Window',
  ].join('\n');
  const itemBy = orderMessages.formatHtml(
    locale,
    'email.itemBy',
    { maker },
    { title: `<strong>${escapeHtml(order.itemTitle)}</strong>` },
  );
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(say('page.title', { number, title: order.itemTitle }))}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1a1a1a;background:#f6f5f2;padding:24px">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(say('email.thanks'))}</h1>
<p>${itemBy}</p>
<p>${escapeHtml(say('email.summary', { number, amount, paidAt }))}</p>
<p><a href="${escapeHtml(input.receiptUrl)}" style="color:#1d4ed8">${escapeHtml(say('email.viewReceipt'))}</a></p>
</div></body></html>`;
  return { subject: say('email.subject', { title: order.itemTitle, number }), text, html };
}
