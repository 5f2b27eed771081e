import type { NotificationKind } from './kinds';
import { escapeHtml } from '../../platform/html';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

export interface EmailInput {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Absolute, already vetted (see `absoluteLink`). */
  link: string | null;
  footer: FooterLinks;
}

/** The app's pages every email's footer links to (absolute URLs). */
export interface FooterLinks {
  settings: string;
  help: string;
  terms: string;
  privacy: string;
}

/** The footer's links on the app at `publicUrl`: notification settings, help, terms, privacy. */
export function footerLinks(publicUrl: string): FooterLinks {
  const page = (path: string) => new URL(path, publicUrl).toString();
  return {
    settings: page('/settings/notifications'),
    help: page('/help'),
    terms: page('/terms'),
    privacy: page('/privacy'),
  };
}

/** The button under each kind of email: what the reader is expected to do next. */
const actionLabel: Record<NotificationKind, string> = {
  offer_received: 'Review the offer',
  offer_declined: 'See the story',
  auction_started: 'Watch the auction',
  bid_placed: 'See the bids',
  outbid: 'Bid again',
  ending_soon: 'Place your bid',
  won: 'Pay now',
  lost: 'Discover more pieces',
  reserve_not_met: 'Decide on the top bid',
  payment_reminder: 'Pay now',
  payment_received: 'View the order',
  payment_expired: 'See what happens next',
  second_chance_offer: 'Claim this piece',
  shipped: 'Track the parcel',
  delivered: 'View the order',
  order_completed: 'View the order',
  shipping_reminder: 'Add tracking',
  shipping_overdue: 'Add tracking now',
  refunded: 'View the refund',
  moderation_outcome: 'See the decision',
  payout_released: 'View payouts',
  watched_auction_started: 'Watch the auction',
  watched_ending_soon: 'Place your bid',
  watched_auction_ended: 'See the result',
  new_story: 'Watch the story',
  message: 'Read and reply',
  review_received: 'Read the review',
  review_reply: 'Read the answer',
};

const PRODUCT = 'Video Window';

const footerLink = (url: string, label: string) =>
  `<a href="${escapeHtml(url)}" style="color:#666">${escapeHtml(label)}</a>`;

/** Plain-text and HTML email for one notification. */
export function renderEmail(input: EmailInput): EmailContent {
  const action = actionLabel[input.kind];
  const textLines = [input.title, '', input.body];
  if (input.link) textLines.push('', `${action}: ${input.link}`);
  const { footer } = input;
  textLines.push(
    '',
    '—',
    PRODUCT,
    `Choose which emails you get: ${footer.settings}`,
    `Help: ${footer.help}`,
    `Terms: ${footer.terms}`,
    `Privacy: ${footer.privacy}`,
  );

  const paragraphs = input.body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const button = input.link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.link)}" style="background:#111;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f5f2;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(input.title)}</h1>
${paragraphs}${button}
<hr style="border:none;border-top:1px solid #eee;margin:24px 0">
<p style="font-size:12px;color:#666;margin:0">${PRODUCT} · ${footerLink(footer.settings, 'Choose which emails you get')} · ${footerLink(footer.help, 'Help')} · ${footerLink(footer.terms, 'Terms')} · ${footerLink(footer.privacy, 'Privacy')}</p>
</div></body></html>`;

  return { subject: input.title.replace(/\s+/g, ' ').trim(), text: textLines.join('\n'), html };
}
