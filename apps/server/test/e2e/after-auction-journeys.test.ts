/**
 * After the auction, in a real browser (headless chromium, phone viewport) against a listening
 * server serving the production build: the maker offers the piece to the next bidder when the
 * winner does not pay, accepts the leading bid when the reserve was not met, relists after no
 * sale; a buyer withdraws a held offer; a buyer disputes an order and an admin refunds it; an
 * admin voids a shill bid on a live auction and the lead goes back to the bid before it. A
 * manual clock and the timers' jobs end auctions and payment windows at once. Screenshots land
 * in test-results/e2e/.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bid,
  enrolTotp,
  FAST_ENV,
  fireTimer,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  waitFor,
  type AuctionBody,
} from '../../src/modules/auctions/test-support';
import { ManualClock } from '../../src/platform/clock';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';
import {
  buildWebApp,
  collectErrors,
  freePort,
  launchChromium,
  closePhones,
  phoneContext,
  screenshot,
  seedSession,
  seriousViolations,
  STEP_TIMEOUT_MS,
} from './browser';
import { initialJsGzipBytes } from './bundle-size';

const ADMIN_EMAIL = `e2e-admin-${Date.now().toString(36)}@example.com`;
const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let baseUrl: string;
let maker: Session;
const pages: { page: Page; errors: string[] }[] = [];

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
      // The clock jumps hours ahead: tokens outlive the jumps (under the 24.8-day timer limit of the socket's expiry).
      ACCESS_TOKEN_SECONDS: '1000000',
    },
  });
  await runtime.app!.listen({ port, host: '127.0.0.1' });
  api = apiClient(runtime);
  maker = await signInMaker(api, 'e2e-maker');
  await enrolTotp(runtime, api, maker); // accepting a buyer needs the second factor
  browser = await launchChromium();
}, 300_000);

// Each journey's phones close when it ends.
afterEach(closePhones);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
}, 60_000);

/** A phone signed in as `session` (the app's stored session, as after signing in). */
async function phoneAs(who: string, session: Session): Promise<Page> {
  const context = await phoneContext(browser, baseUrl);
  await seedSession(context, baseUrl, session, Date.now() + 900_000_000);
  const page = await context.newPage();
  pages.push({ page, errors: collectErrors(page, who) });
  return page;
}

/** A screenshot with `what` scrolled into view (the story page opens on its video). */
async function shot(page: Page, what: Locator, name: string): Promise<void> {
  await what.scrollIntoViewIfNeeded();
  await screenshot(page, name);
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

/** The admin, signed in (and enrolled in two-step sign-in) once for every journey that needs one. */
let adminSession: Promise<Session> | undefined;
const signedInAdmin = (): Promise<Session> =>
  (adminSession ??= api.signInAdmin(ADMIN_EMAIL, { remoteAddress: '10.99.0.1' }));

const auctionOf = async (id: string) => (await api.call<AuctionBody>('GET', `/v1/auctions/${id}`)).body;

/** Moves the clock to the auction's end and lets its timer fire. */
async function endAuction(auctionId: string): Promise<AuctionBody> {
  clock.set(Date.parse((await auctionOf(auctionId)).endsAt));
  await fireTimer(runtime, `auction-end:${auctionId}`);
  return auctionOf(auctionId);
}

/** The winner pays on the local checkout page, giving a shipping address. */
async function payInBrowser(page: Page, storyId: string, shot: string): Promise<void> {
  await page.goto(`/stories/${storyId}`);
  await page.getByRole('link', { name: 'You won — pay now' }).click();
  await page.waitForURL(/\/auctions\/[0-9a-f-]{36}\/payment/);
  const checkout = page.getByRole('link', { name: /checkout|pay/i }).first();
  await checkout.waitFor({ timeout: STEP_TIMEOUT_MS });
  await checkout.click();
  await page.locator('input[name="name"]').fill('Grace Buyer');
  await page.locator('input[name="line1"]').fill('12 Harbour Road');
  await page.locator('input[name="city"]').fill('Bristol');
  await page.locator('input[name="postalCode"]').fill('BS1 4RW');
  // The country is the one the shipping was quoted for, fixed on the checkout.
  await expect(page.locator('[name="country"]').inputValue()).resolves.toBe('US');
  await page.getByRole('button', { name: /^Pay / }).click();
  await page
    .getByText(/Payment received/i)
    .first()
    .waitFor({ timeout: STEP_TIMEOUT_MS });
  await screenshot(page, shot);
}

describe('after the auction, in a browser', () => {
  it('the winner does not pay: the maker offers the piece to the next bidder, who pays', async () => {
    console.log(`[e2e] initial JS (gzip): ${(initialJsGzipBytes() / 1024).toFixed(1)} KiB`);
    expect(initialJsGzipBytes()).toBeLessThanOrEqual(250 * 1024);
    const storyId = await publishedStory(runtime, api, maker);
    const [first, winner] = [await signIn(api, 'e2e-second'), await signIn(api, 'e2e-nonpayer')];
    const auction = await openAuctionWith(api, storyId, first, 10_000);
    expect((await bid(api, auction.id, winner, 11_000)).status).toBe(201);
    expect((await endAuction(auction.id)).status).toBe('awaiting_payment');
    const window = await api.call<{ id: string; expiresAt: string }>('GET', `/v1/auctions/${auction.id}/payment`, {
      token: winner.accessToken,
    });
    clock.set(Date.parse(window.body.expiresAt));
    await fireTimer(runtime, `payment-expiry:${window.body.id}`);

    const makerPage = await phoneAs('maker', maker);
    await makerPage.goto(`/stories/${storyId}`);
    await makerPage.getByText('The winner did not pay in time.', { exact: true }).waitFor();
    await makerPage.getByText('Offer the piece to the next bidder at their last bid, or relist it.').waitFor();
    await expect(makerPage.getByRole('button', { name: /Accept the leading bid/ }).count()).resolves.toBe(0);
    await shot(
      makerPage,
      makerPage.getByRole('button', { name: 'Offer to the next bidder' }),
      'after-01-unpaid-decision',
    );
    await expectAccessible(makerPage, 'story (maker, unpaid window)');
    await makerPage.getByRole('button', { name: 'Offer to the next bidder' }).click();
    await makerPage.getByText('The piece is offered to the next bidder at their last bid.').waitFor();
    await makerPage.getByText('The auction has ended; the winner is paying.').waitFor();
    await shot(makerPage, makerPage.getByText('The piece is offered'), 'after-02-second-chance-offered');

    const nextBidder = await phoneAs('next bidder', first);
    await payInBrowser(nextBidder, storyId, 'after-03-second-chance-paid');
    expect((await auctionOf(auction.id)).status).toBe('paid');

    // The maker's order shows where to send the piece.
    await makerPage.goto('/orders?as=maker');
    await makerPage.locator('a[href^="/orders/"]').first().click();
    await makerPage.getByRole('heading', { name: 'Ship to' }).waitFor();
    await expect(makerPage.getByTestId('shipping-address').textContent()).resolves.toContain('12 Harbour Road');
    await screenshot(makerPage, 'after-04-order-ship-to');
    await expectAccessible(makerPage, 'order (maker, ship to)');
  }, 600_000);

  it('the reserve is not met: the maker sees the deadline and accepts the leading bid', async () => {
    const storyId = await publishedStory(runtime, api, maker, { reserveMinor: 50_000 });
    const bidder = await signIn(api, 'e2e-rnm');
    const auction = await openAuctionWith(api, storyId, bidder, 10_000);
    expect((await endAuction(auction.id)).status).toBe('ended');

    const makerPage = await phoneAs('maker', maker);
    await makerPage.goto(`/stories/${storyId}`);
    const deadline = makerPage.getByTestId('decision-deadline');
    await deadline.waitFor();
    await expect(deadline.textContent()).resolves.toContain(
      'The reserve was not met. You can accept the leading bid of $100.00 until',
    );
    await shot(makerPage, deadline, 'after-05-reserve-not-met');
    await expectAccessible(makerPage, 'story (maker, reserve not met)');
    await makerPage.getByRole('button', { name: 'Accept the leading bid ($100.00)' }).click();
    await makerPage.getByText('You accepted the leading bid: the buyer has been asked to pay.').waitFor();
    await makerPage.getByText('The auction has ended; the winner is paying.').waitFor();
    await shot(makerPage, makerPage.getByText('You accepted the leading bid'), 'after-06-accepted');

    const bidderPage = await phoneAs('bidder', bidder);
    await bidderPage.goto(`/stories/${storyId}`);
    await bidderPage.getByRole('link', { name: 'You won — pay now' }).waitFor();
  }, 300_000);

  it('no sale: after the decision lapses the maker relists and the story takes offers again', async () => {
    const storyId = await publishedStory(runtime, api, maker, { reserveMinor: 50_000 });
    const bidder = await signIn(api, 'e2e-lapse');
    const auction = await openAuctionWith(api, storyId, bidder, 10_000);
    const ended = await endAuction(auction.id);
    clock.set(Date.parse(ended.makerDecisionDeadline!) + 1000);
    await fireTimer(runtime, `auction-lapse:${auction.id}`);

    const makerPage = await phoneAs('maker', maker);
    await makerPage.goto(`/stories/${storyId}`);
    await makerPage.getByText('The auction ended without a sale.').waitFor();
    await expect(makerPage.getByRole('button', { name: /Accept the leading bid/ }).count()).resolves.toBe(0);
    await shot(makerPage, makerPage.getByRole('button', { name: 'Relist: take new offers' }), 'after-07-no-sale');
    await makerPage.getByRole('button', { name: 'Relist: take new offers' }).click();
    await makerPage.getByRole('heading', { name: 'Make an offer' }).waitFor();
    await shot(makerPage, makerPage.getByRole('heading', { name: 'Make an offer' }), 'after-08-relisted');

    const buyer = await phoneAs('new buyer', await signIn(api, 'e2e-after-relist'));
    await buyer.goto(`/stories/${storyId}`);
    await buyer.getByLabel('Your offer (USD)').fill('100');
    await buyer.getByRole('button', { name: 'Make offer' }).click();
    await buyer.getByRole('heading', { name: 'Live auction' }).waitFor();
  }, 300_000);

  it('a buyer sees their held offer after a reload and withdraws it', async () => {
    const storyId = await publishedStory(runtime, api, maker, { autoRejectBelowMin: false });
    const buyer = await phoneAs('offerer', await signIn(api, 'e2e-offerer'));
    await buyer.goto(`/stories/${storyId}`);
    await buyer.getByLabel('Your offer (USD)').fill('80');
    await buyer.getByRole('button', { name: 'Make offer' }).click();
    const mine = buyer.getByTestId('my-offer');
    await mine.waitFor();
    await buyer.reload();
    await mine.waitFor();
    await expect(mine.textContent()).resolves.toContain('Your offer of $80.00 is with the maker');
    await shot(buyer, mine, 'after-09-held-offer');
    await expectAccessible(buyer, 'story (held offer)');
    await buyer.getByRole('button', { name: 'Withdraw offer' }).click();
    await buyer.getByText('was withdrawn').waitFor();
    await buyer.getByRole('button', { name: 'Make offer' }).waitFor();
    await shot(buyer, mine, 'after-10-offer-withdrawn');
    const offers = await api.call<{ items: { status: string }[] }>('GET', `/v1/stories/${storyId}/offers`, {
      token: maker.accessToken,
    });
    expect(offers.body.items).toEqual([]);
  }, 300_000);

  it('a buyer disputes an order, an admin refunds it, and both parties see the resolution', async () => {
    const storyId = await publishedStory(runtime, api, maker, { buyNowMinor: 15_000 });
    const buyer = await signIn(api, 'e2e-disputer');
    const bought = await api.call<{ paymentWindow: { checkoutUrl: string } }>('POST', `/v1/stories/${storyId}/buy`, {
      token: buyer.accessToken,
      headers: { 'idempotency-key': crypto.randomUUID() },
      body: { shippingCountry: 'PT' },
    });
    expect(bought.status).toBe(201);
    const sessionId = new URL(bought.body.paymentWindow.checkoutUrl, baseUrl).pathname.split('/').at(-1)!;
    const paid = await api.call('POST', `/v1/payments/local/${sessionId}/complete`, {
      body: {
        outcome: 'succeeded',
        shipping: { name: 'Ada Buyer', line1: '3 Quay Street', city: 'Porto', postalCode: '4000-001', country: 'PT' },
      },
    });
    expect(paid.status).toBe(200);
    const order = await waitFor(async () => {
      const list = await api.call<{ items: { id: string }[] }>('GET', '/v1/orders?as=buyer', {
        token: buyer.accessToken,
      });
      return list.body.items[0];
    });

    const buyerPage = await phoneAs('disputer', buyer);
    await buyerPage.goto(`/orders/${order.id}`);
    await buyerPage.getByRole('button', { name: 'Report a problem with this order' }).click();
    await buyerPage.getByLabel('What went wrong?').fill('The bowl arrived cracked.');
    await buyerPage.getByRole('button', { name: 'Report problem' }).click();
    const notice = buyerPage.getByTestId('dispute');
    await notice.getByText('An admin is looking into it.').waitFor();
    await screenshot(buyerPage, 'after-11-disputed');
    await expectAccessible(buyerPage, 'order (buyer, disputed)');

    const admin = await signedInAdmin();
    const adminPage = await phoneAs('admin', admin);
    await adminPage.goto('/admin?tab=orders');
    const row = adminPage.getByRole('link', { name: /The bowl arrived cracked/ });
    await row.waitFor();
    await screenshot(adminPage, 'after-12-admin-disputes');
    await expectAccessible(adminPage, 'admin orders');
    await row.click();
    await adminPage.getByLabel('Amount (USD)').fill('151');
    await adminPage.getByLabel('Reason for the refund').fill('Arrived broken');
    await adminPage.getByRole('button', { name: 'Refund' }).click();
    await adminPage.getByText('At most $150.00 can still be refunded.').waitFor();
    await adminPage.getByLabel('Amount (USD)').fill('');
    await adminPage.getByRole('button', { name: 'Refund' }).click();
    // Everything is back with the buyer: the order is refunded and the refund form is gone.
    const resolved = 'Resolved: the buyer was refunded in full ($150.00).';
    await adminPage.getByText(resolved).waitFor();
    await expect(adminPage.getByTestId('refunded').textContent()).resolves.toBe('$150.00');
    await expect(adminPage.getByRole('button', { name: 'Refund' }).count()).resolves.toBe(0);
    await screenshot(adminPage, 'after-13-admin-refunded');

    await waitFor(async () => {
      await buyerPage.reload();
      return buyerPage
        .getByText(resolved)
        .waitFor({ timeout: 2_000 })
        .then(() => true)
        .catch(() => false);
    }, STEP_TIMEOUT_MS);
    await screenshot(buyerPage, 'after-14-buyer-sees-refund');
    const makerPage = await phoneAs('maker', maker);
    await makerPage.goto(`/orders/${order.id}`);
    await makerPage.getByText(resolved).waitFor();
    await makerPage.getByText('“The bowl arrived cracked.”').waitFor();
    await expectAccessible(makerPage, 'order (maker, refunded)');
  }, 300_000);

  it('an admin voids a fraudulent bid on a live auction: the lead goes back to the bid before it', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const [honest, shill] = [await signIn(api, 'e2e-honest'), await signIn(api, 'e2e-shill')];
    const auction = await openAuctionWith(api, storyId, honest, 10_000);
    expect((await bid(api, auction.id, shill, 11_000)).status).toBe(201);

    const admin = await signedInAdmin();
    const adminPage = await phoneAs('admin voiding', admin);
    await adminPage.goto(`/stories/${storyId}`);
    const history = adminPage.getByRole('list', { name: 'Bid history' });
    await history.getByRole('button', { name: /^Void .*’s bid of \$110\.00$/ }).click();
    const form = adminPage.getByRole('form', { name: /^Void .*’s bid of \$110\.00$/ });
    await form.getByLabel(/^Why void/).fill('Shill bidding from the maker’s friend');
    await shot(adminPage, form, 'after-15-admin-voids-bid');
    await expectAccessible(adminPage, 'story (admin voiding a bid)');
    await form.getByRole('button', { name: 'Void bid' }).click();
    await history.getByText('· voided').waitFor();
    await expect(form.count()).resolves.toBe(0);
    // Only the honest bid can still be voided, and it leads again.
    await expect(history.getByRole('button', { name: /^Void / }).count()).resolves.toBe(1);
    await shot(adminPage, history, 'after-16-bid-voided');
    const after = await auctionOf(auction.id);
    expect(after.highBidMinor).toBe(10_000);
    expect(after.leaderId).toBe(honest.userId);
  }, 300_000);

  it('a viewer watches a story, hears its auction ends soon, bids and sees themself leading, then outbid live', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const watcher = await signIn(api, 'e2e-watcher');
    const page = await phoneAs('watcher', watcher);
    await page.goto(`/stories/${storyId}`);
    await page.getByRole('button', { name: 'Watch A walnut bowl' }).click();
    await page.getByRole('button', { name: 'Stop watching A walnut bowl', pressed: true }).waitFor();
    await page.goto('/watchlist');
    await page.getByRole('list', { name: 'Watched stories' }).getByText('A walnut bowl').waitFor();
    await screenshot(page, 'after-17-watchlist');
    await expectAccessible(page, 'watchlist');

    const auction = await openAuctionWith(api, storyId, await signIn(api, 'e2e-watched-opener'), 10_000);
    // The hour's reminder (scaled to the short test auction) comes due.
    const reminderKey = `watch-reminder:${auction.id}:60`;
    await waitFor(
      async () =>
        (await runtime.ctx.pool.query('select 1 from graphile_worker._private_jobs where key = $1', [reminderKey]))
          .rowCount === 1,
    );
    clock.set(Date.parse(auction.endsAt) - 50_000);
    await fireTimer(runtime, reminderKey);
    await page.goto('/notifications');
    await page.getByText('A watched auction ends soon').first().waitFor();
    await page.getByText('An auction opened on a piece you watch').first().waitFor();
    await screenshot(page, 'after-18-watched-ending-soon');

    expect((await bid(api, auction.id, watcher, 10_600)).status).toBe(201);
    await page.goto('/activity');
    const row = page.locator('li[data-standing]', { hasText: 'A walnut bowl' }).first();
    await row.getByText('Leading', { exact: true }).waitFor();
    await screenshot(page, 'after-19-activity-leading');
    await expectAccessible(page, 'my activity');
    // Someone outbids: the standing changes on the open page, over the realtime socket.
    expect((await bid(api, auction.id, await signIn(api, 'e2e-watched-rival'), 12_000)).status).toBe(201);
    await page.locator('li[data-standing="outbid"]', { hasText: 'A walnut bowl' }).first().waitFor();
  }, 300_000);

  it('no page logged a console error', () => {
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
