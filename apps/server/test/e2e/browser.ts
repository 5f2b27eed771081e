/**
 * Test support for the browser journeys: Debian's chromium driven by playwright-core on a phone
 * viewport, a free port for a listening server, console-error collection, axe checks and screenshots.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { expect } from 'vitest';
import { createReadyMedia } from '../../src/modules/media/test-fixtures';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { startTestServer } from '../harness';
import { freeShipping } from '../../src/modules/stories/test-support';

const repoRoot = path.resolve(import.meta.dirname, '../../../..');
export const ARTIFACTS = path.join(repoRoot, 'test-results/e2e');

/** The server serves the production build: make sure it is current (the script skips when it is). */
export function buildWebApp(): void {
  execFileSync('bash', ['scripts/build-web.sh'], { cwd: repoRoot, stdio: 'inherit', timeout: 300_000 });
  mkdirSync(ARTIFACTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      // Muted autoplay is what the feed relies on; headless has no user gesture to unlock it.
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

/** Generous waits: the suite shares two cores with transcoding and the rest of the tests. */
export const STEP_TIMEOUT_MS = 90_000;

/**
 * A phone in the dark theme (the video-first look) unless `colorScheme` asks for the light one,
 * its browser in American English unless `locale` names another language.
 */
export async function phoneContext(
  browser: Browser,
  baseURL: string,
  colorScheme: 'light' | 'dark' = 'dark',
  locale = 'en-US',
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL,
    colorScheme,
    locale,
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT_MS);
  openPhones.add(context);
  context.on('close', () => openPhones.delete(context));
  return context;
}

const openPhones = new Set<BrowserContext>();

/**
 * Closes every phone still open; `afterEach` of a file whose tests each open their own. A page
 * left on a story keeps decoding its looping video, and a few of those slow every browser on the
 * machine. What their consoles reported stays in the lists `collectErrors` handed out.
 */
export async function closePhones(): Promise<void> {
  await Promise.all([...openPhones].map((context) => context.close()));
}

/**
 * Signs `context`'s tabs in as `session`, stored the way the app keeps a session (localStorage),
 * before the app's own scripts run: once per tab and on the app's origin only, so a later sign-out
 * stays done. Spares opening the app once only to write the session.
 */
export async function seedSession(
  context: BrowserContext,
  baseURL: string,
  session: Session,
  accessExpiresAt: number,
): Promise<void> {
  const claims = JSON.parse(Buffer.from(session.accessToken.split('.')[1]!, 'base64url').toString()) as {
    sid: string;
  };
  const stored = JSON.stringify({
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    accessExpiresAt,
    userId: session.userId,
    sessionId: claims.sid,
  });
  // A string, injected by the browser before the page's scripts: the app's CSP does not apply.
  await context.addInitScript(
    `if (location.origin === ${JSON.stringify(new URL(baseURL).origin)} && !sessionStorage.getItem('e2e-seeded')) {` +
      `localStorage.setItem('vw.session', ${JSON.stringify(stored)}); sessionStorage.setItem('e2e-seeded', '1'); }`,
  );
}

/** A port nothing listens on, so PUBLIC_URL can be known before the server starts. */
/**
 * The production web build served by a test server listening on a free port, its public URL
 * pointing there (links in emails and checkout redirects come back to it).
 */
export async function startWebServer(env: Record<string, string> = {}): Promise<{ runtime: Runtime; baseUrl: string }> {
  buildWebApp();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const runtime = await startTestServer({ env: { PUBLIC_URL: baseUrl, ...env } });
  await runtime.app!.listen({ port, host: '127.0.0.1' });
  return { runtime, baseUrl };
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Console errors and uncaught page errors, collected for the whole life of a page. */
export function collectErrors(page: Page, who: string): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${who} console: ${msg.text()} (${msg.location().url} on ${page.url()})`);
  });
  page.on('pageerror', (err) => errors.push(`${who} pageerror: ${err.message}`));
  // The console only says "Failed to load resource"; keep the address so a failure names it.
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`${who} ${res.status()} ${res.request().method()} ${res.url()}`);
  });
  return errors;
}

/**
 * The page's requests that have no answer yet, followed from the moment this is called.
 * `quiet()` resolves once none is left and the page has rendered what the last answers brought
 * (a round trip of two frames and a task in the page, twice) without asking for anything more:
 * every response has been seen, so a failing one is collected, and the screen shows what they
 * said. Unlike the 'networkidle' load state, it does not wait out half a second of silence.
 */
export function followRequests(page: Page): { quiet(timeoutMs?: number): Promise<void> } {
  const pending = new Set<Request>();
  let started = 0;
  page.on('request', (request) => {
    pending.add(request);
    started += 1;
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => pending.delete(request));
  // Browser-side code as a string: the server's TypeScript program has no DOM types.
  const frames = () =>
    page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))');
  return {
    async quiet(timeoutMs = STEP_TIMEOUT_MS) {
      const deadline = Date.now() + timeoutMs;
      let calm = 0;
      while (calm < 2) {
        if (Date.now() > deadline) {
          const urls = [...pending].map((r) => r.url());
          throw new Error(`requests still pending after ${timeoutMs} ms: ${urls.join(', ')}`);
        }
        const before = started;
        if (pending.size > 0) {
          calm = 0;
          await new Promise((resolve) => setTimeout(resolve, 20));
          continue;
        }
        // A navigation in between (a redirect) ends the evaluation: not calm yet.
        const rendered = await frames().then(
          () => true,
          () => false,
        );
        calm = rendered && pending.size === 0 && started === before ? calm + 1 : 0;
      }
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: false });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated through the debugging protocol: the app's CSP (rightly) blocks inline scripts.
  await page.evaluate(axeSource);
  // Browser-side code as a string: the server's TypeScript program has no DOM types. Only the
  // violations are wanted: axe then skips building selectors for every passing node.
  const violations = await page.evaluate<AxeViolation[]>(
    "axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations)",
  );
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/**
 * A published story of `maker` with a ready hero video (`seconds` long), taking offers from $100
 * unless `offers` names another minimum and currency; answers its id.
 */
export async function publishVideoStory(
  runtime: Runtime,
  maker: Session,
  title: string,
  clip: { seconds?: number } = {},
  offers: { minOfferMinor: number; currency: string } = { minOfferMinor: 10_000, currency: 'USD' },
): Promise<string> {
  const api = apiClient(runtime);
  const heroMediaId = await createReadyMedia(runtime, maker.userId, clip);
  const story = await api.call<{ id: string }>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: {
      title,
      description: 'Made by hand.',
      category: 'woodwork',
      heroMediaId,
      offerPolicy: { ...offers, autoRejectBelowMin: true },
      shipping: freeShipping,
    },
  });
  expect(story.status).toBe(201);
  const published = await api.call('POST', `/v1/stories/${story.body.id}/publish`, { token: maker.accessToken });
  expect(published.status).toBe(200);
  return story.body.id;
}
