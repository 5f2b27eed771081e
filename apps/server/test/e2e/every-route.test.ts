/**
 * Every route of the web app's router, in a real browser (headless chromium, phone viewport)
 * against a listening server serving the production build: each is opened signed out and as a
 * viewer, a maker and an admin, and must render without a console error and without a serious or
 * critical accessibility violation. Parameterised routes get real ids: each role has won, paid for
 * and received an order for a piece of another maker, and the maker has a story of their own. The
 * routes are read from the router's source, so a new route is checked the day it is added.
 * Finally the app opens offline from the service worker's precache and says it is offline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Secret, TOTP } from 'otpauth';
import {
  FAST_ENV,
  fireTimer,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  waitFor,
  type AuctionBody,
} from '../../src/modules/auctions/test-support';
import { submitLocalCheckout } from '../../src/modules/payments/test-support';
import { ManualClock } from '../../src/platform/clock';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';
import {
  buildWebApp,
  collectErrors,
  followRequests,
  freePort,
  launchChromium,
  phoneContext,
  seedSession,
  seriousViolations,
} from './browser';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
const ADMIN_EMAIL = `e2e-routes-admin-${Date.now().toString(36)}@example.com`;
const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let baseUrl: string;

type Role = 'signed out' | 'viewer' | 'maker' | 'admin';
/** What a role's parameterised routes open: its own purchase, the seller's public pages. */
type Ids = Record<string, string>;
const sessions = new Map<Role, Session>();
const ids = new Map<Role, Ids>();

/** The router's paths, as it declares them (`path: '…'`); the catch-all opens a path nobody routes. */
function appRoutes(): string[] {
  const source = readFileSync(path.join(repoRoot, 'apps/web/src/app/router.tsx'), 'utf8');
  return [...source.matchAll(/\bpath:\s*'([^']+)'/g)].map((m) => m[1]!);
}

function urlOf(route: string, params: Ids): string {
  if (route === '*') return '/no-such-page';
  return route.replace(/:(\w+)/g, (_, name: string) => {
    const value = params[`${route.split('/')[1]}:${name}`] ?? params[name];
    if (!value) throw new Error(`no id for :${name} in ${route}: add one to the seeded data`);
    return value;
  });
}

/** Turns the second factor on for a signed-in account (selling and admin actions need it). */
async function enrolTotp(session: Session): Promise<void> {
  const enrol = await api.call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: session.accessToken });
  expect(enrol.status).toBe(200);
  const code = new TOTP({ secret: Secret.fromBase32(enrol.body.secret), digits: 6, period: 30 }).generate({
    timestamp: clock.now().getTime(),
  });
  const confirmed = await api.call('POST', '/v1/auth/totp/confirm', { token: session.accessToken, body: { code } });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBeLessThan(300);
}

/** A buyer wins an auction on one of the seller's pieces, pays through the local checkout and has the order. */
async function purchase(seller: Session, buyer: Session): Promise<{ auction: AuctionBody; storyId: string }> {
  const storyId = await publishedStory(runtime, api, seller);
  const auction = await openAuctionWith(api, storyId, buyer);
  return { auction, storyId };
}

async function settlePurchase(buyer: Session, auction: AuctionBody): Promise<Ids> {
  await fireTimer(runtime, `auction-end:${auction.id}`);
  const payment = await waitFor(async () => {
    const res = await api.call<{ id: string; checkoutUrl: string | null }>(
      'GET',
      `/v1/auctions/${auction.id}/payment`,
      {
        token: buyer.accessToken,
      },
    );
    return res.status === 200 && res.body.checkoutUrl ? res.body : null;
  });
  const checkoutPath = new URL(payment.checkoutUrl!, 'http://localhost').pathname;
  const paid = await submitLocalCheckout(runtime, `${checkoutPath}/complete`);
  expect(paid.statusCode).toBe(303);
  const order = await waitFor(async () => {
    const list = await api.call<{ items: { id: string }[] }>('GET', '/v1/orders?as=buyer', {
      token: buyer.accessToken,
    });
    return list.body.items[0];
  });
  return { auctionId: auction.id, windowId: payment.id, orderId: order.id };
}

beforeAll(async () => {
  buildWebApp();
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  runtime = await startTestServer({
    clock,
    env: {
      ...FAST_ENV,
      PUBLIC_URL: baseUrl,
      ADMIN_EMAILS: ADMIN_EMAIL,
      // The clock jumps to the auctions' end: tokens outlive the jump.
      ACCESS_TOKEN_SECONDS: '1000000',
    },
  });
  await runtime.app!.listen({ port, host: '127.0.0.1' });
  api = apiClient(runtime);

  const seller = await signInMaker(api, 'routes-seller');
  await enrolTotp(seller);
  sessions.set('viewer', await signIn(api, 'routes-viewer'));
  sessions.set('maker', await signInMaker(api, 'routes-maker'));
  const admin = await api.signIn(ADMIN_EMAIL, { remoteAddress: '10.98.0.1' });
  await enrolTotp(admin);
  sessions.set('admin', admin);

  const bought = new Map<Role, { auction: AuctionBody; storyId: string }>();
  for (const role of ['viewer', 'maker', 'admin'] as const)
    bought.set(role, await purchase(seller, sessions.get(role)!));
  const ownStoryId = await publishedStory(runtime, api, sessions.get('maker')!);
  clock.set(Math.max(...[...bought.values()].map((b) => Date.parse(b.auction.endsAt))));

  const shared = { storyId: bought.get('viewer')!.storyId, makerId: seller.userId, provider: 'google' };
  for (const role of ['viewer', 'maker', 'admin'] as const) {
    const own = await settlePurchase(sessions.get(role)!, bought.get(role)!.auction);
    ids.set(role, { ...shared, ...own, 'studio:storyId': ownStoryId });
  }
  // Each buyer asks about their order; the seller reports it, so an admin may read it too.
  for (const role of ['viewer', 'maker', 'admin'] as const) {
    const own = ids.get(role)!;
    const opened = await api.call<{ conversation: { id: string }; message: { id: string } }>(
      'POST',
      '/v1/conversations',
      { token: sessions.get(role)!.accessToken, body: { orderId: own.orderId, text: 'When will it ship?' } },
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const reported = await api.call('POST', `/v1/messages/${opened.body.message.id}/report`, {
      token: seller.accessToken,
      body: { reason: 'Checking the admin view' },
    });
    expect(reported.status).toBe(201);
    ids.set(role, { ...own, conversationId: opened.body.conversation.id });
  }
  ids.set('signed out', ids.get('viewer')!);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
}, 60_000);

/** A phone for `role`: signed in the way the app keeps a session (localStorage), or signed out. */
async function phoneFor(
  role: Role,
  colorScheme: 'light' | 'dark' = 'dark',
): Promise<{ context: BrowserContext; page: Page; errors: string[]; network: Network }> {
  const context = await phoneContext(browser, baseUrl, colorScheme);
  const session = sessions.get(role);
  if (session) await seedSession(context, baseUrl, session, Date.now() + 900_000_000);
  const page = await context.newPage();
  const errors = collectErrors(page, role);
  const network = followRequests(page);
  return { context, page, errors, network };
}

type Network = ReturnType<typeof followRequests>;

/** The screen is on: its landmark is there and nothing is still loading, nor being fetched. */
async function settled(page: Page, network: Network): Promise<void> {
  // Checked on every frame (a locator's wait backs off to half a second between its checks).
  await page.waitForFunction(
    () => {
      const { document } = globalThis as unknown as { document: { querySelector(s: string): unknown } };
      return document.querySelector('main') !== null && document.querySelector('[aria-busy="true"]') === null;
    },
    undefined,
    { timeout: 30_000, polling: 'raf' },
  );
  await network.quiet();
}

describe('every route of the web app', () => {
  it('finds the router’s routes, and an id for each parameter', () => {
    const routes = appRoutes();
    expect(routes).toEqual(expect.arrayContaining(['/', '/stories/:storyId', '/orders/:orderId', '/help', '*']));
    for (const route of routes) expect(() => urlOf(route, ids.get('viewer')!)).not.toThrow();
  });

  // Every role in the dark theme; a maker (who sees the most screens) in the light one too, so
  // axe checks the contrast of both palettes.
  const passes = [
    ...(['signed out', 'viewer', 'maker', 'admin'] as const).map((role) => ({ role, scheme: 'dark' as const })),
    { role: 'maker' as const, scheme: 'light' as const },
  ];
  for (const { role, scheme } of passes) {
    it(`renders every route ${role === 'signed out' ? 'signed out' : `as ${role === 'admin' ? 'an' : 'a'} ${role}`}${scheme === 'light' ? ' in the light theme' : ''}, without a console error or a serious accessibility violation`, async () => {
      const { context, page, errors, network } = await phoneFor(role, scheme);
      const problems: string[] = [];
      const visited: string[] = [];
      // Axe checks each screen once: a route that leads to one already checked (a shared link,
      // the sign-in screen a signed-out visitor is sent to) is not checked again.
      const checked = new Set<string>();
      for (const route of appRoutes()) {
        const url = urlOf(route, ids.get(role)!);
        const before = errors.length;
        await page.goto(url);
        await settled(page, network);
        problems.push(...errors.slice(before).map((e) => `${url}: ${e}`));
        if (await page.getByText('This screen could not be shown').count()) problems.push(`${url}: the screen failed`);
        if (route !== '*' && (await page.getByRole('heading', { name: 'Nothing here' }).count()))
          problems.push(`${url}: page not found`);
        const screen = new URL(page.url()).pathname;
        visited.push(`${url} → ${screen}`);
        if (checked.has(screen)) continue;
        checked.add(screen);
        problems.push(...(await seriousViolations(page)).map((v) => `${url}: axe ${v}`));
      }
      // The palette axe checked is the one asked for (--color-bg of that theme).
      const background = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
      expect(background).toBe(scheme === 'light' ? 'rgb(247, 247, 244)' : 'rgb(11, 11, 16)');
      await context.close();
      expect(problems).toEqual([]);
      expect(visited).toHaveLength(appRoutes().length);
    }, 600_000);
  }

  it('opens offline from the service worker’s precache and says it is offline', async () => {
    const { context, page, network } = await phoneFor('signed out');
    await page.goto('/help');
    await settled(page, network);
    // Installed on the first visit, the worker answers this page's requests from the next load on.
    await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { serviceWorker: { ready: Promise<unknown> } } }
      ).navigator.serviceWorker.ready.then(() => true),
    );
    await page.reload();
    await page.waitForFunction(
      () =>
        (globalThis as unknown as { navigator: { serviceWorker: { controller: unknown } } }).navigator.serviceWorker
          .controller !== null,
      undefined,
      { timeout: 60_000 },
    );
    await context.setOffline(true);
    await page.goto('/terms');
    await page.getByRole('heading', { name: 'Terms of use' }).waitFor();
    await page.getByText('You’re offline.').waitFor();
    await context.setOffline(false);
    await page.getByText('You’re offline.').waitFor({ state: 'detached' });
    await context.close();
  }, 120_000);
});
