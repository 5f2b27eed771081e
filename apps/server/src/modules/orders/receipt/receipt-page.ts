import { formatMoney } from '@vw/domain';
import { escapeHtml } from '../../../platform/html';
import { htmlPage } from '../../payments';
import type { ShippingAddress } from '../../payments';
import type { Relation } from '../rules';
import type { OrderRow } from '../tables';

export interface ReceiptInput {
  order: OrderRow;
  relation: Relation;
  makerName: string;
  /** Decrypted; only for the buyer and the maker. */
  shippingAddress: ShippingAddress | null;
  /** Opened by link without sign-in: the address is reduced to city and country. */
  addressMasked?: boolean;
}

const STATUS_TEXT: Record<OrderRow['status'], string> = {
  paid: 'Paid — waiting to be shipped',
  shipped: 'Shipped',
  delivered: 'Delivered',
  completed: 'Completed',
  cancelled: 'Cancelled',
  refunded: 'Refunded',
  disputed: 'Disputed',
};

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

/** The receipt as an HTML page (self-contained, printable). */
export function renderReceiptPage(input: ReceiptInput): string {
  const { order } = input;
  const money = (minor: number) => formatMoney(minor, order.currency);
  const rows = [
    row('Order', orderNumber(order.id)),
    row('Item', order.itemTitle),
    row('Sold by', input.makerName),
    row('Paid', order.paidAt.toUTCString()),
    row('Item price', money(order.amountMinor - order.shippingMinor)),
    row('Shipping', money(order.shippingMinor)),
    row('Amount paid', money(order.amountMinor)),
    order.refundedMinor > 0 ? row('Refunded', money(order.refundedMinor)) : '',
    input.relation !== 'buyer' ? row('Platform fee', money(order.feeMinor)) : '',
    input.relation !== 'buyer'
      ? row('Maker receives', money(Math.max(0, order.amountMinor - order.feeMinor - order.refundedMinor)))
      : '',
    row('Status', STATUS_TEXT[order.status]),
    order.carrier ? row('Carrier', order.carrier) : '',
    order.trackingNumber ? row('Tracking number', order.trackingNumber) : '',
  ].join('');
  const shown = input.shippingAddress
    ? input.addressMasked
      ? [`${input.shippingAddress.city}, ${input.shippingAddress.country}`]
      : addressLines(input.shippingAddress)
    : [];
  const address = input.shippingAddress
    ? `<section class="card" aria-labelledby="ship-to"><h2 id="ship-to" style="font-size:1.1rem;margin-top:0">Ship to</h2><address style="font-style:normal">${shown
        .map(escapeHtml)
        .join('<br>')}</address>${
        input.addressMasked ? '<p class="muted">Sign in to see the full address.</p>' : ''
      }</section>`
    : '';
  return htmlPage(
    `Receipt ${orderNumber(order.id)} — ${order.itemTitle}`,
    `<h1>Receipt</h1>
<p class="muted">Video Window · order ${escapeHtml(orderNumber(order.id))}</p>
<section class="card" aria-label="Order details"><dl>${rows}</dl></section>
${address}`,
  );
}

/** The receipt email sent to the buyer when the payment succeeds. */
export function renderReceiptEmail(input: { order: OrderRow; makerName: string; receiptUrl: string }): {
  subject: string;
  text: string;
  html: string;
} {
  const { order } = input;
  const amount = formatMoney(order.amountMinor, order.currency);
  const number = orderNumber(order.id);
  const text = [
    `Thank you for your purchase.`,
    '',
    `Order: ${number}`,
    `Item: ${order.itemTitle}`,
    `Sold by: ${input.makerName}`,
    `Amount paid: ${amount}`,
    `Paid: ${order.paidAt.toUTCString()}`,
    '',
    `Your receipt: ${input.receiptUrl}`,
    '',
    '— Video Window',
  ].join('\n');
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Receipt ${escapeHtml(number)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#1a1a1a;background:#f6f5f2;padding:24px">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin:0 0 16px">Thank you for your purchase</h1>
<p><strong>${escapeHtml(order.itemTitle)}</strong> by ${escapeHtml(input.makerName)}</p>
<p>Order ${escapeHtml(number)} · ${escapeHtml(amount)} · paid ${escapeHtml(order.paidAt.toUTCString())}</p>
<p><a href="${escapeHtml(input.receiptUrl)}" style="color:#1d4ed8">View your receipt</a></p>
</div></body></html>`;
  return { subject: `Your receipt for ${order.itemTitle} (order ${number})`, text, html };
}
