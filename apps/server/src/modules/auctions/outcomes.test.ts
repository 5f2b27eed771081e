import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import {
  bid,
  enrolTotp,
  eventTypes,
  FAST_ENV,
  fireTimer,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type AuctionBody,
  type ErrorBody,
} from './test-support';

interface WindowBody {
  id: string;
  status: string;
  reason: string;
  winnerId: string;
  amountMinor: number;
  currency: string;
  expiresAt: string;
  checkoutUrl: string | null;
}

const clock = new ManualClock(Date.now());
let runtime: Runtime;
let api: Api;
let maker: Session;
let totpMaker: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ clock, env: { ...FAST_ENV, ACCESS_TOKEN_SECONDS: '10000000' } }));
  maker = await signInMaker(api, 'plain-maker');
  totpMaker = await signInMaker(api, 'totp-maker');
  await enrolTotp(runtime, api, totpMaker);
});
afterAll(async () => runtime.stop());

const getAuction = (id: string) => api.call<AuctionBody>('GET', `/v1/auctions/${id}`);
const payment = (id: string, who: Session) =>
  api.call<WindowBody & ErrorBody>('GET', `/v1/auctions/${id}/payment`, { token: who.accessToken });
const post = (path: string, who: Session) =>
  api.call<AuctionBody & ErrorBody>('POST', path, { token: who.accessToken });
async function kinds(who: Session): Promise<string[]> {
  const res = await api.call<{ items: { kind: string }[] }>('GET', '/v1/notifications', { token: who.accessToken });
  return res.body.items.map((n) => n.kind);
}
/** Moves the manual clock to the auction's end and lets its timer fire. */
async function endNow(auctionId: string): Promise<AuctionBody> {
  clock.set(Date.parse((await getAuction(auctionId)).body.endsAt));
  await fireTimer(runtime, `auction-end:${auctionId}`);
  return (await getAuction(auctionId)).body;
}

describe('the end of an auction', () => {
  it('reserve met: the leader wins, the payment window opens for them, the others hear they lost', async () => {
    const storyId = await publishedStory(runtime, api, maker, { reserveMinor: 10_500 });
    const [a, b] = [await signIn(api, 'end-a'), await signIn(api, 'end-b')];
    const auction = await openAuctionWith(api, storyId, a, 10_000);
    await bid(api, auction.id, b, 10_600);
    const ended = await endNow(auction.id);
    expect(ended).toMatchObject({ status: 'awaiting_payment', winnerId: b.userId, minNextBidMinor: null });
    const window = await payment(auction.id, b);
    expect(window.body).toMatchObject({
      status: 'open',
      reason: 'won',
      winnerId: b.userId,
      amountMinor: 10_600,
      currency: 'USD',
    });
    expect(Date.parse(window.body.expiresAt) - clock.now().getTime()).toBe(1200 * 1000);
    expect((await payment(auction.id, maker)).status).toBe(200);
    expect((await payment(auction.id, a)).status).toBe(403);
    expect(await kinds(b)).toContain('won');
    expect(await kinds(a)).toContain('lost');
    const late = await bid(api, auction.id, a, 50_000);
    expect(late.body.error.code).toBe('auction_ended');
    // Firing the end again (a second worker, a restart) changes nothing. Queued for later, so it is
    // still pending when the test makes it due.
    await runtime.ctx.pool.query(
      `select graphile_worker.add_job('auctions.end', json_build_object('auctionId', $1::text), job_key => $2,
         run_at => now() + interval '1 hour')`,
      [auction.id, `auction-end:${auction.id}`],
    );
    await fireTimer(runtime, `auction-end:${auction.id}`);
    expect((await eventTypes(runtime, auction.id)).filter((t) => t === 'ended')).toHaveLength(1);
    expect((await getAuction(auction.id)).body.version).toBe(ended.version);
  });

  it('reserve not met: ended, the maker (with TOTP) may accept the leading bid within the decision window', async () => {
    const storyId = await publishedStory(runtime, api, totpMaker, { reserveMinor: 50_000 });
    const opener = await signIn(api, 'rnm-a');
    const auction = await openAuctionWith(api, storyId, opener, 10_000);
    const ended = await endNow(auction.id);
    expect(ended).toMatchObject({ status: 'ended', reserveMet: false, winnerId: null });
    expect(Date.parse(ended.makerDecisionDeadline!) - clock.now().getTime()).toBe(1800 * 1000);
    expect(await kinds(totpMaker)).toContain('reserve_not_met');

    expect((await post(`/v1/auctions/${auction.id}/accept`, opener)).body.error.code).toBe('not_auction_maker');
    clock.advance(1700 * 1000);
    const accepted = await post(`/v1/auctions/${auction.id}/accept`, totpMaker);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'awaiting_payment', winnerId: opener.userId });
    expect((await payment(auction.id, opener)).body).toMatchObject({ reason: 'maker_accepted', amountMinor: 10_000 });
  });

  it('reserve not met and no decision: the auction lapses when the window is over; accepting is then refused', async () => {
    const storyId = await publishedStory(runtime, api, totpMaker, { reserveMinor: 50_000 });
    const opener = await signIn(api, 'lapse-a');
    const auction = await openAuctionWith(api, storyId, opener, 10_000);
    await endNow(auction.id);
    clock.advance(1800 * 1000);
    await fireTimer(runtime, `auction-lapse:${auction.id}`);
    expect((await getAuction(auction.id)).body.status).toBe('lapsed');
    const refused = await post(`/v1/auctions/${auction.id}/accept`, totpMaker);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('decision_window_closed');
    expect(await kinds(opener)).toContain('lost');
  });

  it('the maker accepts the leading bid early (TOTP required): the auction ends at once', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const plainAuction = await openAuctionWith(api, storyId, await signIn(api, 'early-x'), 10_000);
    const noTotp = await post(`/v1/auctions/${plainAuction.id}/accept`, maker);
    expect(noTotp.status).toBe(403);
    expect(noTotp.body.error.code).toBe('totp_required');

    const story2 = await publishedStory(runtime, api, totpMaker);
    const [a, b] = [await signIn(api, 'early-a'), await signIn(api, 'early-b')];
    const auction = await openAuctionWith(api, story2, a, 10_000);
    await bid(api, auction.id, b, 12_000);
    const accepted = await post(`/v1/auctions/${auction.id}/accept`, totpMaker);
    expect(accepted.body).toMatchObject({ status: 'awaiting_payment', winnerId: b.userId, winningAmountMinor: 12_000 });
    expect(await eventTypes(runtime, auction.id)).toEqual(expect.arrayContaining(['ended', 'payment_window_opened']));
    const outcome = await runtime.ctx.pool.query(
      `select data->>'outcome' as outcome from auctions.auction_events where auction_id = $1 and type = 'ended'`,
      [auction.id],
    );
    expect(outcome.rows).toEqual([{ outcome: 'accepted_early' }]);
    expect((await bid(api, auction.id, a, 50_000)).body.error.code).toBe('auction_ended');
  });
});

describe('an unpaid window', () => {
  it('expires with a strike; the maker offers the piece to the next bidder, then relists', async () => {
    const storyId = await publishedStory(runtime, api, totpMaker);
    const [a, b] = [await signIn(api, 'exp-a'), await signIn(api, 'exp-b')];
    const auction = await openAuctionWith(api, storyId, a, 10_000);
    await bid(api, auction.id, b, 11_000);
    await endNow(auction.id);
    const first = (await payment(auction.id, b)).body;

    expect((await post(`/v1/auctions/${auction.id}/second-chance`, totpMaker)).body.error.code).toBe(
      'payment_window_open',
    );
    clock.set(Date.parse(first.expiresAt));
    await fireTimer(runtime, `payment-expiry:${first.id}`);
    expect((await getAuction(auction.id)).body.status).toBe('payment_expired');
    expect(await runtime.modules.auctions.strikesOf(b.userId)).toBe(1);
    expect(await kinds(b)).toContain('payment_expired');
    expect(await kinds(totpMaker)).toContain('payment_expired');

    const second = await post(`/v1/auctions/${auction.id}/second-chance`, totpMaker);
    expect(second.body).toMatchObject({ status: 'awaiting_payment', winnerId: a.userId, winningAmountMinor: 10_000 });
    const secondWindow = (await payment(auction.id, a)).body;
    expect(secondWindow).toMatchObject({ reason: 'second_chance', status: 'open', amountMinor: 10_000 });
    expect(await kinds(a)).toContain('second_chance_offer');

    clock.set(Date.parse(secondWindow.expiresAt));
    await fireTimer(runtime, `payment-expiry:${secondWindow.id}`);
    const none = await post(`/v1/auctions/${auction.id}/second-chance`, totpMaker);
    expect(none.body.error.code).toBe('no_second_chance_bidder');

    const relisted = await post(`/v1/auctions/${auction.id}/relist`, totpMaker);
    expect(relisted.body.status).toBe('cancelled');
    expect((await api.call('GET', `/v1/stories/${storyId}/auction`)).status).toBe(404);
    const fresh = await openAuctionWith(api, storyId, await signIn(api, 'exp-c'), 10_000);
    expect(fresh.id).not.toBe(auction.id);
  });

  it('sends payment reminders while the window is open', async () => {
    const storyId = await publishedStory(runtime, api, maker);
    const winner = await signIn(api, 'remind');
    const auction = await openAuctionWith(api, storyId, winner, 10_000);
    await endNow(auction.id);
    const window = (await payment(auction.id, winner)).body;
    // A 20-minute window scales 12 h / 6 h / 2 h before a 24 h expiry to 10 / 5 / 1.67 minutes before.
    const reminder = await runtime.ctx.pool.query<{ run_at: Date }>(
      'select run_at from graphile_worker._private_jobs where key = $1',
      [`payment-reminder:${window.id}:12`],
    );
    expect(Date.parse(window.expiresAt) - reminder.rows[0]!.run_at.getTime()).toBe(600 * 1000);
    clock.set(reminder.rows[0]!.run_at);
    await fireTimer(runtime, `payment-reminder:${window.id}:12`);
    expect(await kinds(winner)).toContain('payment_reminder');
  });
});

describe('buy now', () => {
  it('opens a payment window for the buyer and holds the story; only before an auction; expiry frees it with a strike', async () => {
    const storyId = await publishedStory(runtime, api, maker, { buyNowMinor: 50_000 });
    const [buyer, other] = [await signIn(api, 'buyer'), await signIn(api, 'other')];
    expect(
      (await api.call<ErrorBody>('POST', `/v1/stories/${storyId}/buy`, { token: maker.accessToken })).body.error.code,
    ).toBe('maker_cannot_buy');
    const bought = await api.call<{ paymentWindow: WindowBody }>('POST', `/v1/stories/${storyId}/buy`, {
      token: buyer.accessToken,
      headers: { 'idempotency-key': 'buy-key-00001' },
    });
    expect(bought.status).toBe(201);
    expect(bought.body.paymentWindow).toMatchObject({
      status: 'open',
      reason: 'buy_now',
      amountMinor: 50_000,
      winnerId: buyer.userId,
    });
    const replay = await api.call<{ paymentWindow: WindowBody }>('POST', `/v1/stories/${storyId}/buy`, {
      token: buyer.accessToken,
      headers: { 'idempotency-key': 'buy-key-00001' },
    });
    expect(replay.body.paymentWindow.id).toBe(bought.body.paymentWindow.id);

    const second = await api.call<ErrorBody>('POST', `/v1/stories/${storyId}/buy`, { token: other.accessToken });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('story_reserved');
    const offer = await api.call<ErrorBody>('POST', `/v1/stories/${storyId}/offers`, {
      token: other.accessToken,
      body: { amountMinor: 60_000 },
    });
    expect(offer.body.error.code).toBe('story_reserved');
    expect(await runtime.modules.auctions.blocksStoryChanges(storyId)).toBe(true);
    const view = await api.call<WindowBody>('GET', `/v1/payment-windows/${bought.body.paymentWindow.id}`, {
      token: buyer.accessToken,
    });
    expect(view.body.status).toBe('open');

    clock.set(Date.parse(bought.body.paymentWindow.expiresAt));
    await fireTimer(runtime, `payment-expiry:${bought.body.paymentWindow.id}`);
    expect(await runtime.modules.auctions.strikesOf(buyer.userId)).toBe(1);
    expect(await runtime.modules.auctions.blocksStoryChanges(storyId)).toBe(false);
    await openAuctionWith(api, storyId, other, 10_000);
    const gone = await api.call<ErrorBody>('POST', `/v1/stories/${storyId}/buy`, { token: buyer.accessToken });
    expect(gone.status).toBe(409);
    expect(gone.body.error.code).toBe('auction_already_started');
  });

  it('a paid buy-now window sells the piece: no more offers', async () => {
    const storyId = await publishedStory(runtime, api, maker, { buyNowMinor: 40_000 });
    const buyer = await signIn(api, 'payer');
    const bought = await api.call<{ paymentWindow: WindowBody }>('POST', `/v1/stories/${storyId}/buy`, {
      token: buyer.accessToken,
    });
    const result = await runtime.ctx.db.transaction((tx) =>
      runtime.modules.auctions.markWindowPaid(tx, bought.body.paymentWindow.id),
    );
    expect(result.paid).toBe(true);
    const offer = await api.call<ErrorBody>('POST', `/v1/stories/${storyId}/offers`, {
      token: (await signIn(api, 'after-sale')).accessToken,
      body: { amountMinor: 60_000 },
    });
    expect(offer.body.error.code).toBe('story_sold');
  });
});
