import { describe, expect, it } from 'vitest';
import { isReserveMet, nextBidMinimum, type AuctionState } from './auction-state';
import { endAuction } from './end-auction';
import { cancelAuction } from './payment-window';
import { placeBid, type PlaceBidInput } from './place-bid';
import { at, expectOk, expectRefusal, shownBids, startAuction, TEST_CONFIG } from './test-fixtures';

const bid = (state: AuctionState, input: PlaceBidInput, seconds = 60): AuctionState =>
  expectOk(placeBid(state, input, at(seconds), TEST_CONFIG)).state;

/** Opening 100.00 by `opener`, then A bids 106.00 with a maximum of 200.00 (A leads at 106.00). */
function aLeadsWithMax200(reserveMinor: number | null = null): AuctionState {
  return bid(
    startAuction({ reserveMinor }),
    { bidId: 'a1', bidderId: 'A', amountMinor: 10600, maxAmountMinor: 20000 },
    10,
  );
}

describe('placeBid: who may bid and how much', () => {
  it('accepts a bid at the minimum next bid and makes it the lead', () => {
    const result = expectOk(
      placeBid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 10600 }, at(60), TEST_CONFIG),
    );
    expect(result.state.leaderId).toBe('B');
    expect(result.state.highBidMinor).toBe(10600);
    expect(result.events.map((event) => event.type)).toEqual(['bid_placed', 'outbid']);
    expect(result.events[0]).toMatchObject({
      bidId: 'b1',
      bidderId: 'B',
      amountMinor: 10600,
      leaderId: 'B',
      endsAt: at(3600),
    });
    expect(result.events[1]).toMatchObject({ type: 'outbid', bidderId: 'opener', leaderId: 'B' });
  });

  it('refuses a bid below the minimum next bid and says what the minimum is', () => {
    const refusal = expectRefusal(
      placeBid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 10599 }, at(60), TEST_CONFIG),
    );
    expect(refusal.code).toBe('bid_too_low');
    expect(refusal.details).toEqual({ minNextBidMinor: 10600 });
  });

  it('refuses the maker bidding on their own story', () => {
    expect(
      expectRefusal(
        placeBid(startAuction(), { bidId: 'm1', bidderId: 'maker', amountMinor: 20000 }, at(60), TEST_CONFIG),
      ).code,
    ).toBe('maker_cannot_bid');
  });

  it('refuses a bid at or after the end, and accepts one a millisecond before it', () => {
    const state = startAuction();
    const input = { bidId: 'b1', bidderId: 'B', amountMinor: 10600 };
    expect(expectRefusal(placeBid(state, input, at(3600), TEST_CONFIG)).code).toBe('auction_ended');
    expect(expectRefusal(placeBid(state, input, at(7200), TEST_CONFIG)).code).toBe('auction_ended');
    expect(placeBid(state, input, new Date(at(3600).getTime() - 1), TEST_CONFIG).ok).toBe(true);
  });

  it('refuses bids once the auction has ended with the same code as a bid after its end time', () => {
    const ended = expectOk(endAuction(startAuction(), at(3600), TEST_CONFIG)).state;
    const refusal = expectRefusal(
      placeBid(ended, { bidId: 'b1', bidderId: 'B', amountMinor: 50000 }, at(3500), TEST_CONFIG),
    );
    expect(refusal.code).toBe('auction_ended');
  });

  it('refuses bids on a cancelled auction as not active', () => {
    const cancelled = expectOk(cancelAuction(startAuction(), at(60), 'relisted')).state;
    const refusal = expectRefusal(
      placeBid(cancelled, { bidId: 'b1', bidderId: 'B', amountMinor: 50000 }, at(120), TEST_CONFIG),
    );
    expect(refusal.code).toBe('auction_not_active');
  });

  it('refuses a maximum below the amount, and malformed amounts', () => {
    const state = startAuction();
    expect(
      expectRefusal(
        placeBid(state, { bidId: 'b1', bidderId: 'B', amountMinor: 11000, maxAmountMinor: 10900 }, at(60), TEST_CONFIG),
      ).code,
    ).toBe('max_below_amount');
    for (const amountMinor of [0, -100, 10600.5, Number.NaN]) {
      expect(
        expectRefusal(placeBid(state, { bidId: 'b1', bidderId: 'B', amountMinor }, at(60), TEST_CONFIG)).code,
      ).toBe('invalid_amount');
    }
  });

  it('blocks a bidder with three non-payment strikes', () => {
    const state = startAuction();
    const input = { bidId: 'b1', bidderId: 'B', amountMinor: 10600 };
    expect(expectRefusal(placeBid(state, { ...input, bidderStrikes: 3 }, at(60), TEST_CONFIG)).code).toBe(
      'bidder_blocked',
    );
    expect(placeBid(state, { ...input, bidderStrikes: 2 }, at(60), TEST_CONFIG).ok).toBe(true);
  });

  it('treats a repeated bid id with the same body as a no-op, and with another body as a conflict', () => {
    const once = expectOk(
      placeBid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 10600 }, at(60), TEST_CONFIG),
    ).state;
    const again = expectOk(placeBid(once, { bidId: 'b1', bidderId: 'B', amountMinor: 10600 }, at(4000), TEST_CONFIG));
    expect(again.state).toBe(once);
    expect(again.events).toEqual([]);
    expect(
      expectRefusal(placeBid(once, { bidId: 'b1', bidderId: 'B', amountMinor: 20000 }, at(61), TEST_CONFIG)).code,
    ).toBe('bid_id_conflict');
  });

  it('never mutates the state it is given', () => {
    const state = aLeadsWithMax200(50000);
    const before = structuredClone(state);
    placeBid(state, { bidId: 'b1', bidderId: 'B', amountMinor: 15000, maxAmountMinor: 70000 }, at(3300), TEST_CONFIG);
    expect(state).toEqual(before);
  });
});

describe('placeBid: proxy bidding', () => {
  it('bids for the leader only the least needed: A max 200, B bids 150 → A leads at 150 + increment', () => {
    const result = expectOk(
      placeBid(aLeadsWithMax200(), { bidId: 'b1', bidderId: 'B', amountMinor: 15000 }, at(60), TEST_CONFIG),
    );
    expect(result.state.leaderId).toBe('A');
    expect(result.state.highBidMinor).toBe(15700); // minNextBid(150.00) = 151.50 → 152 + 5
    expect(shownBids(result.state)).toEqual(['opener@10000', 'A@10600', 'B@15000', 'A@15700']);
    expect(result.events.map((event) => event.type)).toEqual(['bid_placed', 'proxy_bid_placed']);
  });

  it('caps the proxy at the leader’s maximum when the gap is smaller than an increment', () => {
    const state = bid(aLeadsWithMax200(), { bidId: 'b1', bidderId: 'B', amountMinor: 19900 });
    expect(state.leaderId).toBe('A');
    expect(state.highBidMinor).toBe(20000); // min(200.00, minNextBid(199.00) = 206.00)
    expect(nextBidMinimum(state, TEST_CONFIG)).toBe(20700);
  });

  it('lets a higher maximum take the lead at the other maximum plus one increment', () => {
    const result = expectOk(
      placeBid(
        aLeadsWithMax200(),
        { bidId: 'b1', bidderId: 'B', amountMinor: 15000, maxAmountMinor: 30000 },
        at(60),
        TEST_CONFIG,
      ),
    );
    expect(result.state.leaderId).toBe('B');
    expect(result.state.highBidMinor).toBe(20700);
    // A's proxy defended up to its maximum before giving way.
    expect(shownBids(result.state)).toEqual(['opener@10000', 'A@10600', 'B@15000', 'A@20000', 'B@20700']);
    expect(result.events.at(-1)).toMatchObject({ type: 'outbid', bidderId: 'A', leaderId: 'B', highBidMinor: 20700 });
  });

  it('charges the new leader only their maximum when it is less than an increment above the other', () => {
    const state = bid(aLeadsWithMax200(), { bidId: 'b1', bidderId: 'B', amountMinor: 15000, maxAmountMinor: 20100 });
    expect(state.leaderId).toBe('B');
    expect(state.highBidMinor).toBe(20100); // still ≥ A's maximum, never above B's
  });

  it('keeps the earlier bidder ahead between equal maximums, whichever order they came in', () => {
    const late = bid(aLeadsWithMax200(), { bidId: 'b1', bidderId: 'B', amountMinor: 15000, maxAmountMinor: 20000 });
    expect(late.leaderId).toBe('A');
    expect(late.highBidMinor).toBe(20000);
    expect(shownBids(late)).toEqual(['opener@10000', 'A@10600', 'B@15000', 'B@20000']);

    const bFirst = bid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 11000, maxAmountMinor: 20000 }, 10);
    const aLater = bid(bFirst, { bidId: 'a1', bidderId: 'A', amountMinor: 11700, maxAmountMinor: 20000 }, 20);
    expect(aLater.leaderId).toBe('B');
    expect(aLater.highBidMinor).toBe(20000);
  });

  it('lets the leader raise their own maximum without bidding against themselves', () => {
    const state = aLeadsWithMax200();
    const result = expectOk(
      placeBid(state, { bidId: 'a2', bidderId: 'A', amountMinor: 11300, maxAmountMinor: 30000 }, at(3500), TEST_CONFIG),
    );
    expect(result.state.highBidMinor).toBe(10600);
    expect(result.state.leaderId).toBe('A');
    expect(shownBids(result.state)).toEqual(shownBids(state));
    expect(result.state.endsAt).toEqual(state.endsAt); // nothing shown, so no soft-close extension
    expect(result.events.map((event) => event.type)).toEqual(['max_raised']);
    // The raised maximum is what now defends the lead.
    const challenged = bid(result.state, { bidId: 'b1', bidderId: 'B', amountMinor: 25000 }, 3510);
    expect(challenged.leaderId).toBe('A');
    expect(challenged.highBidMinor).toBe(25800);
  });

  it('tells a leader who does not raise their maximum that they already lead', () => {
    const state = aLeadsWithMax200();
    const refusal = expectRefusal(
      placeBid(state, { bidId: 'a2', bidderId: 'A', amountMinor: 11300 }, at(60), TEST_CONFIG),
    );
    expect(refusal.code).toBe('already_leading');
    expect(
      expectRefusal(
        placeBid(state, { bidId: 'a2', bidderId: 'A', amountMinor: 11300, maxAmountMinor: 20000 }, at(60), TEST_CONFIG),
      ).code,
    ).toBe('already_leading');
  });
});

describe('placeBid: hidden reserve', () => {
  it('lifts the price to the reserve when the leader’s maximum reaches it', () => {
    const result = expectOk(
      placeBid(
        startAuction({ reserveMinor: 50000 }),
        { bidId: 'a1', bidderId: 'A', amountMinor: 10600, maxAmountMinor: 60000 },
        at(60),
        TEST_CONFIG,
      ),
    );
    expect(result.state.highBidMinor).toBe(50000);
    expect(isReserveMet(result.state)).toBe(true);
    expect(result.events.map((event) => event.type)).toEqual([
      'bid_placed',
      'proxy_bid_placed',
      'reserve_met',
      'outbid',
    ]);
  });

  it('does not lift when the maximum is below the reserve, and lifts when the leader raises past it', () => {
    const below = aLeadsWithMax200(50000);
    expect(below.highBidMinor).toBe(10600);
    expect(isReserveMet(below)).toBe(false);
    const raised = expectOk(
      placeBid(below, { bidId: 'a2', bidderId: 'A', amountMinor: 11300, maxAmountMinor: 60000 }, at(60), TEST_CONFIG),
    );
    expect(raised.state.highBidMinor).toBe(50000);
    expect(raised.events.map((event) => event.type)).toEqual(['max_raised', 'proxy_bid_placed', 'reserve_met']);
  });
});

describe('placeBid: soft close', () => {
  it('moves the end to soft-close seconds after a bid accepted in the last minutes', () => {
    const result = expectOk(
      placeBid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 10600 }, at(3300), TEST_CONFIG),
    );
    expect(result.state.endsAt).toEqual(at(3900));
    expect(result.events).toContainEqual(
      expect.objectContaining({ type: 'extended', previousEndsAt: at(3600), endsAt: at(3900) }),
    );
    expect(result.events[0]).toMatchObject({ type: 'bid_placed', endsAt: at(3900) });
  });

  it('leaves the end alone for a bid before the window', () => {
    for (const seconds of [60, 2999, 3000]) {
      const result = expectOk(
        placeBid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 10600 }, at(seconds), TEST_CONFIG),
      );
      expect(result.state.endsAt).toEqual(at(3600));
      expect(result.events.map((event) => event.type)).not.toContain('extended');
    }
  });

  it('extends again and again with no cap', () => {
    let state = bid(startAuction(), { bidId: 'b1', bidderId: 'B', amountMinor: 10600 }, 3300);
    state = bid(state, { bidId: 'c1', bidderId: 'C', amountMinor: 11300 }, 3850);
    state = bid(state, { bidId: 'b2', bidderId: 'B', amountMinor: 12000 }, 4400);
    expect(state.endsAt).toEqual(at(5000));
  });

  it('extends for a bid that the leader’s proxy beats at once', () => {
    const result = expectOk(
      placeBid(aLeadsWithMax200(), { bidId: 'b1', bidderId: 'B', amountMinor: 15000 }, at(3590), TEST_CONFIG),
    );
    expect(result.state.leaderId).toBe('A');
    expect(result.state.endsAt).toEqual(at(4190));
  });
});
