import type { NotificationKind } from './kinds';
import { escapeHtml } from '../../platform/html';
import { SOURCE_LOCALE, type Locale } from '../../platform/i18n';
import { notificationMessages } from './messages';

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
  /** The reader's language: the title and body are already in it; the button and footer follow. English by default. */
  locale?: Locale;
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

const PRODUCT = 'Video Window';

const footerLink = (url: string, label: string) =>
  `<a href="${escapeHtml(url)}" style="color:#666">${escapeHtml(label)}</a>`;

/** Plain-text and HTML email for one notification, in the reader's language. */
export function renderEmail(input: EmailInput): EmailContent {
  const locale = input.locale ?? SOURCE_LOCALE;
  const say = (key: Parameters<typeof notificationMessages.format>[1]) => notificationMessages.format(locale, key);
  const action = say(`action.${input.kind}` as const);
  const label = {
    settings: say('footer.settings'),
    help: say('footer.help'),
    terms: say('footer.terms'),
    privacy: say('footer.privacy'),
  };
  const textLines = [input.title, '', input.body];
  if (input.link) textLines.push('', `${action}: ${input.link}`);
  const { footer } = input;
  textLines.push(
    '',
    '—',
    PRODUCT,
    `${label.settings}: ${footer.settings}`,
    `${label.help}: ${footer.help}`,
    `${label.terms}: ${footer.terms}`,
    `${label.privacy}: ${footer.privacy}`,
  );

  const paragraphs = input.body
    .split(/\n{2,}/)
    .map((p) => `<p style="margin:0 0 16px">${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
  const button = input.link
    ? `<p style="margin:24px 0"><a href="${escapeHtml(input.link)}" style="background:#111;color:#fff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(action)}</a></p>`
    : '';
  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(input.title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f5f2;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(input.title)}</h1>
${paragraphs}${button}
<hr style="border:none;border-top:1px solid #eee;margin:24px 0">
<p style="font-size:12px;color:#666;margin:0">${PRODUCT} · ${footerLink(footer.settings, label.settings)} · ${footerLink(footer.help, label.help)} · ${footerLink(footer.terms, label.terms)} · ${footerLink(footer.privacy, label.privacy)}</p>
</div></body></html>`;

  return { subject: input.title.replace(/\s+/g, ' ').trim(), text: textLines.join('\n'), html };
}
