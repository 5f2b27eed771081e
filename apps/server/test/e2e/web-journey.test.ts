/**
 * The web app in a real browser (headless chromium, phone viewport) against a real listening
 * server serving the production build: a maker signs in, uploads a clip in the studio and
 * publishes; a viewer watches it play in the feed and makes the opening offer; a second viewer
 * outbids and the first sees it live; the auction ends, the winner pays on the local checkout, the
 * maker ships and the buyer confirms delivery. Screenshots land in test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import {
  collectErrors,
  launchChromium,
  phoneContext,
  screenshot,
  seriousViolations,
  startWebServer,
  STEP_TIMEOUT_MS,
} from './browser';
import { initialJsGzipBytes } from './bundle-size';

const AUCTION_SECONDS = 45;
let runtime: Runtime;
let browser: Browser;
let baseUrl: string;
let seq = 0;
const pages: { page: Page; errors: string[] }[] = [];
const consoleErrors = () => pages.flatMap((p) => p.errors);

beforeAll(async () => {
  ({ runtime, baseUrl } = await startWebServer({
    AUCTION_DURATION_SECONDS: String(AUCTION_SECONDS),
    SOFT_CLOSE_SECONDS: '1',
    PAYMENT_WINDOW_SECONDS: '600',
  }));
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
}, 60_000);

async function mailboxCode(email: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(`${baseUrl}/v1/dev/mailbox?to=${encodeURIComponent(email)}`);
    const body = (await res.json()) as { messages: { text: string }[] };
    const code = body.messages.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).find(Boolean);
    if (code) return code;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-in code for ${email}`);
}

/** Signs in through the sign-in screen with the code read from the development mailbox. */
async function signIn(page: Page, who: string, next = '/'): Promise<void> {
  const email = `e2e-${who}-${Date.now().toString(36)}-${seq++}@example.com`;
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('Email address').fill(email);
  await page.getByRole('button', { name: 'Send code' }).click();
  const code = await mailboxCode(email);
  const field = page.getByLabel('6-digit code');
  await field.fill(code);
  await field.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: STEP_TIMEOUT_MS });
}

async function newPhone(who: string): Promise<Page> {
  const context = await phoneContext(browser, baseUrl);
  const page = await context.newPage();
  pages.push({ page, errors: collectErrors(page, who) });
  return page;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

function makeClip(dir: string): string {
  const file = path.join(dir, 'piece.mp4');
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=360x640:rate=15:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:duration=2',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    '-y',
    file,
  ]);
  return file;
}

describe('web app in a browser', () => {
  let storyId = '';
  let maker: Page;
  let opener: Page;
  let bidder: Page;

  it('a maker signs in, becomes a maker, uploads a clip in the studio and publishes', async () => {
    console.log(`[e2e] initial JS (gzip): ${(initialJsGzipBytes() / 1024).toFixed(1)} KiB`);
    maker = await newPhone('maker');
    await signIn(maker, 'maker', '/become-maker');
    await maker.getByLabel('Maker name').fill('Oak & Ash');
    await screenshot(maker, '01-become-maker');
    await expectAccessible(maker, 'become maker');
    await maker.getByRole('button', { name: 'Create maker profile' }).click();
    await maker.waitForURL('**/account/security?from=maker', { timeout: STEP_TIMEOUT_MS });
    await maker.getByText('Your maker profile is ready.', { exact: false }).waitFor({ timeout: STEP_TIMEOUT_MS });

    await maker.goto('/studio/new');
    await maker.waitForURL(/\/studio\/[0-9a-f-]{36}\?step=video/, { timeout: STEP_TIMEOUT_MS });
    storyId = /\/studio\/([0-9a-f-]{36})/.exec(maker.url())![1]!;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'vw-e2e-'));
    await maker.getByLabel('Video file').setInputFiles(makeClip(dir));
    await maker.getByText(/Your video is ready/).waitFor({ timeout: 3 * STEP_TIMEOUT_MS });
    await screenshot(maker, '02-studio-video-ready');
    await expectAccessible(maker, 'studio');

    await maker.goto(`/studio/${storyId}?step=details`);
    await maker.getByLabel('Title').fill('Hand-carved oak bowl');
    await maker.getByLabel('Overview').fill('Turned from a fallen oak.');
    await maker.getByLabel('Category').selectOption({ index: 1 });
    await maker.getByRole('button', { name: /^Next:/ }).click(); // sections
    await maker.getByRole('button', { name: /^Next:/ }).click(); // pricing
    await maker.getByLabel('Minimum offer').fill('100');
    // Shipping: free within the country it ships from (the buyers here are there too).
    await maker.getByRole('button', { name: 'Add shipping' }).click();
    await maker.getByRole('button', { name: /^Next:/ }).click(); // preview
    await screenshot(maker, '03-studio-preview');
    await maker.getByRole('button', { name: 'Publish story' }).click({ timeout: STEP_TIMEOUT_MS });
    await maker.waitForURL(`**/stories/${storyId}`, { timeout: STEP_TIMEOUT_MS });
    await screenshot(maker, '04-published-story');
  }, 600_000);

  it('a viewer sees the video play in the feed, opens the story and makes the opening offer', async () => {
    expect(storyId).not.toBe('');
    bidder = await newPhone('bidder'); // signed in ahead so the outbid lands well before the end
    await signIn(bidder, 'bidder');
    opener = await newPhone('opener');
    await signIn(opener, 'opener');
    await opener.goto('/');
    const video = opener.locator('video').first();
    await video.waitFor({ timeout: STEP_TIMEOUT_MS });
    // The hero video is a protected HLS stream: playing at all means the token covered every request.
    // A function, not a string: the app's CSP forbids eval. Typed locally (no DOM types here).
    await opener.waitForFunction(
      () => {
        type Doc = { querySelectorAll(selector: string): Iterable<{ currentTime: number }> };
        const doc = (globalThis as unknown as { document: Doc }).document;
        return [...doc.querySelectorAll('video')].some((v) => v.currentTime > 0.3);
      },
      null,
      { timeout: STEP_TIMEOUT_MS },
    );
    await screenshot(opener, '05-feed-playing');
    await expectAccessible(opener, 'feed');

    await opener.getByRole('link', { name: 'View story: Hand-carved oak bowl' }).click();
    await opener.waitForURL(`**/stories/${storyId}`);
    await opener.getByLabel('Your offer (USD)').fill('100');
    await screenshot(opener, '06-story-offer');
    await expectAccessible(opener, 'story');
    await opener.getByRole('button', { name: 'Make offer' }).click();
    await opener.getByRole('heading', { name: 'Live auction' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    await opener.getByText('You’re the highest bidder.').waitFor({ timeout: STEP_TIMEOUT_MS });
  }, 420_000);

  it('a second viewer outbids and the first sees it live', async () => {
    await bidder.goto(`/stories/${storyId}`);
    const amount = bidder.getByLabel('Your bid (USD)');
    await amount.waitFor({ timeout: STEP_TIMEOUT_MS });
    await amount.fill('106');
    await bidder.getByRole('button', { name: /^Place bid/ }).click();
    await bidder.getByText('You’re the highest bidder.').waitFor({ timeout: STEP_TIMEOUT_MS });
    await opener.getByText('You’ve been outbid').waitFor({ timeout: STEP_TIMEOUT_MS });
    await expect(opener.getByTestId('high-bid').textContent()).resolves.toContain('106');
    await screenshot(opener, '07-outbid-notice');
    await screenshot(bidder, '08-leading');
  }, 300_000);

  it('the auction ends, the winner pays, the maker ships and the buyer confirms', async () => {
    const payLink = bidder.getByRole('link', { name: 'You won — pay now' });
    const deadline = Date.now() + (AUCTION_SECONDS + 120) * 1000;
    while (!(await payLink.isVisible())) {
      if (Date.now() > deadline) throw new Error('the auction did not end for the winner');
      await bidder.waitForTimeout(1000);
      if (!(await payLink.isVisible())) await bidder.reload();
    }
    await payLink.click();
    await bidder.waitForURL(/\/auctions\/[0-9a-f-]{36}\/payment/);
    const checkout = bidder.getByRole('link', { name: /checkout|pay/i }).first();
    await checkout.waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(bidder, '09-payment');
    await expectAccessible(bidder, 'payment');
    await checkout.click();
    await bidder.locator('input[name="name"]').fill('Grace Buyer');
    await bidder.locator('input[name="line1"]').fill('12 Harbour Road');
    await bidder.locator('input[name="city"]').fill('Bristol');
    await bidder.locator('input[name="postalCode"]').fill('BS1 4RW');
    // The country is the one the shipping was quoted for, fixed on the checkout.
    await expect(bidder.locator('[name="country"]').inputValue()).resolves.toBe('US');
    await screenshot(bidder, '10-local-checkout');
    await bidder.getByRole('button', { name: /^Pay / }).click();
    await bidder
      .getByText(/Payment received/i)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(bidder, '11-receipt');

    await maker.goto('/orders?as=maker');
    const sold = maker.locator('a[href^="/orders/"]').first();
    await sold.waitFor({ timeout: STEP_TIMEOUT_MS });
    await sold.click();
    await maker.getByLabel('Carrier').fill('Royal Mail');
    await maker.getByLabel('Tracking number').fill('RM123456785GB');
    await expectAccessible(maker, 'order (maker)');
    await maker.getByRole('button', { name: 'Mark as shipped' }).click();
    await maker
      .getByText(/RM123456785GB/)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(maker, '12-shipped');

    await bidder.goto('/orders');
    const bought = bidder.locator('a[href^="/orders/"]').first();
    await bought.waitFor({ timeout: STEP_TIMEOUT_MS });
    await bought.click();
    // Royal Mail's number: the buyer follows it to the carrier's tracking page.
    const tracking = bidder.getByRole('link', { name: /RM123456785GB/ });
    await tracking.waitFor({ timeout: STEP_TIMEOUT_MS });
    expect(await tracking.getAttribute('href')).toBe(
      'https://www.royalmail.com/track-your-item#/tracking-results/RM123456785GB',
    );
    await bidder.getByRole('button', { name: 'Confirm delivery' }).click();
    await bidder
      .getByText(/delivered|completed/i)
      .first()
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await screenshot(bidder, '13-delivered');
    await expectAccessible(bidder, 'order (buyer)');
  }, 600_000);

  it('no page logged a console error', () => {
    expect(consoleErrors()).toEqual([]);
  });
});
