import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Caller } from '../../platform/http/types';
import type { Runtime } from '../../composition/runtime';
import { deleteStory } from './delete-story';
import type { StoriesDeps } from './deps';
import { editStory } from './edit-story';
import { getStory } from './get-story';
import { readFeed } from './read-feed';
import { createDraft, createPublished, email, fakeAuctions, storiesDepsOf, type Api } from './test-support';
import { withdrawStory } from './withdraw-story';

let runtime: Runtime;
let api: Api;
let maker: Session;
let caller: Caller;
const inAuction = new Set<string>();
let link: ReturnType<typeof fakeAuctions>;
let deps: StoriesDeps;

beforeAll(async () => {
  runtime = await startTestServer();
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
  caller = { userId: maker.userId, sessionId: 'test', roles: ['viewer', 'maker'] };
  link = fakeAuctions(inAuction);
  deps = storiesDepsOf(runtime, link);
}, 60_000);
afterAll(() => runtime?.stop());

const codeOf = async (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (err: Error & { code?: string }) => err.code ?? err.message,
  );

describe('while an auction (or a buy-now) holds the story', () => {
  it('refuses changes to the offer policy, reserve and buy-now (409 auction_active), not other edits', async () => {
    const story = await createPublished(runtime, api, maker, { reserveMinor: 20_000 });
    inAuction.add(story.id);
    expect(
      await codeOf(
        editStory(deps, caller, story.id, {
          offerPolicy: { minOfferMinor: 1, currency: 'USD', autoRejectBelowMin: true },
        }),
      ),
    ).toBe('auction_active');
    expect(await codeOf(editStory(deps, caller, story.id, { reserveMinor: 15_000 }))).toBe('auction_active');
    expect(await codeOf(editStory(deps, caller, story.id, { reserveMinor: null }))).toBe('auction_active');
    expect(await codeOf(editStory(deps, caller, story.id, { buyNowMinor: 90_000 }))).toBe('auction_active');
    // Sending the terms unchanged (a studio saving the whole form) and editing the text are fine.
    expect(
      await codeOf(
        editStory(deps, caller, story.id, {
          reserveMinor: 20_000,
          title: 'Still mine',
          offerPolicy: story.offerPolicy,
        }),
      ),
    ).toBe('ok');
    const after = await getStory(deps, caller, story.id);
    expect(after).toMatchObject({ title: 'Still mine', reserveMinor: 20_000 });
    inAuction.delete(story.id);
    expect(await codeOf(editStory(deps, caller, story.id, { reserveMinor: 15_000 }))).toBe('ok');
  }, 60_000);

  it('refuses unpublishing, archiving and deleting', async () => {
    const story = await createPublished(runtime, api, maker);
    inAuction.add(story.id);
    expect(await codeOf(withdrawStory(deps, caller, story.id, 'draft'))).toBe('auction_active');
    expect(await codeOf(withdrawStory(deps, caller, story.id, 'archived'))).toBe('auction_active');
    expect(await codeOf(deleteStory(deps, caller, story.id))).toBe('auction_active');
    expect((await getStory(deps, null, story.id)).status).toBe('published');
    expect(await runtime.modules.media.get(story.heroMediaId!)).not.toBeNull();
    inAuction.delete(story.id);
    expect(await codeOf(withdrawStory(deps, caller, story.id, 'draft'))).toBe('ok');
  }, 60_000);

  it('shows the auction summary in the feed and on the story page', async () => {
    const story = await createPublished(runtime, api, maker);
    inAuction.add(story.id);
    const feed = await readFeed(deps, null, { limit: 50 });
    expect(feed.items.find((s) => s.id === story.id)?.auction).toMatchObject({
      state: 'active',
      highBidMinor: 12_000,
      reserveMet: false,
    });
    expect(feed.items.filter((s) => s.id !== story.id).every((s) => s.auction === null)).toBe(true);
    expect((await getStory(deps, null, story.id)).auction?.auctionId).toBe(`auction-${story.id}`);
    inAuction.delete(story.id);
  }, 60_000);
});

describe('deleting a story', () => {
  it('removes the story and its media in one transaction, and tells the auctions module', async () => {
    const story = await createDraft(runtime, api, maker);
    const files = path.join(runtime.ctx.config.DATA_DIR, 'media', 'media', story.heroMediaId!);
    expect(existsSync(files)).toBe(true);
    const res = await api.call('DELETE', `/v1/stories/${story.id}`, { token: maker.accessToken });
    expect(res.status).toBe(204);
    expect((await api.call('GET', `/v1/stories/${story.id}`, { token: maker.accessToken })).status).toBe(404);
    expect(await runtime.modules.media.get(story.heroMediaId!)).toBeNull();
    const row = await runtime.ctx.db.execute<{ deleted: boolean }>(
      sql`select deleted_at is not null as deleted from media.media where id = ${story.heroMediaId}`,
    );
    expect(row.rows[0]?.deleted).toBe(true);
    // The queued job removes the files (the worker polls every 100 ms in tests).
    await expect.poll(() => existsSync(files), { timeout: 15_000 }).toBe(false);

    const viaDeps = await createDraft(runtime, api, maker);
    await deleteStory(deps, caller, viaDeps.id);
    expect(link.erased).toContain(viaDeps.id);
  }, 60_000);

  it("keeps media another of the maker's stories still uses", async () => {
    const first = await createDraft(runtime, api, maker);
    const second = await createDraft(runtime, api, maker, { heroMediaId: first.heroMediaId });
    await api.call('DELETE', `/v1/stories/${first.id}`, { token: maker.accessToken });
    expect(await runtime.modules.media.isReadyAndOwnedBy(second.heroMediaId!, maker.userId)).toBe(true);
  }, 60_000);

  it('is for the owner only', async () => {
    const story = await createPublished(runtime, api, maker);
    const other = await api.signInMaker(email('other'), 'Bo Wood');
    expect((await api.call('DELETE', `/v1/stories/${story.id}`, { token: other.accessToken })).status).toBe(403);
    expect((await api.call('GET', `/v1/stories/${story.id}`)).status).toBe(200);
  }, 60_000);
});

describe('with the auctions module', () => {
  it('answers 409 auction_active over HTTP once an offer started an auction', async () => {
    const story = await createPublished(runtime, api, maker, { reserveMinor: 20_000 });
    const buyer = await api.signIn(email('buyer'));
    const offer = await api.call<{ auction?: { id: string } | null }>('POST', `/v1/stories/${story.id}/offers`, {
      token: buyer.accessToken,
      headers: { 'idempotency-key': `offer-${story.id}` },
      body: { amountMinor: 15_000 },
    });
    expect(offer.status).toBeLessThan(300);
    expect(offer.body.auction?.id).toEqual(expect.any(String));
    const token = maker.accessToken;
    const patch = await api.call<{ error: { code: string } }>('PATCH', `/v1/stories/${story.id}`, {
      token,
      body: { reserveMinor: 1_000_000 },
    });
    expect([patch.status, patch.body.error.code]).toEqual([409, 'auction_active']);
    expect((await api.call('POST', `/v1/stories/${story.id}/unpublish`, { token })).status).toBe(409);
    expect((await api.call('DELETE', `/v1/stories/${story.id}`, { token })).status).toBe(409);
    expect((await api.call('PATCH', `/v1/stories/${story.id}`, { token, body: { title: 'Renamed' } })).status).toBe(
      200,
    );
    const feed = await api.call<{ items: { id: string; auction: { state: string; highBidMinor: number } | null }[] }>(
      'GET',
      '/v1/feed?limit=50',
    );
    expect(feed.body.items.find((s) => s.id === story.id)?.auction).toMatchObject({
      state: 'active',
      highBidMinor: 15_000,
    });
  }, 60_000);
});
