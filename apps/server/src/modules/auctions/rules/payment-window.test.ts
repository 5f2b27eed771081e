import { describe, expect, it } from 'vitest';
import type { AuctionState } from './auction-state';
import { endAuction } from './end-auction';
import { cancelAuction, expirePayment, markPaid, secondChance } from './payment-window';
import { placeBid } from './place-bid';
import { at, expectOk, expectRefusal, shownBids, startAuction, TEST_CONFIG } from './test-fixtures';

const END = 3600;
const DUE = END + TEST_CONFIG.paymentWindowSeconds;

/** A (max 200.00) beats B (150.00) and C (164.00): A wins at 171.00, the payment window is open. */
function wonByA(): AuctionState {
  let state = startAuction();
  for (const [bidId, bidderId, amountMinor, maxAmountMinor] of [
    ['a1', 'A', 10600, 20000],
    ['b1', 'B', 15000, 15000],
    ['c1', 'C', 16400, 16400],
  ] as const) {
    state = expectOk(placeBid(state, { bidId, bidderId, amountMinor, maxAmountMinor }, at(60), TEST_CONFIG)).state;
  }
  expect(shownBids(state)).toEqual(['opener@10000', 'A@10600', 'B@15000', 'A@15700', 'C@16400', 'A@17100']);
  return expectOk(endAuction(state, at(END), TEST_CONFIG)).state;
}

describe('payment window', () => {
  it('records a payment once', () => {
    const paid = expectOk(markPaid(wonByA(), at(END + 60)));
    expect(paid.state.status).toBe('paid');
    expect(paid.events).toEqual([expect.objectContaining({ type: 'paid', winnerId: 'A', amountMinor: 17100 })]);
    const again = expectOk(markPaid(paid.state, at(END + 61)));
    expect(again.state).toBe(paid.state);
    expect(again.events).toEqual([]);
  });

  it('does not expire before the window closes', () => {
    expect(expectRefusal(expirePayment(wonByA(), at(DUE - 1))).code).toBe('payment_window_open');
  });

  it('expires at the end of the window with a non-payment strike for the winner, once', () => {
    const expired = expectOk(expirePayment(wonByA(), at(DUE)));
    expect(expired.state).toMatchObject({ status: 'payment_expired', winnerId: null, failedWinnerIds: ['A'] });
    expect(expired.events).toEqual([
      expect.objectContaining({ type: 'payment_expired', winnerId: 'A' }),
      expect.objectContaining({ type: 'non_payment_strike', userId: 'A' }),
    ]);
    const again = expectOk(expirePayment(expired.state, at(DUE + 10)));
    expect(again.state).toBe(expired.state);
    expect(again.events).toEqual([]);
    expect(expectRefusal(markPaid(expired.state, at(DUE + 10))).code).toBe('payment_window_closed');
  });
});

describe('secondChance', () => {
  it('offers the piece to the next-highest distinct bidder at their last bid, then the next', () => {
    let state = expectOk(expirePayment(wonByA(), at(DUE))).state;
    const offered: Array<[string | null, number | null]> = [];
    let now = DUE;
    for (;;) {
      const chance = secondChance(state, at(now), TEST_CONFIG);
      if (!chance.ok) {
        expect(chance.code).toBe('no_second_chance_bidder');
        break;
      }
      expect(chance.events[0]).toMatchObject({
        type: 'payment_window_opened',
        reason: 'second_chance',
        expiresAt: at(now + 1200),
      });
      offered.push([chance.state.winnerId, chance.state.winningAmountMinor]);
      now += 1200;
      state = expectOk(expirePayment(chance.state, at(now))).state;
    }
    expect(offered).toEqual([
      ['C', 16400],
      ['B', 15000],
      ['opener', 10000],
    ]);
  });

  it('skips bidders the caller excludes', () => {
    const expired = expectOk(expirePayment(wonByA(), at(DUE))).state;
    expect(expectOk(secondChance(expired, at(DUE), TEST_CONFIG, ['C'])).state.winnerId).toBe('B');
  });

  it('is a no-op once a second chance is under way, and refused while the winner can still pay', () => {
    const expired = expectOk(expirePayment(wonByA(), at(DUE))).state;
    const offered = expectOk(secondChance(expired, at(DUE), TEST_CONFIG)).state;
    const again = expectOk(secondChance(offered, at(DUE + 5), TEST_CONFIG));
    expect(again.state).toBe(offered);
    expect(again.events).toEqual([]);
    expect(expectRefusal(secondChance(wonByA(), at(END + 5), TEST_CONFIG)).code).toBe('payment_window_open');
  });
});

describe('cancelAuction', () => {
  it('cancels a running auction once', () => {
    const cancelled = expectOk(cancelAuction(startAuction(), at(100), 'story_unpublished'));
    expect(cancelled.state.status).toBe('cancelled');
    expect(cancelled.events).toEqual([expect.objectContaining({ type: 'cancelled', reason: 'story_unpublished' })]);
    expect(expectOk(cancelAuction(cancelled.state, at(101), 'again')).events).toEqual([]);
  });

  it('lets the maker relist after an unpaid window but not while a payment is in flight', () => {
    expect(expectRefusal(cancelAuction(wonByA(), at(END + 1), 'relist')).code).toBe('auction_closed');
    const expired = expectOk(expirePayment(wonByA(), at(DUE))).state;
    expect(expectOk(cancelAuction(expired, at(DUE + 1), 'relist')).state.status).toBe('cancelled');
  });
});
