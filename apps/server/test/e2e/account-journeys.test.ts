/**
 * What the server offers, reached from the web app in a real browser (headless chromium, phone
 * viewport, the production build): viewers' impressions, plays, watch-throughs, story views and
 * likes reach the maker's dashboard (a signed-out viewer's by beacon, under their client id);
 * the notification settings every email links to; downloading my data and deleting my account;
 * a maker setting up payouts with the local payment provider; a buyer asking a maker about a story
 * and seeing the answer arrive live; a buyer confirming delivery, reviewing the maker, and the
 * rating showing on the maker and story pages; a buyer in Portugal using the app in Portuguese, from
 * the sign-in code email to the outbid notice, prices in euros as Portugal writes them. Screenshots
 * land in test-results/e2e/.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { bid, signIn, signInMaker } from '../../src/modules/auctions/test-support';
import { buyNowStory, makerWithTotp, sessionIdOf, type WindowAnswer } from '../../src/modules/payments/test-support';
import {
  collectErrors,
  launchChromium,
  closePhones,
  phoneContext,
  publishVideoStory,
  screenshot,
  seedSession,
  seriousViolations,
  startWebServer,
  STEP_TIMEOUT_MS,
} from './browser';

let runtime: Runtime;
let browser: Browser;
let baseUrl: string;
let api: ReturnType<typeof apiClient>;
let seq = 0;
const pages: { page: Page; errors: string[] }[] = [];

beforeAll(async () => {
  ({ runtime, baseUrl } = await startWebServer());
  api = apiClient(runtime);
  browser = await launchChromium();
}, 300_000);

// Each journey's phones close when it ends.
afterEach(closePhones);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
}, 60_000);

const email = (who: string) => `e2e-${who}-${Date.now().toString(36)}-${seq++}@example.com`;

async function newPhone(who: string): Promise<Page> {
  const context = await phoneContext(browser, baseUrl);
  const page = await context.newPage();
  pages.push({ page, errors: collectErrors(page, who) });
  return page;
}

/** Opens the app signed in as `session`, as the sign-in screen would have left it. */
async function signedInPhone(who: string, session: Session): Promise<Page> {
  const page = await newPhone(who);
  const { exp } = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()) as {
    exp: number;
  };
  // Once per tab, on the app's origin only (a later sign-out or deletion must stay done).
  await seedSession(page.context(), baseUrl, session, exp * 1000);
  return page;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

/** Polls until `probe` answers something truthy. */
async function eventually<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

interface StoredEvent {
  type: string;
  user_id: string | null;
  anonymous_id: string | null;
}

async function eventsOf(storyId: string): Promise<StoredEvent[]> {
  const { rows } = await runtime.ctx.pool.query<StoredEvent>(
    'select type, user_id, anonymous_id from analytics.events where story_id = $1 order by id',
    [storyId],
  );
  return rows;
}

/** Waits until a video on the page has played past `seconds` (a function, not a string: the app's CSP forbids eval). */
async function videoPlayedPast(page: Page, seconds: number): Promise<void> {
  await page.waitForFunction(
    (past) => {
      type Doc = { querySelectorAll(selector: string): Iterable<{ currentTime: number }> };
      const doc = (globalThis as unknown as { document: Doc }).document;
      return [...doc.querySelectorAll('video')].some((v) => v.currentTime > past);
    },
    seconds,
    { timeout: STEP_TIMEOUT_MS },
  );
}

describe('the app reaches what the server offers', () => {
  it('viewers’ impressions, plays, watch-throughs, views and likes reach the maker’s dashboard', async () => {
    const makerEmail = email('analytics-maker');
    const makerSession = await api.signInMaker(makerEmail, 'Oak & Ash');
    const storyId = await publishVideoStory(runtime, makerSession, 'Turned walnut bowl', { seconds: 2 });

    // A signed-out viewer: the feed shows and plays the story, they open it, then leave the app.
    const anonymous = await newPhone('anonymous viewer');
    await anonymous.goto('/');
    await anonymous.locator('video').first().waitFor();
    await videoPlayedPast(anonymous, 0.3);
    await anonymous.waitForTimeout(3_000); // the 2-second clip plays through (and loops)
    const viewed = anonymous.waitForResponse((r) => r.url().endsWith(`/v1/stories/${storyId}/views`));
    await anonymous.getByRole('link', { name: 'View story: Turned walnut bowl' }).click();
    await anonymous.waitForURL(`**/stories/${storyId}`);
    await anonymous.getByRole('heading', { name: 'Turned walnut bowl' }).waitFor();
    // Counted under the client id the app sends with every request, not refused with client_id_required.
    const view = await viewed;
    expect(view.status()).toBe(200);
    expect(await view.json()).toMatchObject({ counted: true });
    await screenshot(anonymous, 'account-01-story-signed-out');
    const clientId = await anonymous.evaluate<string | null>("localStorage.getItem('vw.analytics-client-id')");
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    // Leaving at once: the story view goes by beacon on page hide, not by the 5-second timer.
    await anonymous.goto('about:blank');
    const anonymousEvents = await eventually(async () => {
      const events = (await eventsOf(storyId)).filter((e) => e.anonymous_id === clientId);
      return events.some((e) => e.type === 'story_view') && events;
    }, 'the signed-out viewer’s story view');
    expect(new Set(anonymousEvents.map((e) => e.type))).toEqual(
      new Set(['feed_impression', 'play', 'watch_through', 'story_view']),
    );
    expect(anonymousEvents.every((e) => e.user_id === null)).toBe(true);

    // A signed-in viewer likes the story; their events are theirs (a keepalive request with their token).
    const viewerSession = await api.signIn(email('analytics-viewer'));
    const viewer = await signedInPhone('signed-in viewer', viewerSession);
    await viewer.goto(`/stories/${storyId}`);
    await viewer.getByRole('button', { name: 'Like', exact: true }).click();
    await viewer.getByRole('button', { name: 'Unlike' }).waitFor();
    await viewer.getByRole('link', { name: 'Oak & Ash' }).click();
    await viewer.waitForURL(`**/makers/${makerSession.userId}`);
    await viewer.getByRole('link', { name: 'Turned walnut bowl' }).waitFor();
    await screenshot(viewer, 'account-02-maker-profile');
    await expectAccessible(viewer, 'maker profile');
    await viewer.goto('about:blank');
    await eventually(
      async () => (await eventsOf(storyId)).some((e) => e.type === 'like' && e.user_id === viewerSession.userId),
      'the signed-in viewer’s like',
    );

    const dashboard = await api.call<{ activeListings: { storyId: string; views: number; likes: number }[] }>(
      'GET',
      '/v1/makers/me/dashboard',
      { token: makerSession.accessToken },
    );
    expect(dashboard.body.activeListings.find((l) => l.storyId === storyId)).toMatchObject({ views: 2, likes: 1 });
    const maker = await signedInPhone('analytics maker', makerSession);
    await maker.goto('/dashboard');
    await maker.getByText('2 views · 1 like').waitFor();
    await screenshot(maker, 'account-02-dashboard-figures');
  }, 600_000);

  it('the notification settings every email links to: each kind on or off per channel, kept', async () => {
    const session = await api.signIn(email('settings'));
    const page = await signedInPhone('settings', session);
    await page.goto('/account');
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.waitForURL('**/settings/notifications');
    const won = page.getByRole('group', { name: 'I won an auction' });
    const byEmail = won.getByRole('checkbox', { name: 'Email' });
    await byEmail.waitFor();
    expect(await byEmail.isChecked()).toBe(true); // the product's default
    await screenshot(page, 'account-03-notification-settings');
    await expectAccessible(page, 'notification settings');
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/v1/notifications/preferences') && r.request().method() === 'PUT',
    );
    await byEmail.uncheck();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await byEmail.waitFor();
    expect(await byEmail.isChecked()).toBe(false);
    const stored = await api.call<{ items: { kind: string; channel: string; enabled: boolean }[] }>(
      'GET',
      '/v1/notifications/preferences',
      { token: session.accessToken },
    );
    expect(stored.body.items.find((i) => i.kind === 'won' && i.channel === 'email')?.enabled).toBe(false);
  }, 300_000);

  it('I download my data as a JSON file and delete my account after typing the confirmation', async () => {
    const address = email('leaver');
    const session = await api.signIn(address);
    const page = await signedInPhone('leaver', session);
    await page.goto('/account');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('video-window-export.json');
    const exported = JSON.parse(await readFile(await file.path(), 'utf8')) as Record<string, unknown>;
    expect(JSON.stringify(exported)).toContain(address);
    await page.getByText('Your data was downloaded as a JSON file.').waitFor();

    await page.getByRole('button', { name: 'Delete my account' }).click();
    const confirm = page.getByRole('button', { name: 'Delete my account for good' });
    expect(await confirm.isDisabled()).toBe(true);
    await page.getByLabel('Type DELETE to confirm').fill('DELETE');
    await screenshot(page, 'account-04-delete-confirmation');
    await expectAccessible(page, 'account (deleting)');
    await confirm.click();
    // The feed, not the sign-in screen the account screen would send a signed-out person to.
    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForFunction("localStorage.getItem('vw.session') === null");
    expect(new URL(page.url()).pathname).toBe('/');
    expect((await api.call('GET', '/v1/me', { token: session.accessToken })).status).toBe(401);
  }, 300_000);

  it('a maker opens payouts from the dashboard, sets them up and sees the account ready', async () => {
    const address = email('payout-maker');
    const first = await api.signInMaker(address, 'Linen & Loom');
    await api.enrolTotp(first, address);
    const session = await api.signIn(address); // the second step is done by the test client
    const page = await signedInPhone('payout maker', session);
    await page.goto('/dashboard');
    await page.getByRole('link', { name: 'Payouts' }).click();
    await page.waitForURL('**/studio/payouts');
    await page.getByRole('heading', { name: 'Get paid for your pieces' }).waitFor();
    await screenshot(page, 'account-05-payouts-setup');
    await expectAccessible(page, 'payouts (not set up)');
    await page.getByRole('button', { name: 'Set up payouts' }).click();
    await page.getByText('Your payout account is ready.', { exact: false }).waitFor();
    await page.getByText('Local test provider (no real money)').waitFor();
    await screenshot(page, 'account-06-payouts-ready');
    await expectAccessible(page, 'payouts (ready)');
    const account = await api.call<{ payoutsEnabled: boolean }>('GET', '/v1/payments/connect/account', {
      token: session.accessToken,
    });
    expect(account.body.payoutsEnabled).toBe(true);
  }, 300_000);

  it('a buyer asks the maker about a story, the maker answers, and the buyer sees the answer arrive live', async () => {
    const maker = await api.signInMaker(email('asked-maker'), 'Clay & Kiln');
    const buyer = await api.signIn(email('asking-buyer'));
    const storyId = await publishVideoStory(runtime, maker, 'A stoneware jug');
    const buyerPage = await signedInPhone('asking buyer', buyer);
    await buyerPage.goto(`/stories/${storyId}`);
    await buyerPage.getByRole('button', { name: 'Ask the maker' }).click();
    await buyerPage.waitForURL('**/messages/*');
    await buyerPage.getByRole('textbox', { name: 'Message' }).fill('Does the jug hold hot water?');
    await buyerPage.getByRole('button', { name: 'Send' }).click();
    await buyerPage.getByText('Does the jug hold hot water?').waitFor();

    const makerPage = await signedInPhone('asked maker', maker);
    await makerPage.goto('/messages');
    await makerPage
      .getByRole('list', { name: 'Conversations' })
      .getByRole('link', { name: /1 unread/ })
      .click();
    await makerPage.waitForURL('**/messages/*');
    await makerPage.getByText('Does the jug hold hot water?').waitFor();
    await makerPage.getByRole('textbox', { name: 'Message' }).fill('Yes, it is fired to stoneware temperature.');
    await makerPage.getByRole('button', { name: 'Send' }).click();
    await screenshot(makerPage, 'account-07-maker-answers');
    await expectAccessible(makerPage, 'message thread');

    // No reload: the answer reaches the buyer's open thread over the socket.
    await buyerPage.getByText('Yes, it is fired to stoneware temperature.').waitFor();
    await screenshot(buyerPage, 'account-08-buyer-sees-answer');
  }, 300_000);

  it('a buyer confirms delivery, reviews the maker, and the rating shows on the maker and story pages', async () => {
    const maker = await makerWithTotp(runtime, api, 'reviewed-maker');
    const buyer = await api.signIn(email('reviewing-buyer'));
    const storyId = await buyNowStory(runtime, api, maker, 18_000, 'A birch bark basket');
    const bought = await api.call<{ paymentWindow: WindowAnswer }>('POST', `/v1/stories/${storyId}/buy`, {
      token: buyer.accessToken,
      body: { shippingCountry: 'PT' },
    });
    expect(bought.status).toBe(201);
    const window = bought.body.paymentWindow;
    const paid = await api.call<{ orderId: string }>(
      'POST',
      `/v1/payments/local/${sessionIdOf(window.checkoutUrl!)}/complete`,
      {
        body: {
          outcome: 'succeeded',
          shipping: { name: 'Ada Buyer', line1: '3 Quay Street', city: 'Porto', postalCode: '4000-001', country: 'PT' },
        },
      },
    );
    expect(paid.status).toBe(200);
    const orderId = paid.body.orderId;
    const shipped = await api.call('POST', `/v1/orders/${orderId}/shipment`, {
      token: maker.accessToken,
      body: { carrier: 'CTT', trackingNumber: 'RR123456785PT' },
    });
    expect(shipped.status).toBe(200);

    const page = await signedInPhone('reviewing buyer', buyer);
    await page.goto(`/orders/${orderId}`);
    await page.getByRole('button', { name: 'Confirm delivery' }).click();
    await page.getByRole('button', { name: 'Leave a review' }).click();
    // The fifth star is the radio's label: what a finger taps.
    const fiveStars = page.getByRole('radio', { name: /^5 stars/ });
    await page.locator('label', { has: fiveStars }).click();
    expect(await fiveStars.isChecked()).toBe(true);
    await page.getByLabel('What did you think? (optional)').fill('Sturdy, beautifully woven, quick to arrive.');
    await screenshot(page, 'account-09-review-form');
    await expectAccessible(page, 'review form');
    await page.getByRole('button', { name: 'Post review' }).click();
    await page.getByRole('heading', { name: 'Your review' }).waitFor();

    await page.goto(`/makers/${maker.userId}`);
    await page.getByTestId('rating').getByText('5.0 of 5 (1 review)').waitFor();
    await page
      .getByRole('list', { name: /^Reviews of / })
      .getByText('Sturdy, beautifully woven, quick to arrive.')
      .waitFor();
    await screenshot(page, 'account-10-maker-reviews');
    await expectAccessible(page, 'maker page with reviews');

    await page.goto(`/stories/${storyId}`);
    await page.getByTestId('maker-rating').getByText('Rated 5.0 of 5 from 1 review').waitFor();
  }, 300_000);

  it('a buyer in Portugal uses the app in Portuguese: sign-in code, euros as Portugal writes them, the outbid notice', async () => {
    const maker = await signInMaker(api, 'pt-maker');
    const storyId = await publishVideoStory(
      runtime,
      maker,
      'Taça de cerâmica vidrada',
      {},
      {
        minOfferMinor: 123_450,
        currency: 'EUR',
      },
    );
    // A phone whose browser speaks Portuguese (Portugal), and nothing chosen in the app.
    const context = await phoneContext(browser, baseUrl, 'dark', 'pt-PT');
    const page = await context.newPage();
    pages.push({ page, errors: collectErrors(page, 'Portuguese buyer') });

    const address = email('pt-buyer');
    await page.goto(`/sign-in?next=${encodeURIComponent(`/stories/${storyId}`)}`);
    await page.getByLabel('Endereço de e-mail').fill(address);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-PT');
    await page.getByRole('button', { name: 'Enviar código' }).click();
    const mail = await eventually(async () => {
      const res = await api.call<{ messages: { subject: string; text: string }[] }>(
        'GET',
        `/v1/dev/mailbox?to=${encodeURIComponent(address)}`,
      );
      return res.body.messages[0];
    }, 'the sign-in code email');
    expect(mail.subject).toMatch(/^O seu código de acesso à Video Window: \d{6}$/);
    expect(mail.text).toContain('É válido durante 10 minutos');
    const code = /\b(\d{6})\b/.exec(mail.text)![1]!;
    const field = page.getByLabel('Código de 6 dígitos');
    await field.fill(code);
    await field.press('Enter');
    await page.waitForURL(`**/stories/${storyId}`);
    await screenshot(page, 'account-11-pt-story');
    await expectAccessible(page, 'story in Portuguese');

    // The minimum in euros, with Portugal's separators; the offer typed the Portuguese way.
    await page.getByText(/^Oferta mínima: 1234,50\s€$/).waitFor();
    await page.getByLabel('A sua oferta (EUR)').fill('1234,50');
    await page.getByRole('button', { name: 'Fazer oferta' }).click();
    await page.getByRole('heading', { name: 'Leilão em direto' }).waitFor();
    await page.getByText('Tem a licitação mais alta.').waitFor();
    await expect(page.getByTestId('high-bid').textContent()).resolves.toMatch(/^1234,50\s€$/);

    // The account created by this sign-in speaks Portuguese: its notices are written in it.
    const { rows } = await runtime.ctx.pool.query<{ id: string; locale: string | null }>(
      'select id, locale from identity.users where email = $1',
      [address],
    );
    expect(rows[0]?.locale).toBe('pt');
    const auctions = await runtime.ctx.pool.query<{ id: string }>(
      'select id from auctions.auctions where story_id = $1',
      [storyId],
    );
    const rival = await signIn(api, 'pt-rival');
    expect((await bid(api, auctions.rows[0]!.id, rival, 130_000)).status).toBe(201);

    await page.getByText('A sua licitação foi ultrapassada').first().waitFor();
    await expect(page.getByTestId('high-bid').textContent()).resolves.toMatch(/^1300,00\s€$/);
    await screenshot(page, 'account-12-pt-outbid');

    await page.goto('/notifications');
    const notice = page.getByRole('listitem').filter({ hasText: 'A sua licitação foi ultrapassada' });
    await notice.getByText(/A licitação mais alta é agora de 1300,00\s€\./).waitFor();
    await screenshot(page, 'account-13-pt-notifications');
    // The longer words keep the six items of the navigation on one row.
    const items = await page.getByRole('navigation', { name: 'Principal' }).getByRole('link').all();
    const boxes = await Promise.all(items.map((item) => item.boundingBox()));
    expect(boxes).toHaveLength(6);
    expect(new Set(boxes.map((box) => Math.round(box!.y))).size).toBe(1);
    await expectAccessible(page, 'notifications in Portuguese');
  }, 300_000);

  it('no page logged a console error', () => {
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
