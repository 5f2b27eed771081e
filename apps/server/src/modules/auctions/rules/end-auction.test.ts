import { describe, expect, it } from 'vitest';
import type { AuctionState } from './auction-state';
import { acceptLeadingBid, endAuction, lapse } from './end-auction';
import { placeBid } from './place-bid';
import { at, expectOk, expectRefusal, startAuction, TEST_CONFIG } from './test-fixtures';
import { voidBid } from './void-bid';

/** Opening 100.00; A leads at 106.00 with a maximum of 200.00; the reserve is as given. */
function withLeaderA(reserveMinor: number | null): AuctionState {
  return expectOk(
    placeBid(
      startAuction({ reserveMinor }),
      { bidId: 'a1', bidderId: 'A', amountMinor: 10600, maxAmountMinor: 20000 },
      at(60),
      TEST_CONFIG,
    ),
  ).state;
}

describe('endAuction', () => {
  it('refuses to end before the end time', () => {
    const refusal = expectRefusal(endAuction(withLeaderA(null), at(3599), TEST_CONFIG));
    expect(refusal.code).toBe('auction_not_over');
    expect(refusal.details).toEqual({ endsAt: at(3600) });
  });

  it('gives the item to the leader and opens the payment window when the reserve is met', () => {
    const result = expectOk(endAuction(withLeaderA(10000), at(3600), TEST_CONFIG));
    expect(result.state).toMatchObject({
      status: 'awaiting_payment',
      winnerId: 'A',
      winningAmountMinor: 10600,
      winnerSource: 'auction',
      endedAt: at(3600),
      paymentDueAt: at(3600 + 1200),
    });
    expect(result.events.map((event) => event.type)).toEqual(['ended', 'payment_window_opened']);
    expect(result.events[0]).toMatchObject({ outcome: 'sold', leaderId: 'A', highBidMinor: 10600 });
    expect(result.events[1]).toMatchObject({
      reason: 'won',
      winnerId: 'A',
      amountMinor: 10600,
      currency: 'USD',
      expiresAt: at(4800),
    });
  });

  it('treats an auction without a reserve as reserve met', () => {
    expect(expectOk(endAuction(withLeaderA(null), at(3600), TEST_CONFIG)).state.winnerId).toBe('A');
  });

  it('ends without a winner and opens the maker’s decision window when the reserve is not met', () => {
    const result = expectOk(endAuction(withLeaderA(50000), at(3700), TEST_CONFIG));
    expect(result.state).toMatchObject({
      status: 'ended',
      winnerId: null,
      leaderId: 'A',
      endedAt: at(3700),
      makerDecisionDeadline: at(3700 + 1800),
    });
    expect(result.events).toEqual([expect.objectContaining({ type: 'ended', outcome: 'reserve_not_met' })]);
  });

  it('is a no-op on an auction that has already ended', () => {
    for (const reserveMinor of [null, 50000]) {
      const ended = expectOk(endAuction(withLeaderA(reserveMinor), at(3600), TEST_CONFIG)).state;
      const again = expectOk(endAuction(ended, at(9999), TEST_CONFIG));
      expect(again.state).toBe(ended);
      expect(again.events).toEqual([]);
    }
  });

  it('ends an auction whose bids were all voided with no winner and nothing to decide', () => {
    const empty = expectOk(voidBid(startAuction(), 'opening', at(10), TEST_CONFIG)).state;
    const result = expectOk(endAuction(empty, at(3600), TEST_CONFIG));
    expect(result.state).toMatchObject({ status: 'ended', winnerId: null, makerDecisionDeadline: null });
    expect(result.events[0]).toMatchObject({ type: 'ended', outcome: 'no_bids' });
  });
});

describe('acceptLeadingBid', () => {
  it('lets the maker accept early, which ends the auction at once even below the reserve', () => {
    const result = expectOk(acceptLeadingBid(withLeaderA(50000), at(600), TEST_CONFIG));
    expect(result.state).toMatchObject({
      status: 'awaiting_payment',
      winnerId: 'A',
      winningAmountMinor: 10600,
      endedAt: at(600),
      winnerSource: 'maker_accepted',
    });
    expect(result.events.map((event) => event.type)).toEqual(['ended', 'payment_window_opened']);
    expect(result.events[0]).toMatchObject({ outcome: 'accepted_early' });
    expect(placeBid(result.state, { bidId: 'b1', bidderId: 'B', amountMinor: 30000 }, at(601), TEST_CONFIG).ok).toBe(
      false,
    );
  });

  it('accepts within the decision window after a reserve-not-met end, and not after it', () => {
    const ended = expectOk(endAuction(withLeaderA(50000), at(3600), TEST_CONFIG)).state;
    const accepted = expectOk(acceptLeadingBid(ended, at(3600 + 1799), TEST_CONFIG));
    expect(accepted.state).toMatchObject({
      status: 'awaiting_payment',
      winnerId: 'A',
      winningAmountMinor: 10600,
      makerDecisionDeadline: null,
    });
    expect(accepted.events).toEqual([
      expect.objectContaining({ type: 'payment_window_opened', reason: 'maker_accepted' }),
    ]);
    expect(expectRefusal(acceptLeadingBid(ended, at(3600 + 1800), TEST_CONFIG)).code).toBe('decision_window_closed');
  });

  it('is a no-op when a winner is already chosen', () => {
    const accepted = expectOk(acceptLeadingBid(withLeaderA(null), at(600), TEST_CONFIG)).state;
    const again = expectOk(acceptLeadingBid(accepted, at(700), TEST_CONFIG));
    expect(again.state).toBe(accepted);
    expect(again.events).toEqual([]);
  });

  it('refuses when there is no bid to accept', () => {
    const empty = expectOk(voidBid(startAuction(), 'opening', at(10), TEST_CONFIG)).state;
    expect(expectRefusal(acceptLeadingBid(empty, at(20), TEST_CONFIG)).code).toBe('no_bids');
  });

  it('ends properly first when time is up but the timer has not fired yet', () => {
    const sold = expectOk(acceptLeadingBid(withLeaderA(null), at(3650), TEST_CONFIG));
    expect(sold.events.map((event) => event.type)).toEqual(['ended', 'payment_window_opened']);
    expect(sold.events[1]).toMatchObject({ reason: 'won' });

    const belowReserve = expectOk(acceptLeadingBid(withLeaderA(50000), at(3650), TEST_CONFIG));
    expect(belowReserve.state.status).toBe('awaiting_payment');
    expect(belowReserve.events).toEqual([
      expect.objectContaining({ type: 'ended', outcome: 'reserve_not_met' }),
      expect.objectContaining({ type: 'payment_window_opened', reason: 'maker_accepted' }),
    ]);
  });
});

describe('lapse', () => {
  const ended = (): AuctionState => expectOk(endAuction(withLeaderA(50000), at(3600), TEST_CONFIG)).state;

  it('refuses while the maker can still decide', () => {
    expect(expectRefusal(lapse(ended(), at(3600 + 1799))).code).toBe('decision_window_open');
  });

  it('lapses once the decision window is over, once', () => {
    const lapsed = expectOk(lapse(ended(), at(3600 + 1800)));
    expect(lapsed.state.status).toBe('lapsed');
    expect(lapsed.events).toEqual([expect.objectContaining({ type: 'lapsed', leaderId: 'A', highBidMinor: 10600 })]);
    const again = expectOk(lapse(lapsed.state, at(9999)));
    expect(again.state).toBe(lapsed.state);
    expect(again.events).toEqual([]);
    expect(expectRefusal(acceptLeadingBid(lapsed.state, at(9999), TEST_CONFIG)).code).toBe('decision_window_closed');
  });

  it('refuses on an auction that is running or already has a winner', () => {
    expect(expectRefusal(lapse(withLeaderA(50000), at(100))).code).toBe('auction_not_over');
    const sold = expectOk(endAuction(withLeaderA(null), at(3600), TEST_CONFIG)).state;
    expect(expectRefusal(lapse(sold, at(9999))).code).toBe('auction_closed');
  });
});
