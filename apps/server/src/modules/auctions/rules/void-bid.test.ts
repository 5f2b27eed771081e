import { describe, expect, it } from 'vitest';
import { nextBidMinimum, type AuctionState } from './auction-state';
import { endAuction } from './end-auction';
import { placeBid, type PlaceBidInput } from './place-bid';
import { at, expectOk, expectRefusal, shownBids, startAuction, TEST_CONFIG } from './test-fixtures';
import { voidBid } from './void-bid';

function bids(...inputs: PlaceBidInput[]): AuctionState {
  return inputs.reduce(
    (state, input, index) => expectOk(placeBid(state, input, at(10 * (index + 1)), TEST_CONFIG)).state,
    startAuction(),
  );
}

const A_MAX_200: PlaceBidInput = { bidId: 'a1', bidderId: 'A', amountMinor: 10600, maxAmountMinor: 20000 };

describe('voidBid', () => {
  it('removes a shill bid and the proxy answer it forced, bringing the price back down', () => {
    const state = bids(A_MAX_200, { bidId: 'z1', bidderId: 'Z', amountMinor: 19000 });
    expect(shownBids(state)).toEqual(['opener@10000', 'A@10600', 'Z@19000', 'A@19700']);
    const result = expectOk(voidBid(state, 'z1', at(100), TEST_CONFIG));
    expect(result.state.leaderId).toBe('A');
    expect(result.state.highBidMinor).toBe(10600);
    expect(shownBids(result.state)).toEqual(['opener@10000', 'A@10600']);
    expect(result.state.bids.filter((bid) => bid.voided).map((bid) => [bid.id, bid.voidReason])).toEqual([
      ['z1', 'fraud'],
      ['z1:p1', 'fraud'],
    ]);
    expect(result.events).toEqual([
      expect.objectContaining({
        type: 'bid_voided',
        bidId: 'z1',
        bidderId: 'Z',
        previousLeaderId: 'A',
        leaderId: 'A',
        highBidMinor: 10600,
      }),
    ]);
    expect(nextBidMinimum(result.state, TEST_CONFIG)).toBe(11300);
  });

  it('hands the lead to whoever leads without the voided bid, at the price they would have paid', () => {
    const state = bids(
      A_MAX_200,
      { bidId: 'z1', bidderId: 'Z', amountMinor: 15000, maxAmountMinor: 50000 },
      { bidId: 'f1', bidderId: 'F', amountMinor: 21500, maxAmountMinor: 30000 },
    );
    expect(state.leaderId).toBe('Z');
    const result = expectOk(voidBid(state, 'z1', at(100), TEST_CONFIG));
    expect(result.state.leaderId).toBe('F');
    expect(result.state.highBidMinor).toBe(21500);
    // F's proxy at 300.00 and Z's answer to it were only shown because of the voided maximum.
    expect(shownBids(result.state)).toEqual(['opener@10000', 'A@10600', 'F@21500']);
    expect(result.state.maxima.map((entry) => entry.bidderId).sort()).toEqual(['A', 'F', 'opener']);
  });

  it('appends one system bid when the recomputed price is above what is left on show', () => {
    const state = bids(
      A_MAX_200,
      { bidId: 'a2', bidderId: 'A', amountMinor: 11300, maxAmountMinor: 40000 },
      { bidId: 'b1', bidderId: 'B', amountMinor: 11300, maxAmountMinor: 30000 },
    );
    expect(shownBids(state)).toEqual(['opener@10000', 'A@10600', 'B@11300', 'B@30000', 'A@30800']);
    const result = expectOk(voidBid(state, 'a2', at(100), TEST_CONFIG)); // void A's max raise
    expect(result.state.leaderId).toBe('B');
    expect(result.state.highBidMinor).toBe(20700); // min(300.00, minNextBid(200.00))
    expect(shownBids(result.state)).toEqual(['opener@10000', 'A@10600', 'B@11300', 'B@20700']);
    expect(result.events.map((event) => event.type)).toEqual(['bid_voided', 'proxy_bid_placed']);
  });

  it('leaves no leader when every bid is voided; the next bid then starts from the minimum', () => {
    const result = expectOk(voidBid(startAuction(), 'opening', at(10), TEST_CONFIG));
    expect(result.state).toMatchObject({ leaderId: null, highBidMinor: null, maxima: [] });
    expect(nextBidMinimum(result.state, TEST_CONFIG)).toBe(100);
    const next = expectOk(
      placeBid(result.state, { bidId: 'b1', bidderId: 'B', amountMinor: 100 }, at(20), TEST_CONFIG),
    );
    expect(next.state.leaderId).toBe('B');
  });

  it('is a no-op on a voided bid, and refuses proxies, unknown ids and decided auctions', () => {
    const state = bids(A_MAX_200, { bidId: 'z1', bidderId: 'Z', amountMinor: 19000 });
    const voided = expectOk(voidBid(state, 'z1', at(100), TEST_CONFIG)).state;
    const again = expectOk(voidBid(voided, 'z1', at(101), TEST_CONFIG));
    expect(again.state).toBe(voided);
    expect(again.events).toEqual([]);
    const proxy = expectRefusal(voidBid(state, 'z1:p1', at(100), TEST_CONFIG));
    expect(proxy.code).toBe('bid_not_voidable');
    expect(proxy.details).toEqual({ requestId: 'z1' });
    expect(expectRefusal(voidBid(state, 'nope', at(100), TEST_CONFIG)).code).toBe('bid_not_found');
    const sold = expectOk(endAuction(state, at(3600), TEST_CONFIG)).state;
    expect(expectRefusal(voidBid(sold, 'z1', at(3601), TEST_CONFIG)).code).toBe('auction_closed');
  });

  it('never mutates the state it is given', () => {
    const state = bids(A_MAX_200, { bidId: 'z1', bidderId: 'Z', amountMinor: 15000, maxAmountMinor: 50000 });
    const before = structuredClone(state);
    voidBid(state, 'z1', at(100), TEST_CONFIG);
    expect(state).toEqual(before);
  });
});
