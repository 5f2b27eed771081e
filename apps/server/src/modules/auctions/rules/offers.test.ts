import { describe, expect, it } from 'vitest';
import { DEFAULT_AUCTION_RULES_CONFIG } from './auction-state';
import { buyNow } from './buy-now';
import {
  acceptOffer,
  declineOffer,
  submitOffer,
  withdrawOffer,
  type Offer,
  type OfferOutcome,
  type OfferResult,
  type StoryMarket,
} from './offers';
import type { StoryTerms } from './open-auction';
import { at, expectRefusal, storyTerms, T0, TEST_CONFIG } from './test-fixtures';

function market(overrides: Partial<StoryMarket> = {}, story: Partial<StoryTerms> = {}): StoryMarket {
  return { story: storyTerms(story), auction: null, offers: [], reservedUntil: null, ...overrides };
}

function expectOffer(result: OfferResult): OfferOutcome {
  if (!result.ok) throw new Error(`expected success, got ${result.code}`);
  return result;
}

const holdBelowMinimum = { offerPolicy: { minOfferMinor: 5000, currency: 'USD', autoRejectBelowMin: false } };

describe('submitOffer', () => {
  it('refuses an offer below the minimum when the story auto-rejects, naming the minimum', () => {
    const refusal = expectRefusal(
      submitOffer(market(), { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 4999 }, T0, TEST_CONFIG),
    );
    expect(refusal.code).toBe('offer_below_minimum');
    expect(refusal.details).toEqual({ minOfferMinor: 5000 });
  });

  it('holds a below-minimum offer for the maker when the story does not auto-reject', () => {
    const result = expectOffer(
      submitOffer(
        market({}, holdBelowMinimum),
        { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 4000 },
        T0,
        TEST_CONFIG,
      ),
    );
    expect(result.offer.status).toBe('pending');
    expect(result.auction).toBeNull();
  });

  it('opens the auction with the first qualifying offer as its opening bid, ending 72 h later by default', () => {
    const pending: Offer = {
      id: 'o0',
      storyId: 'story-1',
      userId: 'V',
      amountMinor: 4000,
      currency: 'USD',
      status: 'pending',
      createdAt: T0,
      decidedAt: null,
      auctionId: null,
    };
    const result = expectOffer(
      submitOffer(
        market({ offers: [pending] }),
        { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 5000 },
        T0,
      ),
    );
    const auction = result.auction;
    expect(auction).toMatchObject({
      id: 'x1',
      status: 'active',
      leaderId: 'U',
      highBidMinor: 5000,
      startsAt: T0,
      makerId: 'maker',
    });
    expect(auction?.endsAt).toEqual(
      new Date(T0.getTime() + DEFAULT_AUCTION_RULES_CONFIG.auctionDurationSeconds * 1000),
    );
    expect(auction?.endsAt).toEqual(new Date('2026-03-04T12:00:00.000Z'));
    expect(auction?.bids).toEqual([
      expect.objectContaining({ id: 'o1', kind: 'opening', bidderId: 'U', amountMinor: 5000 }),
    ]);
    expect(result.offer).toMatchObject({ status: 'opened_auction', auctionId: 'x1' });
    expect(result.superseded).toEqual([expect.objectContaining({ id: 'o0', status: 'superseded' })]);
    expect(result.events[0]).toMatchObject({ type: 'auction_started', openingBidId: 'o1', amountMinor: 5000 });
  });

  it('refuses offers once an auction has started (bid instead)', () => {
    const opened = expectOffer(
      submitOffer(market(), { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 6000 }, T0, TEST_CONFIG),
    );
    const refusal = expectRefusal(
      submitOffer(
        market({ auction: opened.auction }),
        { offerId: 'o2', auctionId: 'x2', userId: 'V', amountMinor: 9000 },
        at(10),
        TEST_CONFIG,
      ),
    );
    expect(refusal.code).toBe('auction_already_started');
  });

  it('allows one active offer per user per story, and another after withdrawing', () => {
    const first = expectOffer(
      submitOffer(
        market({}, holdBelowMinimum),
        { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 4000 },
        T0,
        TEST_CONFIG,
      ),
    ).offer;
    const second = { offerId: 'o2', auctionId: 'x2', userId: 'U', amountMinor: 4500 };
    expect(
      expectRefusal(submitOffer(market({ offers: [first] }, holdBelowMinimum), second, at(5), TEST_CONFIG)).code,
    ).toBe('offer_already_active');
    const withdrawn = withdrawOffer(first, 'U', at(6));
    if (!withdrawn.ok) throw new Error(withdrawn.code);
    expect(withdrawn.offer.status).toBe('withdrawn');
    expect(submitOffer(market({ offers: [withdrawn.offer] }, holdBelowMinimum), second, at(7), TEST_CONFIG).ok).toBe(
      true,
    );
  });

  it('refuses the maker’s own offer, unpublished stories, reserved stories and blocked users', () => {
    const input = { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 6000 };
    expect(expectRefusal(submitOffer(market(), { ...input, userId: 'maker' }, T0, TEST_CONFIG)).code).toBe(
      'maker_cannot_offer',
    );
    expect(expectRefusal(submitOffer(market({}, { status: 'draft' }), input, T0, TEST_CONFIG)).code).toBe(
      'story_not_published',
    );
    expect(expectRefusal(submitOffer(market({ reservedUntil: at(60) }), input, T0, TEST_CONFIG)).code).toBe(
      'story_reserved',
    );
    expect(submitOffer(market({ reservedUntil: at(60) }), input, at(60), TEST_CONFIG).ok).toBe(true);
    expect(expectRefusal(submitOffer(market(), { ...input, userStrikes: 3 }, T0, TEST_CONFIG)).code).toBe(
      'bidder_blocked',
    );
    expect(expectRefusal(submitOffer(market(), { ...input, currency: 'EUR' }, T0, TEST_CONFIG)).code).toBe(
      'currency_mismatch',
    );
  });

  it('answers a repeated offer id with the first answer', () => {
    const opened = expectOffer(
      submitOffer(market(), { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 6000 }, T0, TEST_CONFIG),
    );
    const repeat = expectOffer(
      submitOffer(
        market({ auction: opened.auction, offers: [opened.offer] }),
        { offerId: 'o1', auctionId: 'x9', userId: 'U', amountMinor: 6000 },
        at(3),
        TEST_CONFIG,
      ),
    );
    expect(repeat.offer).toBe(opened.offer);
    expect(repeat.auction).toBe(opened.auction);
    expect(repeat.events).toEqual([]);
  });
});

describe('the maker’s decision and withdrawal', () => {
  const pendingOffer = (): Offer =>
    expectOffer(
      submitOffer(
        market({}, holdBelowMinimum),
        { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 4000 },
        T0,
        TEST_CONFIG,
      ),
    ).offer;

  it('lets the maker accept a pending offer, which opens the auction with it', () => {
    const result = expectOffer(
      acceptOffer(
        market({ offers: [pendingOffer()] }, holdBelowMinimum),
        { offerId: 'o1', auctionId: 'x1' },
        at(30),
        TEST_CONFIG,
      ),
    );
    expect(result.auction).toMatchObject({
      status: 'active',
      leaderId: 'U',
      highBidMinor: 4000,
      endsAt: at(30 + 3600),
    });
    expect(result.offer.status).toBe('opened_auction');
  });

  it('lets the maker decline a pending offer', () => {
    const declined = declineOffer(pendingOffer(), at(30));
    expect(declined.ok && declined.offer.status).toBe('declined');
  });

  it('refuses withdrawal once the offer has opened the auction, and by anyone but its maker', () => {
    const opened = expectOffer(
      submitOffer(market(), { offerId: 'o1', auctionId: 'x1', userId: 'U', amountMinor: 6000 }, T0, TEST_CONFIG),
    ).offer;
    expect(expectRefusal(withdrawOffer(opened, 'U', at(5))).code).toBe('offer_not_withdrawable');
    expect(expectRefusal(withdrawOffer(pendingOffer(), 'V', at(5))).code).toBe('not_offer_owner');
  });
});

describe('buyNow', () => {
  const withPrice = { buyNowMinor: 25000 };

  it('opens a payment window for the buyer while no auction has started', () => {
    const result = buyNow(market({}, withPrice), { buyerId: 'U' }, T0, TEST_CONFIG);
    expect(result).toEqual({
      ok: true,
      window: {
        storyId: 'story-1',
        buyerId: 'U',
        amountMinor: 25000,
        currency: 'USD',
        opensAt: T0,
        expiresAt: at(1200),
      },
    });
  });

  it('is gone once an auction has started', () => {
    const opened = expectOffer(
      submitOffer(
        market({}, withPrice),
        { offerId: 'o1', auctionId: 'x1', userId: 'V', amountMinor: 6000 },
        T0,
        TEST_CONFIG,
      ),
    );
    expect(
      expectRefusal(buyNow(market({ auction: opened.auction }, withPrice), { buyerId: 'U' }, at(5), TEST_CONFIG)).code,
    ).toBe('auction_already_started');
  });

  it('refuses without a price, while reserved for someone else, and for the maker', () => {
    expect(expectRefusal(buyNow(market(), { buyerId: 'U' }, T0, TEST_CONFIG)).code).toBe('buy_now_unavailable');
    expect(
      expectRefusal(buyNow(market({ reservedUntil: at(60) }, withPrice), { buyerId: 'U' }, T0, TEST_CONFIG)).code,
    ).toBe('story_reserved');
    expect(expectRefusal(buyNow(market({}, withPrice), { buyerId: 'maker' }, T0, TEST_CONFIG)).code).toBe(
      'maker_cannot_buy',
    );
  });
});
