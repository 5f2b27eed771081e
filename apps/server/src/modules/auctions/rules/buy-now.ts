/**
 * Buy now: only while no auction has started; it opens a payment window for the buyer directly and
 * holds the story for them until the window closes.
 */
import {
  addSeconds,
  DEFAULT_AUCTION_RULES_CONFIG,
  isBlockedForNonPayment,
  type AuctionRulesConfig,
} from './auction-state';
import { checkStoryOpen, type StoryMarket } from './offers';
import { checkOpenWindows } from './new-buyer-limits';
import { refuse, type Refusal } from './refusals';

export interface BuyNowWindow {
  storyId: string;
  buyerId: string;
  amountMinor: number;
  currency: string;
  opensAt: Date;
  /** The story stays reserved for the buyer until then (`StoryMarket.reservedUntil`). */
  expiresAt: Date;
}

/** Buys the story at its buy-now price, or says why not. */
export function buyNow(
  market: StoryMarket,
  input: {
    buyerId: string;
    buyerStrikes?: number;
    /** Payment windows the buyer has open now (read under the buyer's lock). */
    buyerOpenWindows?: number;
  },
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): { ok: true; window: BuyNowWindow } | Refusal {
  const { story } = market;
  if (story.buyNowMinor === null) return refuse('buy_now_unavailable', 'This story has no buy-now price');
  const closed = checkStoryOpen(market, now);
  if (closed !== null) return closed;
  if (input.buyerId === story.makerId) return refuse('maker_cannot_buy', 'Makers cannot buy their own story');
  if (isBlockedForNonPayment(input.buyerStrikes ?? 0, config)) {
    return refuse('bidder_blocked', 'Buying is blocked after repeated non-payment');
  }
  const held = checkOpenWindows(input.buyerOpenWindows ?? 0, config);
  if (held !== null) return held;
  return {
    ok: true,
    window: {
      storyId: story.id,
      buyerId: input.buyerId,
      amountMinor: story.buyNowMinor,
      currency: story.offerPolicy.currency,
      opensAt: now,
      expiresAt: addSeconds(now, config.paymentWindowSeconds),
    },
  };
}
