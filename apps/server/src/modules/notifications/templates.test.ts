import { describe, expect, it } from 'vitest';
import { notificationKinds } from './kinds';
import { escapeHtml } from '../../platform/html';
import { footerLinks, renderEmail } from './templates';

const base = { footer: footerLinks('https://m.example') };

describe('email templates', () => {
  it('escapes everything that came from users in the HTML part', () => {
    const mail = renderEmail({
      ...base,
      kind: 'offer_received',
      title: 'Offer on <script>alert(1)</script>',
      body: 'From "Ann" & co\n\n<img src=x onerror=alert(1)>',
      link: 'https://m.example/stories/1?a=1&b="2"',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('Offer on &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('From &quot;Ann&quot; &amp; co');
    expect(mail.html).toContain('href="https://m.example/stories/1?a=1&amp;b=&quot;2&quot;"');
    // The plain part is text: nothing to escape, the words as written.
    expect(mail.text).toContain('From "Ann" & co');
  });

  it('has a subject on one line, the action of the kind and the settings link', () => {
    const mail = renderEmail({
      ...base,
      kind: 'won',
      title: 'You won\r\nBcc: x@y',
      body: 'Pay.',
      link: 'https://m.example/p',
    });
    expect(mail.subject).toBe('You won Bcc: x@y');
    expect(mail.text).toContain('Pay now: https://m.example/p');
    expect(mail.html).toContain('>Pay now</a>');
    expect(mail.text).toContain(base.footer.settings);
    expect(mail.html).toContain(`href="${base.footer.settings}"`);
  });

  it('links every footer to notification settings, help, terms and privacy', () => {
    const mail = renderEmail({ ...base, kind: 'outbid', title: 'Outbid', body: 'Bid again.', link: null });
    for (const [label, url] of [
      ['Choose which emails you get', 'https://m.example/settings/notifications'],
      ['Help', 'https://m.example/help'],
      ['Terms', 'https://m.example/terms'],
      ['Privacy', 'https://m.example/privacy'],
    ]) {
      expect(mail.html).toContain(`<a href="${url}" style="color:#666">${label}</a>`);
      expect(mail.text).toContain(`${label}: ${url}`);
    }
  });

  it('renders every kind, with or without a link', () => {
    for (const kind of notificationKinds) {
      const withLink = renderEmail({ ...base, kind, title: 'T', body: 'B', link: 'https://m.example/x' });
      const without = renderEmail({ ...base, kind, title: 'T', body: 'B', link: null });
      expect(withLink.html).toContain('https://m.example/x');
      expect(without.html).not.toContain('https://m.example/x');
      expect(without.text.startsWith('T\n\nB')).toBe(true);
    }
  });

  it('escapeHtml covers the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});
