/**
 * Starting an auction: the first qualifying offer (or one the maker accepts) becomes the opening bid.
 */
import {
  addSeconds,
  DEFAULT_AUCTION_RULES_CONFIG,
  isReserveMet,
  type AuctionRulesConfig,
  type AuctionState,
} from './auction-state';
import type { AuctionEvent, AuctionRuleResult } from './auction-events';
import { isMinorAmount, isSupportedCurrency } from '@vw/domain';
import { refuse } from './refusals';

export interface OfferPolicy {
  minOfferMinor: number;
  currency: string;
  /** Below-minimum offers: refused at once (true) or held for the maker (false). */
  autoRejectBelowMin: boolean;
}

/** What the auction rules need to know about a story. */
export interface StoryTerms {
  id: string;
  makerId: string;
  status: 'draft' | 'published' | 'archived';
  offerPolicy: OfferPolicy;
  reserveMinor: number | null;
  buyNowMinor: number | null;
}

export interface OpenAuctionInput {
  auctionId: string;
  story: StoryTerms;
  /** The offer that opens the auction; its id becomes the opening bid's id. */
  opening: { bidId: string; bidderId: string; amountMinor: number };
}

/** Opens an auction with the offer as its opening bid, ending `auctionDurationSeconds` from now. */
export function openAuction(
  input: OpenAuctionInput,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): AuctionRuleResult {
  const { story, opening } = input;
  const currency = story.offerPolicy.currency;
  if (!isSupportedCurrency(currency)) return refuse('unsupported_currency', `Currency ${currency} is not supported`);
  if (!isMinorAmount(opening.amountMinor))
    return refuse('invalid_amount', 'Amounts are positive whole numbers of minor units');
  if (opening.bidderId === story.makerId) return refuse('maker_cannot_bid', 'Makers cannot bid on their own story');

  const endsAt = addSeconds(now, config.auctionDurationSeconds);
  const state: AuctionState = {
    id: input.auctionId,
    storyId: story.id,
    makerId: story.makerId,
    status: 'active',
    currency,
    reserveMinor: story.reserveMinor,
    openingMinimumMinor: story.offerPolicy.minOfferMinor,
    startsAt: now,
    endsAt,
    bids: [
      {
        id: opening.bidId,
        bidderId: opening.bidderId,
        amountMinor: opening.amountMinor,
        // An offer carries no proxy maximum: it stands exactly at its amount.
        maxAmountMinor: opening.amountMinor,
        createdAt: now,
        sequence: 1,
        kind: 'opening',
        requestId: opening.bidId,
        voided: false,
        voidReason: null,
      },
    ],
    maxima: [{ bidderId: opening.bidderId, maxAmountMinor: opening.amountMinor, setAt: now, setSequence: 1 }],
    leaderId: opening.bidderId,
    highBidMinor: opening.amountMinor,
    lastSequence: 1,
    endedAt: null,
    makerDecisionDeadline: null,
    winnerId: null,
    winningAmountMinor: null,
    winnerSource: null,
    paymentDueAt: null,
    failedWinnerIds: [],
  };
  const base = { auctionId: state.id, at: now };
  const events: AuctionEvent[] = [
    {
      ...base,
      type: 'auction_started',
      storyId: story.id,
      openingBidId: opening.bidId,
      bidderId: opening.bidderId,
      amountMinor: opening.amountMinor,
      currency,
      endsAt,
    },
  ];
  if (story.reserveMinor !== null && isReserveMet(state))
    events.push({ ...base, type: 'reserve_met', highBidMinor: opening.amountMinor });
  return { ok: true, state, events };
}
