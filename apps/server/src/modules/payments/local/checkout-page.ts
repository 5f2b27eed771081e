/** The local provider's hosted checkout and receipt pages (plain HTML forms, no scripts). */
import { formatMoney } from '@vw/domain';
import { escapeHtml } from '../../../platform/html';
import { page } from './html';

export interface ShippingForm {
  name: string;
  line1: string;
  line2: string;
  city: string;
  postalCode: string;
  country: string;
}

export type ShippingErrors = Partial<Record<keyof ShippingForm, string>>;

export interface CheckoutPageInput {
  sessionId: string;
  itemTitle: string;
  amountMinor: number;
  /** Its own line, added to the item's price. */
  shippingMinor: number;
  /** The only country the address may be in (the shipping was quoted for it); null: any. */
  shippingCountry: string | null;
  currency: string;
  expiresAt: Date;
  values?: Partial<ShippingForm>;
  errors?: ShippingErrors;
  /** The last attempt was declined. */
  declined?: boolean;
}

/** Opens every page of the local provider: it is a demo stand-in, and a buyer must see so first. */
const DEMO_BANNER = `<div class="demo-banner" role="note"><p style="margin:0"><strong>Demo</strong> — this checkout is a stand-in: no money moves, no card is charged and nothing is shipped for real.</p></div>`;

const FIELDS: { key: keyof ShippingForm; label: string; autocomplete: string; required: boolean; max: number }[] = [
  { key: 'name', label: 'Full name', autocomplete: 'shipping name', required: true, max: 200 },
  { key: 'line1', label: 'Address line 1', autocomplete: 'shipping address-line1', required: true, max: 200 },
  {
    key: 'line2',
    label: 'Address line 2 (optional)',
    autocomplete: 'shipping address-line2',
    required: false,
    max: 200,
  },
  { key: 'city', label: 'City', autocomplete: 'shipping address-level2', required: true, max: 120 },
  { key: 'postalCode', label: 'Postal code', autocomplete: 'shipping postal-code', required: true, max: 20 },
  {
    key: 'country',
    label: 'Country (two-letter code, e.g. US)',
    autocomplete: 'shipping country',
    required: true,
    max: 2,
  },
];

function field(
  f: (typeof FIELDS)[number],
  value: string,
  error: string | undefined,
  onlyCountry: string | null,
): string {
  const id = `ship-${f.key}`;
  const describedBy = error ? ` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const fixed = f.key === 'country' && onlyCountry !== null;
  const pattern = f.key === 'country' ? ' pattern="[A-Za-z]{2}"' : '';
  const label = fixed ? `Country (shipping was quoted for ${onlyCountry})` : f.label;
  const shown = fixed ? onlyCountry : value;
  return `<label for="${id}">${escapeHtml(label)}</label>
<input id="${id}" name="${f.key}" type="text" autocomplete="${f.autocomplete}" maxlength="${f.max}"${pattern}${f.required ? ' required' : ''}${fixed ? ' readonly' : ''} value="${escapeHtml(shown)}"${describedBy}>
${error ? `<p class="field-error" id="${id}-error">${escapeHtml(error)}</p>` : ''}`;
}

export function renderCheckoutPage(input: CheckoutPageInput): string {
  const price = formatMoney(input.amountMinor, input.currency);
  const shipping = input.shippingMinor === 0 ? 'Free' : formatMoney(input.shippingMinor, input.currency);
  const amount = formatMoney(input.amountMinor + input.shippingMinor, input.currency);
  const errors = input.errors ?? {};
  const errorList = Object.entries(errors);
  const summary = errorList.length
    ? `<div class="alert" role="alert"><p><strong>Please check the shipping address.</strong></p><ul>${errorList
        .map(([key, message]) => `<li><a href="#ship-${escapeHtml(key)}">${escapeHtml(message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const declined = input.declined
    ? '<div class="alert" role="alert"><p><strong>The payment was declined.</strong> Nothing was charged; you can try again.</p></div>'
    : '';
  const action = `/v1/payments/local/${encodeURIComponent(input.sessionId)}/complete`;
  return page(
    `Pay ${amount} — ${input.itemTitle}`,
    `${DEMO_BANNER}
<h1>Checkout</h1>
${declined}${summary}
<section class="card" aria-labelledby="item-heading">
<h2 id="item-heading" style="font-size:1.1rem;margin:0">${escapeHtml(input.itemTitle)}</h2>
<dl class="lines">
<dt>Item</dt><dd>${escapeHtml(price)}</dd>
<dt>Shipping${input.shippingCountry ? ` to ${escapeHtml(input.shippingCountry)}` : ''}</dt><dd>${escapeHtml(shipping)}</dd>
<dt>Total</dt><dd class="amount">${escapeHtml(amount)}</dd>
</dl>
<p class="muted">Currency: ${escapeHtml(input.currency.toUpperCase())}. Pay before <time datetime="${input.expiresAt.toISOString()}">${escapeHtml(input.expiresAt.toUTCString())}</time>.</p>
</section>
<form class="card" method="post" action="${escapeHtml(action)}">
<fieldset style="border:0;padding:0;margin:0">
<legend style="font-weight:700;font-size:1.1rem">Shipping address</legend>
${FIELDS.map((f) => field(f, input.values?.[f.key] ?? '', errors[f.key], input.shippingCountry)).join('\n')}
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="outcome" value="succeeded">Pay ${escapeHtml(amount)}</button>
<button class="secondary" type="submit" name="outcome" value="failed" formnovalidate>Simulate a declined card</button>
</div>
</form>`,
  );
}

export interface ReceiptPageInput {
  itemTitle: string;
  amountMinor: number;
  shippingMinor: number;
  currency: string;
  state: 'paid' | 'refunding' | 'unpaid' | 'closed';
  paidAt: Date | null;
  orderId: string | null;
  checkoutUrl: string;
  orderUrl: string | null;
}

const HEADINGS: Record<ReceiptPageInput['state'], { title: string; text: string }> = {
  paid: { title: 'Payment received', text: 'Thank you! The maker has been told and will ship your piece.' },
  refunding: {
    title: 'Payment refunded',
    text: 'The payment window had closed before your payment arrived, so the full amount is being refunded.',
  },
  unpaid: { title: 'Not paid yet', text: 'This checkout has not been paid.' },
  closed: { title: 'Payment window closed', text: 'This payment window has closed; nothing was charged.' },
};

export function renderReceiptPage(input: ReceiptPageInput): string {
  const heading = HEADINGS[input.state];
  const amount = formatMoney(input.amountMinor + input.shippingMinor, input.currency);
  const details = [
    `<dt>Item</dt><dd>${escapeHtml(input.itemTitle)}</dd>`,
    `<dt>Shipping</dt><dd>${escapeHtml(formatMoney(input.shippingMinor, input.currency))}</dd>`,
    `<dt>Amount</dt><dd>${escapeHtml(amount)}</dd>`,
    input.paidAt
      ? `<dt>Paid</dt><dd><time datetime="${input.paidAt.toISOString()}">${escapeHtml(input.paidAt.toUTCString())}</time></dd>`
      : '',
    input.orderId ? `<dt>Order</dt><dd>${escapeHtml(input.orderId.slice(0, 8).toUpperCase())}</dd>` : '',
  ].join('');
  const link =
    input.state === 'paid' && input.orderUrl
      ? `<a class="button primary" href="${escapeHtml(input.orderUrl)}">View your order</a>`
      : input.state === 'unpaid'
        ? `<a class="button primary" href="${escapeHtml(input.checkoutUrl)}">Back to checkout</a>`
        : '';
  return page(
    `${heading.title} — ${input.itemTitle}`,
    `${DEMO_BANNER}
<h1>${escapeHtml(heading.title)}</h1>
<div class="${input.state === 'paid' ? 'notice' : 'alert'}" role="status"><p>${escapeHtml(heading.text)}</p></div>
<section class="card"><dl>${details}</dl></section>
<div class="actions">${link}</div>`,
  );
}
