/**
 * The maker's profile and the story's gallery, in a real browser (headless chromium, phone
 * viewport) against a listening server serving the production build: a maker sets a profile
 * photo, bio, city and country on the account screen and sees them on their public page; a maker
 * adds two photos to a story's gallery in the studio, puts the second first, and a signed-out
 * viewer sees them in that order on the story page, shares it (the copied link is the story's
 * shared link, whose page carries the preview tags and opens the story); the maker's shared link
 * shows their name, bio and photo; a viewer follows a maker from their page and, once the maker
 * publishes, finds the story in the feed's Following tab. Screenshots land in test-results/e2e/.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { createReadyMedia } from '../../src/modules/media/test-fixtures';
import { freeShipping } from '../../src/modules/stories/test-support';
import { apiClient, type Session } from '../client';
import {
  collectErrors,
  launchChromium,
  closePhones,
  phoneContext,
  screenshot,
  seedSession,
  seriousViolations,
  startWebServer,
  STEP_TIMEOUT_MS,
} from './browser';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let browser: Browser;
let baseUrl: string;
let dir: string;
const pages: { page: Page; errors: string[] }[] = [];

/** A small PNG of one colour (ffmpeg's test source), so the two gallery photos differ. */
function photo(name: string, colour: string): string {
  const file = path.join(dir, name);
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `color=c=${colour}:s=480x480:d=1`,
    '-frames:v',
    '1',
    file,
  ]);
  return file;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'studio-profile-e2e-'));
  ({ runtime, baseUrl } = await startWebServer({ MEDIA_X264_PRESET: 'ultrafast' }));
  api = apiClient(runtime);
  browser = await launchChromium();
}, 300_000);

// Each journey's phones close when it ends.
afterEach(closePhones);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
  await rm(dir, { recursive: true, force: true });
}, 60_000);

async function phone(who: string, session?: Session): Promise<Page> {
  const context = await phoneContext(browser, baseUrl);
  if (session) await seedSession(context, baseUrl, session, Date.now() + 3_600_000);
  const page = await context.newPage();
  pages.push({ page, errors: collectErrors(page, who) });
  return page;
}

/** A phone signed in as `session` (the app's stored session, as after signing in). */
const phoneAs = (who: string, session: Session): Promise<Page> => phone(who, session);

/** The media ids of a list's items, in order. */
async function mediaIdsOf(items: Locator): Promise<(string | null)[]> {
  const count = await items.count();
  return Promise.all(Array.from({ length: count }, (_, i) => items.nth(i).getAttribute('data-media-id')));
}

/** The Open Graph and Twitter tags of a shared link's page, as a chat app reads them. */
async function previewOf(page: Page, link: string): Promise<Map<string, string>> {
  const res = await page.request.get(new URL(link, baseUrl).toString());
  expect(res.status()).toBe(200);
  const html = await res.text();
  const tags = new Map<string, string>();
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)" \/>/g)) tags.set(m[1]!, m[2]!);
  return tags;
}

async function expectAccessible(page: Page, screen: string): Promise<void> {
  expect(await seriousViolations(page), `axe on ${screen}`).toEqual([]);
}

describe('a maker’s profile and a story’s gallery', () => {
  it(
    'a maker sets a photo, bio, city and country, and their public page shows them',
    async () => {
      const maker = await api.signInMaker(`e2e-weaver-${Date.now().toString(36)}@example.com`, 'Loom Room');
      const page = await phoneAs('maker', maker);
      await page.goto('/account');
      const form = page.getByRole('region', { name: 'Your maker profile' });
      await form.getByLabel('Profile photo file').setInputFiles(photo('avatar.png', 'teal'));
      await form.getByRole('img', { name: 'Your profile photo' }).waitFor();
      await form.getByLabel('Bio').fill('Hand-woven wool blankets from the west coast.');
      await form.getByLabel('City').fill('Galway');
      await form.getByLabel('Country').fill('ie');
      await form.getByRole('button', { name: 'Save profile' }).click();
      await form.getByText('Profile saved.').waitFor();
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'profile-edit-account');
      await expectAccessible(page, 'the account screen with the maker profile');

      await form.getByRole('link', { name: 'See your public page' }).click();
      await page.getByRole('heading', { name: 'Loom Room', level: 1 }).waitFor();
      await page.getByText('Hand-woven wool blankets from the west coast.').waitFor();
      await page.getByText('Galway, IE').waitFor();
      const avatar = page.locator('img.maker-avatar');
      await avatar.waitFor();
      const src = (await avatar.getAttribute('src')) ?? '';
      expect(src).toContain('/v1/play/');
      const image = await page.request.get(new URL(src, baseUrl).toString());
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/jpeg');
      await screenshot(page, 'profile-edit-public-page');
      await expectAccessible(page, 'the maker’s public page');

      // The maker's shared link gives chat apps a card with the name, the bio and the photo.
      const card = await previewOf(page, `/m/${maker.userId}`);
      expect(card.get('og:title')).toBe('Loom Room');
      expect(card.get('og:description')).toBe('Hand-woven wool blankets from the west coast.');
      expect(card.get('og:url')).toBe(`${baseUrl}/makers/${maker.userId}`);
      const preview = await page.request.get(card.get('og:image')!);
      expect(preview.status()).toBe(200);
      expect(preview.headers()['content-type']).toBe('image/jpeg');
    },
    STEP_TIMEOUT_MS * 3,
  );

  it(
    'a maker adds two gallery photos and puts the second first; a viewer sees them in that order',
    async () => {
      const maker = await api.signInMaker(`e2e-turner-${Date.now().toString(36)}@example.com`, 'Turned Things');
      const heroMediaId = await createReadyMedia(runtime, maker.userId);
      const draft = await api.call<{ id: string }>('POST', '/v1/stories', {
        token: maker.accessToken,
        body: {
          title: 'Ash serving bowl',
          category: 'woodwork',
          heroMediaId,
          offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
          shipping: freeShipping,
        },
      });
      expect(draft.status).toBe(201);
      const storyId = draft.body.id;

      const page = await phoneAs('maker', maker);
      await page.goto(`/studio/${storyId}?step=sections`);
      const gallery = page.getByRole('region', { name: 'Gallery' });
      await gallery.getByLabel('Gallery photo or video file').setInputFiles(photo('first.png', 'orange'));
      await gallery.getByRole('img', { name: 'Gallery item 1' }).waitFor();
      await gallery.getByLabel('Gallery photo or video file').setInputFiles(photo('second.png', 'navy'));
      await gallery.getByRole('img', { name: 'Gallery item 2' }).waitFor();
      const items = gallery.getByRole('list', { name: 'Gallery items' }).getByRole('listitem');
      const uploaded = await mediaIdsOf(items);
      expect(uploaded).toHaveLength(2);

      await gallery.getByRole('button', { name: 'Move gallery item 2 up' }).click();
      expect(await mediaIdsOf(items)).toEqual([uploaded[1], uploaded[0]]);
      await page.getByText('All changes saved').waitFor();
      await gallery.scrollIntoViewIfNeeded();
      await screenshot(page, 'studio-gallery-reordered');
      await expectAccessible(page, 'the studio’s sections step with a gallery');

      const published = await api.call('POST', `/v1/stories/${storyId}/publish`, { token: maker.accessToken });
      expect(published.status).toBe(200);

      const viewer = await phone('viewer');
      await viewer.goto(`/stories/${storyId}`);
      const shown = viewer.getByRole('list', { name: 'Gallery of Ash serving bowl' }).getByRole('listitem');
      await shown.first().waitFor();
      expect(await mediaIdsOf(shown)).toEqual([uploaded[1], uploaded[0]]);
      await viewer.getByRole('img', { name: 'Ash serving bowl, gallery 1 of 2' }).scrollIntoViewIfNeeded();
      await screenshot(viewer, 'story-gallery-viewer');
      await expectAccessible(viewer, 'the story page with its gallery');

      // Sharing: no share sheet in this browser, so the link is copied, and it is the story's
      // shared link, whose page gives chat apps a card and opens the story in the app.
      await viewer.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
      await viewer.getByRole('button', { name: 'Share this story' }).click();
      await viewer.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
      const copied = await viewer.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      );
      expect(copied).toBe(`${baseUrl}/s/${storyId}`);
      const card = await previewOf(viewer, `/s/${storyId}`);
      expect(card.get('og:title')).toBe('Ash serving bowl');
      expect(card.get('twitter:card')).toBe('summary_large_image');
      expect((await viewer.request.get(card.get('og:image')!)).status()).toBe(200);
      await viewer.goto(`/s/${storyId}`);
      await viewer.waitForURL(`${baseUrl}/stories/${storyId}`);
      await viewer.getByRole('heading', { name: 'Ash serving bowl', level: 1 }).waitFor();
    },
    STEP_TIMEOUT_MS * 3,
  );

  it(
    'a viewer follows a maker from their page; the maker publishes; the story is in the viewer’s Following feed',
    async () => {
      const maker = await api.signInMaker(`e2e-kiln-${Date.now().toString(36)}@example.com`, 'Kiln Works');
      const fan = await api.signIn(`e2e-fan-${Date.now().toString(36)}@example.com`);
      const page = await phoneAs('follower', fan);
      await page.goto(`/makers/${maker.userId}`);
      await page.getByRole('heading', { name: 'Kiln Works', level: 1 }).waitFor();
      await page.getByText('0 followers').waitFor();
      await page.getByRole('button', { name: 'Follow', exact: true }).click();
      await page.getByRole('button', { name: 'Following', exact: true }).waitFor();
      await page.getByText('1 follower', { exact: true }).waitFor();
      await screenshot(page, 'maker-followed');
      await expectAccessible(page, 'the maker’s page, followed');

      const heroMediaId = await createReadyMedia(runtime, maker.userId);
      const draft = await api.call<{ id: string }>('POST', '/v1/stories', {
        token: maker.accessToken,
        body: {
          title: 'Celadon tea bowl',
          category: 'ceramics',
          heroMediaId,
          offerPolicy: { minOfferMinor: 8_000, currency: 'USD', autoRejectBelowMin: true },
          shipping: freeShipping,
        },
      });
      expect(draft.status).toBe(201);
      const published = await api.call('POST', `/v1/stories/${draft.body.id}/publish`, { token: maker.accessToken });
      expect(published.status).toBe(200);

      await page.goto('/');
      await page.getByRole('tab', { name: 'Following' }).click();
      await page.waitForURL(/feed=following/);
      await page.getByRole('heading', { name: 'Celadon tea bowl' }).first().waitFor();
      await screenshot(page, 'feed-following');
      // Only the followed maker's stories: the gallery story of the other journey is not here.
      expect(await page.getByRole('heading', { name: 'Ash serving bowl' }).count()).toBe(0);
    },
    STEP_TIMEOUT_MS * 2,
  );

  it(
    'a signed-out viewer searches with a typo, narrows to a category and opens the story',
    async () => {
      const maker = await api.signInMaker(`e2e-lathe-${Date.now().toString(36)}@example.com`, 'Lathe House');
      const publish = async (title: string, category: string) => {
        const heroMediaId = await createReadyMedia(runtime, maker.userId);
        const draft = await api.call<{ id: string }>('POST', '/v1/stories', {
          token: maker.accessToken,
          body: {
            title,
            category,
            heroMediaId,
            offerPolicy: { minOfferMinor: 9_000, currency: 'USD', autoRejectBelowMin: true },
            shipping: freeShipping,
          },
        });
        expect(draft.status).toBe(201);
        const res = await api.call('POST', `/v1/stories/${draft.body.id}/publish`, { token: maker.accessToken });
        expect(res.status).toBe(200);
        return draft.body.id;
      };
      const bowl = await publish('Spalted walnut bowl', 'woodwork');
      await publish('Walnut and silver ring', 'jewelry');

      const page = await phone('searcher');
      await page.goto('/');
      await page.getByRole('link', { name: 'Search' }).click();
      await page.waitForURL(/\/search/);
      await page.getByRole('searchbox', { name: 'Search pieces and makers' }).fill('walnutt');
      const results = page.getByRole('list', { name: 'Search results' });
      await results.getByRole('link', { name: /Spalted walnut bowl/ }).waitFor();
      await results.getByRole('link', { name: /Walnut and silver ring/ }).waitFor();
      await expectAccessible(page, 'the search results');
      await screenshot(page, 'search-typo');

      await page
        .getByRole('group', { name: 'Categories' })
        .getByRole('button', { name: /Woodwork/ })
        .click();
      await page.waitForURL(/category=woodwork/);
      await results.getByRole('link', { name: /Walnut and silver ring/ }).waitFor({ state: 'detached' });
      await results.getByRole('link', { name: /Spalted walnut bowl/ }).click();
      await page.waitForURL(new RegExp(`/stories/${bowl}`));
      await page.getByRole('heading', { name: 'Spalted walnut bowl' }).first().waitFor();
    },
    STEP_TIMEOUT_MS * 2,
  );

  it(
    'a maker prices shipping in the studio; a viewer sees the price for their country and for another they pick',
    async () => {
      const maker = await api.signInMaker(`e2e-potter-${Date.now().toString(36)}@example.com`, 'Porto Pots');
      const heroMediaId = await createReadyMedia(runtime, maker.userId);
      const draft = await api.call<{ id: string }>('POST', '/v1/stories', {
        token: maker.accessToken,
        body: {
          title: 'Salt-glazed jug',
          category: 'ceramics',
          heroMediaId,
          location: { city: 'Porto', country: 'PT' },
          offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
        },
      });
      expect(draft.status).toBe(201);
      const storyId = draft.body.id;
      const refused = await api.call('POST', `/v1/stories/${storyId}/publish`, { token: maker.accessToken });
      expect(refused.status).toBe(422);

      const page = await phoneAs('shipping-maker', maker);
      await page.goto(`/studio/${storyId}?step=pricing`);
      await page.getByRole('button', { name: 'Add shipping' }).click();
      // It ships from the story's country; the first option is within it.
      await expect(page.getByLabel('Ships from').inputValue()).resolves.toBe('PT');
      await page.getByLabel('Price (USD)', { exact: true }).first().fill('5');
      await page.getByRole('button', { name: 'Add a shipping option' }).click();
      await expect(page.getByLabel('Ships to', { exact: true }).nth(1).inputValue()).resolves.toBe('international');
      await page.getByLabel('Price (USD)', { exact: true }).nth(1).fill('25');
      await page.getByText('All changes saved').waitFor({ timeout: STEP_TIMEOUT_MS });
      await screenshot(page, 'studio-shipping');
      await expectAccessible(page, 'the studio’s pricing step with shipping');
      const saved = await api.call<{ shipping: unknown }>('GET', `/v1/stories/${storyId}`, {
        token: maker.accessToken,
      });
      expect(saved.body.shipping).toEqual({
        fromCountry: 'PT',
        options: [
          { region: 'domestic', amountMinor: 500, dispatchDays: 3 },
          { region: 'international', amountMinor: 2_500, dispatchDays: 3 },
        ],
      });
      expect((await api.call('POST', `/v1/stories/${storyId}/publish`, { token: maker.accessToken })).status).toBe(200);

      // A signed-out viewer: the browser's language says the United States.
      const viewer = await phone('shipping-viewer');
      await viewer.goto(`/stories/${storyId}`);
      const quote = viewer.getByTestId('shipping-quote');
      await expect(quote.textContent({ timeout: STEP_TIMEOUT_MS })).resolves.toBe(
        'Shipping $25.00 to United States, dispatched within 3 days.',
      );
      await viewer.getByLabel('Ship to').selectOption('PT');
      await viewer.getByText('Shipping $5.00 to Portugal, dispatched within 3 days.').waitFor();
      await screenshot(viewer, 'story-shipping-quote');
      await expectAccessible(viewer, 'the story page with its shipping price');
      // The choice is kept on this device.
      await viewer.reload();
      await viewer
        .getByText('Shipping $5.00 to Portugal, dispatched within 3 days.')
        .waitFor({ timeout: STEP_TIMEOUT_MS });
    },
    STEP_TIMEOUT_MS * 3,
  );

  it('left no console errors or failed requests', () => {
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
