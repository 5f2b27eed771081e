import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import {
  enrolTotp,
  signIn,
  signInMaker,
  openAuctionWith,
  publishedStory,
  startAuctionServer,
  type Api,
  type AuctionBody,
  type ErrorBody,
} from './test-support';

interface OfferBody {
  id: string;
  status: string;
  amountMinor: number;
  auctionId: string | null;
  userId: string;
}
type OfferAnswer = { offer: OfferBody; auction: AuctionBody | null } & ErrorBody;

let runtime: Runtime;
let api: Api;
let maker: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer());
  maker = await signInMaker(api, 'maker');
  await enrolTotp(runtime, api, maker);
});
afterAll(async () => runtime.stop());

const offer = (storyId: string, who: Session, amountMinor: number, key?: string) =>
  api.call<OfferAnswer>('POST', `/v1/stories/${storyId}/offers`, {
    token: who.accessToken,
    body: { amountMinor },
    ...(key ? { headers: { 'idempotency-key': key } } : {}),
  });

async function notificationKinds(who: Session): Promise<string[]> {
  const res = await api.call<{ items: { kind: string }[] }>('GET', '/v1/notifications', { token: who.accessToken });
  return res.body.items.map((n) => n.kind);
}

describe('offers below the minimum', () => {
  it('are refused at once when the story auto-rejects them', async () => {
    const storyId = await publishedStory(runtime, api, maker, { minOfferMinor: 10_000, autoRejectBelowMin: true });
    const viewer = await signIn(api, 'low');
    const res = await offer(storyId, viewer, 9_999);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('offer_below_minimum');
    expect(res.body.error.details).toEqual({ minOfferMinor: 10_000 });
    const mine = await api.call<{ items: OfferBody[] }>('GET', `/v1/stories/${storyId}/offers`, {
      token: viewer.accessToken,
    });
    expect(mine.body.items).toEqual([]);
  });

  it('are held for the maker, who sees them (the offerer sees only their own) and is notified', async () => {
    const storyId = await publishedStory(runtime, api, maker, { minOfferMinor: 10_000, autoRejectBelowMin: false });
    const a = await signIn(api, 'held-a');
    const b = await signIn(api, 'held-b');
    const first = await offer(storyId, a, 8_000);
    expect(first.status).toBe(201);
    expect(first.body.offer).toMatchObject({ status: 'pending', amountMinor: 8_000, auctionId: null });
    expect(first.body.auction).toBeNull();
    await offer(storyId, b, 9_000);

    const forMaker = await api.call<{ items: OfferBody[] }>('GET', `/v1/stories/${storyId}/offers`, {
      token: maker.accessToken,
    });
    expect(forMaker.body.items.map((o) => o.amountMinor).sort()).toEqual([8_000, 9_000]);
    const forA = await api.call<{ items: OfferBody[] }>('GET', `/v1/stories/${storyId}/offers`, {
      token: a.accessToken,
    });
    expect(forA.body.items.map((o) => o.userId)).toEqual([a.userId]);
    expect(await notificationKinds(maker)).toContain('offer_received');
    expect((await api.call('GET', `/v1/stories/${storyId}/auction`)).status).toBe(404);
  });

  it('the maker declines one (the offerer hears) and accepts another, which opens the auction and supersedes the rest', async () => {
    const storyId = await publishedStory(runtime, api, maker, { minOfferMinor: 10_000, autoRejectBelowMin: false });
    const [a, b, c] = await Promise.all([signIn(api, 'dec-a'), signIn(api, 'dec-b'), signIn(api, 'dec-c')]);
    const oa = (await offer(storyId, a, 7_000)).body.offer;
    const ob = (await offer(storyId, b, 8_000)).body.offer;
    const oc = (await offer(storyId, c, 9_000)).body.offer;

    const notMaker = await api.call<ErrorBody>('POST', `/v1/offers/${oa.id}/decline`, { token: b.accessToken });
    expect(notMaker.status).toBe(403);
    const declined = await api.call<{ offer: OfferBody }>('POST', `/v1/offers/${oa.id}/decline`, {
      token: maker.accessToken,
    });
    expect(declined.body.offer.status).toBe('declined');
    expect(await notificationKinds(a)).toContain('offer_declined');
    const lateAccept = await api.call<ErrorBody>('POST', `/v1/offers/${oa.id}/accept`, { token: maker.accessToken });
    expect(lateAccept.status).toBe(409);
    expect(lateAccept.body.error.code).toBe('offer_not_pending');

    const accepted = await api.call<OfferAnswer>('POST', `/v1/offers/${ob.id}/accept`, { token: maker.accessToken });
    expect(accepted.status).toBe(200);
    expect(accepted.body.offer.status).toBe('opened_auction');
    expect(accepted.body.auction).toMatchObject({ status: 'active', highBidMinor: 8_000, leaderId: b.userId });
    const cOffers = await api.call<{ items: OfferBody[] }>('GET', `/v1/stories/${storyId}/offers`, {
      token: c.accessToken,
    });
    expect(cOffers.body.items.find((o) => o.id === oc.id)?.status).toBe('superseded');
    expect(await notificationKinds(c)).toContain('auction_started');
  });
});

describe('one active offer per user per story, and withdrawal', () => {
  it('refuses a second waiting offer until the first is withdrawn; only the offerer may withdraw', async () => {
    const storyId = await publishedStory(runtime, api, maker, { autoRejectBelowMin: false });
    const viewer = await signIn(api, 'one');
    const other = await signIn(api, 'other');
    const first = await offer(storyId, viewer, 5_000);
    const second = await offer(storyId, viewer, 6_000);
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('offer_already_active');

    const foreign = await api.call<ErrorBody>('POST', `/v1/offers/${first.body.offer.id}/withdraw`, {
      token: other.accessToken,
    });
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe('not_offer_owner');
    const withdrawn = await api.call<{ offer: OfferBody }>('POST', `/v1/offers/${first.body.offer.id}/withdraw`, {
      token: viewer.accessToken,
    });
    expect(withdrawn.body.offer.status).toBe('withdrawn');
    expect((await offer(storyId, viewer, 6_000)).status).toBe(201);
  });

  it('holds even when the same user sends two offers at the same moment', async () => {
    const storyId = await publishedStory(runtime, api, maker, { autoRejectBelowMin: false });
    const viewer = await signIn(api, 'twin');
    const answers = await Promise.all([offer(storyId, viewer, 5_000), offer(storyId, viewer, 5_500)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    const mine = await api.call<{ items: OfferBody[] }>('GET', `/v1/stories/${storyId}/offers`, {
      token: viewer.accessToken,
    });
    expect(mine.body.items.filter((o) => o.status === 'pending')).toHaveLength(1);
  });
});

describe('the first qualifying offer', () => {
  it('opens a 72 h auction with the offer as the opening bid; next bid at least 106.00 after 100.00', async () => {
    const storyId = await publishedStory(runtime, api, maker, { minOfferMinor: 10_000 });
    const opener = await signIn(api, 'opener');
    const res = await offer(storyId, opener, 10_000);
    expect(res.status).toBe(201);
    const auction = res.body.auction!;
    expect(res.body.offer).toMatchObject({ status: 'opened_auction', auctionId: auction.id });
    expect(auction).toMatchObject({
      status: 'active',
      storyId,
      highBidMinor: 10_000,
      minNextBidMinor: 10_600,
      leaderId: opener.userId,
      leaderAlias: 'Bidder 1',
      bidCount: 1,
    });
    const auctionRes = await api.call<AuctionBody & { startsAt: string }>('GET', `/v1/auctions/${auction.id}`);
    expect(Date.parse(auctionRes.body.endsAt) - Date.parse(auctionRes.body.startsAt)).toBe(72 * 3600 * 1000);
    expect((await api.call<AuctionBody>('GET', `/v1/stories/${storyId}/auction`)).body.id).toBe(auction.id);
    const bids = await api.call<{ items: { kind: string; amountMinor: number; bidderId: string }[] }>(
      'GET',
      `/v1/auctions/${auction.id}/bids`,
    );
    expect(bids.body.items).toEqual([
      expect.objectContaining({ kind: 'opening', amountMinor: 10_000, bidderId: opener.userId }),
    ]);

    const late = await offer(storyId, await signIn(api, 'late'), 20_000);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('auction_already_started');
    const withdraw = await api.call<ErrorBody>('POST', `/v1/offers/${res.body.offer.id}/withdraw`, {
      token: opener.accessToken,
    });
    expect(withdraw.status).toBe(409);
    expect(withdraw.body.error.code).toBe('offer_not_withdrawable');
    expect(await notificationKinds(maker)).toContain('auction_started');
    expect(await notificationKinds(opener)).toContain('auction_started');
  });

  it('locks the story while its auction runs: no policy change, no delete', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    await openAuctionWith(api, storyId, await signIn(api, 'lock-a'), 10_000);
    const patch = await api.call<ErrorBody>('PATCH', `/v1/stories/${storyId}`, {
      token: maker.accessToken,
      body: { offerPolicy: { minOfferMinor: 1_000, currency: 'USD', autoRejectBelowMin: true } },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('auction_active');
    const del = await api.call<ErrorBody>('DELETE', `/v1/stories/${storyId}`, { token: maker.accessToken });
    expect(del.status).toBe(409);
    const summary = (await runtime.modules.auctions.summaries([storyId])).get(storyId);
    expect(summary).toMatchObject({ state: 'active', highBidMinor: 10_000, minNextBidMinor: 10_600, reserveMet: true });
  });

  it('opens exactly one auction when many qualifying offers arrive at once', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const viewers = await Promise.all(Array.from({ length: 10 }, (_, i) => signIn(api, `race-${i}`)));
    const answers = await Promise.all(viewers.map((v, i) => offer(storyId, v, 10_000 + i * 100)));
    const opened = answers.filter((r) => r.status === 201);
    expect(opened).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409).every((r) => r.body.error.code === 'auction_already_started')).toBe(
      true,
    );
    const count = await runtime.ctx.pool.query('select count(*)::int as n from auctions.auctions where story_id = $1', [
      storyId,
    ]);
    expect(count.rows[0]).toEqual({ n: 1 });
  });

  it('refuses offers from the maker, and on unknown stories', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const own = await offer(storyId, maker, 50_000);
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('maker_cannot_offer');
    const viewer = await signIn(api, 'nowhere');
    expect((await offer('00000000-0000-4000-8000-000000000000', viewer, 50_000)).status).toBe(404);
  });

  it('honours Idempotency-Key: same key and body → the first answer, no second offer; another body → 422', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const viewer = await signIn(api, 'idem');
    const first = await offer(storyId, viewer, 12_000, 'offer-key-0001');
    const again = await offer(storyId, viewer, 12_000, 'offer-key-0001');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await offer(storyId, viewer, 13_000, 'offer-key-0001');
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('idempotency_key_reused');
    const count = await runtime.ctx.pool.query('select count(*)::int as n from auctions.offers where story_id = $1', [
      storyId,
    ]);
    expect(count.rows[0]).toEqual({ n: 1 });
  });
});

it('an auction can still be opened by accepting a held offer only while none runs', async () => {
  const storyId = await publishedStory(runtime, api, maker, { autoRejectBelowMin: false });
  const low = await signIn(api, 'held');
  const held = (await offer(storyId, low, 5_000)).body.offer;
  await openAuctionWith(api, storyId, await signIn(api, 'qual'), 10_000);
  const res = await api.call<ErrorBody>('POST', `/v1/offers/${held.id}/accept`, { token: maker.accessToken });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('offer_not_pending');
});

it('security review: accepting a held offer needs the maker to have TOTP on, as accepting a bid does', async () => {
  const plainMaker = await signInMaker(api, 'no-totp');
  const storyId = await publishedStory(runtime, api, plainMaker, { autoRejectBelowMin: false });
  const held = (await offer(storyId, await signIn(api, 'held-no-totp'), 5_000)).body.offer;
  const refused = await api.call<ErrorBody>('POST', `/v1/offers/${held.id}/accept`, { token: plainMaker.accessToken });
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBe('totp_required');
  expect((await api.call('GET', `/v1/stories/${storyId}/auction`)).status).toBe(404);

  await enrolTotp(runtime, api, plainMaker);
  const accepted = await api.call<OfferAnswer>('POST', `/v1/offers/${held.id}/accept`, {
    token: plainMaker.accessToken,
  });
  expect(accepted.status).toBe(200);
  expect(accepted.body.offer.status).toBe('opened_auction');
});
