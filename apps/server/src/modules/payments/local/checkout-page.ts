/** The local provider's hosted checkout and receipt pages (plain HTML forms, no scripts), in the payer's language. */
import { formatMoney } from '@vw/domain';
import { escapeHtml } from '../../../platform/html';
import { formatTag, instant, SOURCE_LOCALE, type Locale } from '../../../platform/i18n';
import { paymentMessages } from '../messages';
import { page } from './html';

type MessageKey = Parameters<typeof paymentMessages.format>[1];

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
  /** The payer's language (English when not given). */
  locale?: Locale;
}

/** Opens every page of the local provider: it is a demo stand-in, and a buyer must see so first. */
function demoBanner(locale: Locale): string {
  const say = (key: MessageKey) => escapeHtml(paymentMessages.format(locale, key));
  return `<div class="demo-banner" role="note"><p style="margin:0"><strong>${say('demoLabel')}</strong> — ${say('demoText')}</p></div>`;
}

const FIELDS: { key: keyof ShippingForm; label: MessageKey; autocomplete: string; required: boolean; max: number }[] = [
  { key: 'name', label: 'field.name', autocomplete: 'shipping name', required: true, max: 200 },
  { key: 'line1', label: 'field.line1', autocomplete: 'shipping address-line1', required: true, max: 200 },
  { key: 'line2', label: 'field.line2', autocomplete: 'shipping address-line2', required: false, max: 200 },
  { key: 'city', label: 'field.city', autocomplete: 'shipping address-level2', required: true, max: 120 },
  { key: 'postalCode', label: 'field.postalCode', autocomplete: 'shipping postal-code', required: true, max: 20 },
  { key: 'country', label: 'field.country', autocomplete: 'shipping country', required: true, max: 2 },
];

function field(
  f: (typeof FIELDS)[number],
  value: string,
  error: string | undefined,
  onlyCountry: string | null,
  locale: Locale,
): string {
  const id = `ship-${f.key}`;
  const describedBy = error ? ` aria-describedby="${id}-error" aria-invalid="true"` : '';
  const fixed = f.key === 'country' && onlyCountry !== null;
  const pattern = f.key === 'country' ? ' pattern="[A-Za-z]{2}"' : '';
  const label = fixed
    ? paymentMessages.format(locale, 'field.countryQuoted', { country: onlyCountry })
    : paymentMessages.format(locale, f.label);
  const shown = fixed ? onlyCountry : value;
  return `<label for="${id}">${escapeHtml(label)}</label>
<input id="${id}" name="${f.key}" type="text" autocomplete="${f.autocomplete}" maxlength="${f.max}"${pattern}${f.required ? ' required' : ''}${fixed ? ' readonly' : ''} value="${escapeHtml(shown)}"${describedBy}>
${error ? `<p class="field-error" id="${id}-error">${escapeHtml(error)}</p>` : ''}`;
}

/** Money on the pages: the payer's locale's format, the amount's own currency. */
const moneyIn = (locale: Locale, minor: number, currency: string) => formatMoney(minor, currency, formatTag(locale));

/** An instant, as a `<time>` element with its date and time in the payer's language (in UTC, which it says). */
function timeElement(at: Date, locale: Locale): string {
  const text = paymentMessages.format(locale, 'atUtc', { at: instant(at) });
  return `<time datetime="${at.toISOString()}">${escapeHtml(text)}</time>`;
}

export function renderCheckoutPage(input: CheckoutPageInput): string {
  const locale = input.locale ?? SOURCE_LOCALE;
  const say = (key: MessageKey, values = {}) => escapeHtml(paymentMessages.format(locale, key, values));
  const price = moneyIn(locale, input.amountMinor, input.currency);
  const shipping =
    input.shippingMinor === 0
      ? paymentMessages.format(locale, 'free')
      : moneyIn(locale, input.shippingMinor, input.currency);
  const amount = moneyIn(locale, input.amountMinor + input.shippingMinor, input.currency);
  const errors = input.errors ?? {};
  const errorList = Object.entries(errors);
  const summary = errorList.length
    ? `<div class="alert" role="alert"><p><strong>${say('checkAddress')}</strong></p><ul>${errorList
        .map(([key, message]) => `<li><a href="#ship-${escapeHtml(key)}">${escapeHtml(message)}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const declined = input.declined
    ? `<div class="alert" role="alert"><p><strong>${say('declined')}</strong> ${say('declinedNothingCharged')}</p></div>`
    : '';
  const action = `/v1/payments/local/${encodeURIComponent(input.sessionId)}/complete`;
  const deadline = paymentMessages.formatHtml(
    locale,
    'currencyAndDeadline',
    { currency: input.currency.toUpperCase() },
    { deadline: timeElement(input.expiresAt, locale) },
  );
  return page(
    paymentMessages.format(locale, 'checkoutTitle', { amount, item: input.itemTitle }),
    `${demoBanner(locale)}
<h1>${say('checkoutHeading')}</h1>
${declined}${summary}
<section class="card" aria-labelledby="item-heading">
<h2 id="item-heading" style="font-size:1.1rem;margin:0">${escapeHtml(input.itemTitle)}</h2>
<dl class="lines">
<dt>${say('item')}</dt><dd>${escapeHtml(price)}</dd>
<dt>${input.shippingCountry ? say('shippingTo', { country: input.shippingCountry }) : say('shipping')}</dt><dd>${escapeHtml(shipping)}</dd>
<dt>${say('total')}</dt><dd class="amount">${escapeHtml(amount)}</dd>
</dl>
<p class="muted">${deadline}</p>
</section>
<form class="card" method="post" action="${escapeHtml(action)}">
<fieldset style="border:0;padding:0;margin:0">
<legend style="font-weight:700;font-size:1.1rem">${say('shippingAddress')}</legend>
${FIELDS.map((f) => field(f, input.values?.[f.key] ?? '', errors[f.key], input.shippingCountry, locale)).join('\n')}
</fieldset>
<div class="actions">
<button class="primary" type="submit" name="outcome" value="succeeded">${say('pay', { amount })}</button>
<button class="secondary" type="submit" name="outcome" value="failed" formnovalidate>${say('simulateDecline')}</button>
</div>
</form>`,
    locale,
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
  /** The payer's language (English when not given). */
  locale?: Locale;
}

export function renderReceiptPage(input: ReceiptPageInput): string {
  const locale = input.locale ?? SOURCE_LOCALE;
  const say = (key: MessageKey) => escapeHtml(paymentMessages.format(locale, key));
  const title = paymentMessages.format(locale, `receipt.${input.state}.title` as const);
  const amount = moneyIn(locale, input.amountMinor + input.shippingMinor, input.currency);
  const details = [
    `<dt>${say('item')}</dt><dd>${escapeHtml(input.itemTitle)}</dd>`,
    `<dt>${say('shipping')}</dt><dd>${escapeHtml(moneyIn(locale, input.shippingMinor, input.currency))}</dd>`,
    `<dt>${say('amount')}</dt><dd>${escapeHtml(amount)}</dd>`,
    input.paidAt ? `<dt>${say('paid')}</dt><dd>${timeElement(input.paidAt, locale)}</dd>` : '',
    input.orderId ? `<dt>${say('order')}</dt><dd>${escapeHtml(input.orderId.slice(0, 8).toUpperCase())}</dd>` : '',
  ].join('');
  const link =
    input.state === 'paid' && input.orderUrl
      ? `<a class="button primary" href="${escapeHtml(input.orderUrl)}">${say('viewOrder')}</a>`
      : input.state === 'unpaid'
        ? `<a class="button primary" href="${escapeHtml(input.checkoutUrl)}">${say('backToCheckout')}</a>`
        : '';
  return page(
    `${title} — ${input.itemTitle}`,
    `${demoBanner(locale)}
<h1>${escapeHtml(title)}</h1>
<div class="${input.state === 'paid' ? 'notice' : 'alert'}" role="status"><p>${say(`receipt.${input.state}.text` as const)}</p></div>
<section class="card"><dl>${details}</dl></section>
<div class="actions">${link}</div>`,
    locale,
  );
}
