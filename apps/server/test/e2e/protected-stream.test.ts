/**
 * Protected playback in a real browser: hls.js in headless chromium plays a story's tokenised HLS
 * stream (master, media playlists, init segments and segments all under one path-scoped token),
 * the same files under another video's token are refused, and in the app's feed a swipe brings the next
 * story's video to its first frame (the time is printed as a measured figure).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { collectErrors, launchChromium, phoneContext, publishVideoStory, screenshot, startWebServer } from './browser';

let runtime: Runtime;
let browser: Browser;
let baseUrl: string;
let viewer: Session;
const hlsSource = readFileSync(createRequire(import.meta.url).resolve('hls.js/dist/hls.min.js'), 'utf8');

beforeAll(async () => {
  ({ runtime, baseUrl } = await startWebServer());
  const api = apiClient(runtime);
  const maker = await api.signInMaker(`e2e-stream-maker-${Date.now().toString(36)}@example.com`, 'Oak & Ash');
  await publishVideoStory(runtime, maker, 'Walnut spoon');
  await publishVideoStory(runtime, maker, 'Ash stool');
  viewer = await api.signIn(`e2e-stream-viewer-${Date.now().toString(36)}@example.com`);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
}, 60_000);

describe('protected playback in a browser', () => {
  it("hls.js plays the tokenised stream and currentTime advances; another video's token is refused", async () => {
    const api = apiClient(runtime);
    const feed = await api.call<{ items: { playbackUrl: string | null }[] }>('GET', '/v1/feed', {
      token: viewer.accessToken,
    });
    const [first, second] = feed.body.items.map((i) => new URL(i.playbackUrl!, baseUrl));
    const playbackUrl = first!.toString();
    // `/v1/play/<token>/<mediaId>/master.m3u8`: another video's token, or a broken one, is refused.
    const [, , , token, mediaId, file] = first!.pathname.split('/');
    const otherToken = second!.pathname.split('/')[3];
    expect((await fetch(new URL(`/v1/play/${otherToken}/${mediaId}/${file}`, baseUrl))).status).toBe(403);
    expect((await fetch(new URL(`/v1/play/${token}x/${mediaId}/${file}`, baseUrl))).status).toBe(403);

    const context = await phoneContext(browser, baseUrl);
    const page = await context.newPage();
    const errors = collectErrors(page, 'player');
    // A bare same-origin page hosts the player, as a third-party embed of the stream would.
    await page.route('**/player-host', (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="en"><title>Player</title><link rel="icon" href="data:,"></html>',
      }),
    );
    await page.goto('/player-host');
    await page.evaluate(hlsSource);
    // Browser-side code as a string: the server's TypeScript program has no DOM types.
    const played = await page.evaluate<{ supported: boolean; currentTime: number; width: number }>(`(async () => {
      const video = document.createElement('video');
      video.muted = true;
      video.playsInline = true;
      document.body.append(video);
      const hls = new Hls();
      hls.loadSource(${JSON.stringify(playbackUrl)});
      hls.attachMedia(video);
      await video.play();
      const deadline = Date.now() + 60000;
      while (video.currentTime < 0.5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return { supported: Hls.isSupported(), currentTime: video.currentTime, width: video.videoWidth };
    })()`);
    expect(played.supported).toBe(true);
    expect(played.currentTime).toBeGreaterThanOrEqual(0.5);
    expect(played.width).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('in the feed, a swipe brings the next video to its first frame', async () => {
    const context = await phoneContext(browser, baseUrl);
    const page = await context.newPage();
    const errors = collectErrors(page, 'feed');
    await page.goto('/');
    const playing = (index: number) =>
      // A function, not a string: the app's CSP forbids eval. Typed locally (no DOM types here).
      page.waitForFunction(
        (i) => {
          type Video = { currentTime: number; readyState: number };
          type Doc = { querySelectorAll(s: string): ArrayLike<{ querySelector(s: string): Video | null }> };
          const doc = (globalThis as unknown as { document: Doc }).document;
          const video = doc.querySelectorAll('.feed-scroller article.feed-item')[i]?.querySelector('video');
          return !!video && video.currentTime > 0 && video.readyState >= 2;
        },
        index,
        { timeout: 90_000 },
      );
    await playing(0);
    const started = Date.now();
    await page.evaluate(
      `(() => { const s = document.querySelector('.feed-scroller'); s.scrollBy({ top: s.clientHeight, behavior: 'instant' }); })()`,
    );
    await playing(1);
    const swipeToFrameMs = Date.now() - started;
    console.log(`[e2e] swipe to next video's first frame: ${swipeToFrameMs} ms`);
    await screenshot(page, '20-feed-after-swipe');
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);
});
