import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../platform/clock';
import { CircuitBreaker } from '../../platform/http/circuit-breaker';
import type { OutgoingMessage } from '../../platform/mail/mailer';
import type { UserContact } from '../identity';
import { emailChannel } from './channels/email';
import { notificationKinds } from './kinds';
import type { NotificationRow } from './repo';

const repoRoot = path.resolve(import.meta.dirname, '../../../../..');
const serverSrc = path.join(repoRoot, 'apps/server/src');
const routerFile = path.join(repoRoot, 'apps/web/src/app/router.tsx');
const PUBLIC_URL = 'https://app.example';
const SOME_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';

/** The web app's route paths, as its router declares them (`path: '…'`), without the catch-all. */
function appRoutes(): string[] {
  const source = readFileSync(routerFile, 'utf8');
  return [...source.matchAll(/\bpath:\s*'([^']+)'/g)].map((m) => m[1]!).filter((p) => p !== '*');
}

/** Whether a path is one of the router's (`:param` takes one segment, a trailing `*` the rest). */
function matchesRoute(pathname: string, route: string): boolean {
  const want = route.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*') return true;
    if (have[i] === undefined) return false;
    if (!want[i]!.startsWith(':') && want[i] !== decodeURIComponent(have[i]!)) return false;
  }
  return have.length === want.length;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/**
 * Every link into the app the server writes into a notification or hands to a browser: the
 * site-relative paths in `link:` values and link helpers (`storyLink`, `appLink('/…')`, …), with
 * each `${…}` filled with an id. Paths under /v1/ are the server's own, not the app's.
 */
function serverAppLinks(): { link: string; where: string }[] {
  const found = new Map<string, string>();
  for (const file of sourceFiles(serverSrc)) {
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, index) => {
        if (!/link\b|Link\b|link:/.test(line)) return;
        for (const m of line.matchAll(/[`'](\/[a-z][^`'\s]*)[`']/g)) {
          const link = m[1]!.replace(/\$\{[^}]+\}/g, SOME_ID);
          if (link.startsWith('/v1/')) continue;
          if (!found.has(link)) found.set(link, `${path.relative(repoRoot, file)}:${index + 1}`);
        }
      });
  }
  return [...found].map(([link, where]) => ({ link, where }));
}

/** Every URL of the app in a rendered email: the HTML hrefs and the plain-text lines. */
function appUrlsIn(message: OutgoingMessage): string[] {
  const hrefs = [...(message.html ?? '').matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  const texts = [...message.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]);
  return [...hrefs, ...texts].filter((url) => url.startsWith(PUBLIC_URL));
}

async function renderAll(links: (string | null)[]): Promise<OutgoingMessage[]> {
  const sent: OutgoingMessage[] = [];
  const channel = emailChannel({
    mailer: { send: async (m) => void sent.push(m), mailbox: async () => [], devMailboxEnabled: false },
    breaker: new CircuitBreaker('email', systemClock),
    publicUrl: PUBLIC_URL,
  });
  const contact: UserContact = { email: 'ann@example.com', status: 'active' } as UserContact;
  for (const kind of notificationKinds) {
    for (const link of links) {
      const notification = { id: SOME_ID, kind, title: 'Title', body: 'Body', link } as NotificationRow;
      await channel.send({ notification, contact: async () => contact });
    }
  }
  return sent;
}

describe('links in notification emails', () => {
  it('finds the router’s paths and the server’s app links (so the check below cannot pass empty)', () => {
    expect(appRoutes()).toEqual(expect.arrayContaining(['/', '/stories/:storyId', '/orders/:orderId']));
    const links = serverAppLinks().map((l) => l.link);
    expect(links).toEqual(
      expect.arrayContaining([`/stories/${SOME_ID}`, `/orders/${SOME_ID}`, `/auctions/${SOME_ID}/payment`]),
    );
  });

  it('every email template links only to screens the app has (not its “page not found”)', async () => {
    const routes = appRoutes();
    const links = serverAppLinks();
    const messages = await renderAll([null, ...links.map((l) => l.link)]);
    expect(messages).toHaveLength(notificationKinds.length * (links.length + 1));
    const urls = new Set(messages.flatMap(appUrlsIn));
    for (const page of ['/settings/notifications', '/help', '/terms', '/privacy']) {
      expect(urls).toContain(`${PUBLIC_URL}${page}`);
    }
    const unrouted = [...urls]
      .map((url) => new URL(url).pathname)
      .filter((pathname) => !routes.some((route) => matchesRoute(pathname, route)))
      .map((pathname) => `${pathname} (${links.find((l) => l.link === pathname)?.where ?? 'the email template'})`);
    expect(unrouted).toEqual([]);
  });

  it('the matcher tells routes apart', () => {
    expect(matchesRoute('/orders/1', '/orders/:orderId')).toBe(true);
    expect(matchesRoute('/orders/1/x', '/orders/:orderId')).toBe(false);
    expect(matchesRoute('/orders', '/orders/:orderId')).toBe(false);
    expect(matchesRoute('/settings/notifications', '/settings/:tab')).toBe(true);
    expect(matchesRoute('/settings/notifications', '/settings')).toBe(false);
  });
});
