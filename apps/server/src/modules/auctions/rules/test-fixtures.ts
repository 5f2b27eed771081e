/**
 * Test support only (not exported from index): small builders so each test states just what it is about.
 */
import type { AuctionRulesConfig, AuctionState } from './auction-state';
import type { AuctionRuleResult, AuctionTransition } from './auction-events';
import { openAuction, type StoryTerms } from './open-auction';
import type { Refusal } from './refusals';

export const T0 = new Date('2026-03-01T12:00:00.000Z');

/** Short durations so a whole auction fits in an hour of fake time. */
export const TEST_CONFIG: AuctionRulesConfig = {
  auctionDurationSeconds: 3600,
  softCloseSeconds: 600,
  makerDecisionSeconds: 1800,
  paymentWindowSeconds: 1200,
};

/** `seconds` after T0. */
export function at(seconds: number): Date {
  return new Date(T0.getTime() + seconds * 1000);
}

export function storyTerms(overrides: Partial<StoryTerms> = {}): StoryTerms {
  return {
    id: 'story-1',
    makerId: 'maker',
    status: 'published',
    offerPolicy: { minOfferMinor: 5000, currency: 'USD', autoRejectBelowMin: true },
    reserveMinor: null,
    buyNowMinor: null,
    ...overrides,
  };
}

/** An auction opened at T0 by `opener` with an opening bid of `openingMinor`. */
export function startAuction(
  options: {
    openingMinor?: number;
    reserveMinor?: number | null;
    currency?: string;
    opener?: string;
    config?: AuctionRulesConfig;
  } = {},
): AuctionState {
  const currency = options.currency ?? 'USD';
  const story = storyTerms({
    reserveMinor: options.reserveMinor ?? null,
    offerPolicy: { minOfferMinor: 100, currency, autoRejectBelowMin: true },
  });
  const opened = openAuction(
    {
      auctionId: 'auction-1',
      story,
      opening: { bidId: 'opening', bidderId: options.opener ?? 'opener', amountMinor: options.openingMinor ?? 10000 },
    },
    T0,
    options.config ?? TEST_CONFIG,
  );
  return expectOk(opened).state;
}

/** The transition, or a thrown error naming the refusal (so a failing test says why). */
export function expectOk(result: AuctionRuleResult): AuctionTransition {
  if (!result.ok) throw new Error(`expected success, got refusal ${result.code}: ${result.message}`);
  return result;
}

/** The refusal, or a thrown error if the rule accepted. */
export function expectRefusal(result: AuctionRuleResult | Refusal | { ok: true }): Refusal {
  if (result.ok) throw new Error('expected a refusal, got success');
  return result;
}

/** Visible, non-voided bids as `bidder@amount`, for compact assertions. */
export function shownBids(state: AuctionState): string[] {
  return state.bids
    .filter((bid) => bid.kind !== 'max_raise' && !bid.voided)
    .map((bid) => `${bid.bidderId}@${bid.amountMinor}`);
}
