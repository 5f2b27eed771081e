/**
 * Offer rules: the minimum, one active offer per user per story, withdrawal, the maker's decision,
 * and the first qualifying offer opening the auction.
 */
import {
  DEFAULT_AUCTION_RULES_CONFIG,
  isBlockedForNonPayment,
  type AuctionRulesConfig,
  type AuctionState,
} from './auction-state';
import type { AuctionEvent } from './auction-events';
import { isMinorAmount } from '@vw/domain';
import { openAuction, type StoryTerms } from './open-auction';
import { checkNewBuyerCap } from './new-buyer-limits';
import { refuse, type Refusal } from './refusals';

/** `opened_auction`: it became the opening bid; `superseded`: another offer opened the auction first. */
export type OfferStatus = 'pending' | 'opened_auction' | 'declined' | 'withdrawn' | 'superseded';

export interface Offer {
  id: string;
  storyId: string;
  userId: string;
  amountMinor: number;
  currency: string;
  status: OfferStatus;
  createdAt: Date;
  decidedAt: Date | null;
  auctionId: string | null;
}

/** What the caller loads about a story before an offer or buy-now decision. */
export interface StoryMarket {
  story: StoryTerms;
  /** The story's current auction (null when none has started, or after a relist). */
  auction: AuctionState | null;
  /** The story's offers; at least every pending one. */
  offers: readonly Offer[];
  /** End of an open buy-now payment window holding the story, if any. */
  reservedUntil: Date | null;
}

export interface SubmitOfferInput {
  offerId: string;
  /** Id the auction gets if this offer opens it. */
  auctionId: string;
  userId: string;
  amountMinor: number;
  /** When given, must match the story's currency. */
  currency?: string;
  userStrikes?: number;
  /** True when the user has never paid for a purchase (their offer is then capped). */
  userIsNewBuyer?: boolean;
}

export interface OfferOutcome {
  ok: true;
  offer: Offer;
  /** The auction this offer opened, or null while it waits for the maker. */
  auction: AuctionState | null;
  /** Other pending offers on the story, closed because the auction started. */
  superseded: Offer[];
  events: AuctionEvent[];
}

export type OfferResult = OfferOutcome | Refusal;

/** Refusals shared by offers and buy-now: the story must be open for a first deal. */
export function checkStoryOpen(market: StoryMarket, now: Date): Refusal | null {
  if (market.story.status !== 'published') return refuse('story_not_published', 'This story is not published');
  if (market.auction !== null) {
    return refuse('auction_already_started', 'An auction has started on this story; bid on it instead', {
      auctionId: market.auction.id,
    });
  }
  if (market.reservedUntil !== null && market.reservedUntil.getTime() > now.getTime()) {
    return refuse('story_reserved', 'This piece is reserved for a buyer who is paying now', {
      reservedUntil: market.reservedUntil,
    });
  }
  return null;
}

/**
 * Makes an offer. At or above the minimum it opens the auction (the first qualifying offer always
 * does, because a second one meets `auction_already_started`); below it, it is refused or held.
 */
export function submitOffer(
  market: StoryMarket,
  input: SubmitOfferInput,
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): OfferResult {
  const { story } = market;
  const repeat = market.offers.find((offer) => offer.id === input.offerId);
  if (repeat !== undefined) {
    if (repeat.userId !== input.userId || repeat.amountMinor !== input.amountMinor) {
      return refuse('offer_id_conflict', 'This offer id was already used for a different offer');
    }
    const auction = market.auction !== null && market.auction.id === repeat.auctionId ? market.auction : null;
    return { ok: true, offer: repeat, auction, superseded: [], events: [] };
  }
  if (!isMinorAmount(input.amountMinor))
    return refuse('invalid_amount', 'Amounts are positive whole numbers of minor units');
  if (input.currency !== undefined && input.currency !== story.offerPolicy.currency) {
    return refuse('currency_mismatch', `Offers on this story are in ${story.offerPolicy.currency}`, {
      currency: story.offerPolicy.currency,
    });
  }
  const closed = checkStoryOpen(market, now);
  if (closed !== null) return closed;
  if (input.userId === story.makerId)
    return refuse('maker_cannot_offer', 'Makers cannot make offers on their own story');
  if (isBlockedForNonPayment(input.userStrikes ?? 0, config)) {
    return refuse('bidder_blocked', 'Offers are blocked after repeated non-payment');
  }
  const capped = checkNewBuyerCap(
    input.amountMinor,
    story.offerPolicy.minOfferMinor,
    story.offerPolicy.currency,
    input.userIsNewBuyer ?? false,
    config,
  );
  if (capped !== null) return capped;
  const active = market.offers.find((offer) => offer.userId === input.userId && offer.status === 'pending');
  if (active !== undefined) {
    return refuse('offer_already_active', 'You already have an offer waiting on this story; withdraw it first', {
      offerId: active.id,
    });
  }

  const offer: Offer = {
    id: input.offerId,
    storyId: story.id,
    userId: input.userId,
    amountMinor: input.amountMinor,
    currency: story.offerPolicy.currency,
    status: 'pending',
    createdAt: now,
    decidedAt: null,
    auctionId: null,
  };
  if (input.amountMinor < story.offerPolicy.minOfferMinor) {
    if (story.offerPolicy.autoRejectBelowMin) {
      return refuse('offer_below_minimum', 'The offer is below the minimum for this story', {
        minOfferMinor: story.offerPolicy.minOfferMinor,
      });
    }
    return { ok: true, offer, auction: null, superseded: [], events: [] };
  }
  return startAuctionWith(market, offer, input.auctionId, now, config);
}

/** The maker accepts a pending (below-minimum) offer, which opens the auction with it. */
export function acceptOffer(
  market: StoryMarket,
  input: { offerId: string; auctionId: string },
  now: Date,
  config: AuctionRulesConfig = DEFAULT_AUCTION_RULES_CONFIG,
): OfferResult {
  const offer = market.offers.find((candidate) => candidate.id === input.offerId);
  if (offer === undefined) return refuse('offer_not_found', 'No such offer on this story');
  if (offer.status === 'opened_auction' && market.auction !== null && market.auction.id === offer.auctionId) {
    return { ok: true, offer, auction: market.auction, superseded: [], events: [] };
  }
  if (offer.status !== 'pending')
    return refuse('offer_not_pending', 'This offer is no longer waiting', { status: offer.status });
  const closed = checkStoryOpen(market, now);
  if (closed !== null) return closed;
  return startAuctionWith(market, offer, input.auctionId, now, config);
}

/** The maker declines a pending offer (declining twice is a no-op). */
export function declineOffer(offer: Offer, now: Date): { ok: true; offer: Offer } | Refusal {
  if (offer.status === 'declined') return { ok: true, offer };
  if (offer.status !== 'pending')
    return refuse('offer_not_pending', 'This offer is no longer waiting', { status: offer.status });
  return { ok: true, offer: { ...offer, status: 'declined', decidedAt: now } };
}

/** The offerer withdraws their offer; allowed until it has opened an auction (withdrawing twice is a no-op). */
export function withdrawOffer(offer: Offer, userId: string, now: Date): { ok: true; offer: Offer } | Refusal {
  if (offer.userId !== userId) return refuse('not_offer_owner', 'Only the person who made an offer can withdraw it');
  if (offer.status === 'withdrawn') return { ok: true, offer };
  if (offer.status === 'opened_auction') {
    return refuse(
      'offer_not_withdrawable',
      'This offer opened the auction and is now its opening bid; bids are never retracted',
    );
  }
  if (offer.status !== 'pending')
    return refuse('offer_not_pending', 'This offer is no longer waiting', { status: offer.status });
  return { ok: true, offer: { ...offer, status: 'withdrawn', decidedAt: now } };
}

function startAuctionWith(
  market: StoryMarket,
  offer: Offer,
  auctionId: string,
  now: Date,
  config: AuctionRulesConfig,
): OfferResult {
  const opened = openAuction(
    {
      auctionId,
      story: market.story,
      opening: { bidId: offer.id, bidderId: offer.userId, amountMinor: offer.amountMinor },
    },
    now,
    config,
  );
  if (!opened.ok) return opened;
  const superseded = market.offers
    .filter((other) => other.status === 'pending' && other.id !== offer.id)
    .map((other): Offer => ({ ...other, status: 'superseded', decidedAt: now }));
  return {
    ok: true,
    offer: { ...offer, status: 'opened_auction', decidedAt: now, auctionId },
    auction: opened.state,
    superseded,
    events: opened.events,
  };
}
