/** Domain values → the answers clients get (dates as ISO 8601 UTC, private facts only to their owner). */
import type { z } from 'zod';
import type { PaymentWindowView } from './deps';
import {
  isReserveMet,
  maximumOf,
  nextBidMinimum,
  type AuctionRulesConfig,
  type AuctionState,
  type Offer,
} from './rules';
import type { auctionView, offerView, ownBid, paymentWindowView, publicBid } from './schemas';
import type { AuctionRow, BidRow } from './tables';

const iso = (date: Date | null): string | null => (date === null ? null : date.toISOString());

export function presentAuction(
  state: AuctionState,
  row: Pick<AuctionRow, 'bidCount' | 'version'>,
  facts: {
    callerId: string | null;
    leaderAlias: string | null;
    now: Date;
    rules: AuctionRulesConfig;
    makerActions?: z.infer<typeof auctionView>['makerActions'];
  },
): z.infer<typeof auctionView> {
  const mine = facts.callerId === null ? undefined : maximumOf(state.maxima, facts.callerId);
  return {
    id: state.id,
    storyId: state.storyId,
    status: state.status,
    currency: state.currency,
    highBidMinor: state.highBidMinor,
    minNextBidMinor: state.status === 'active' ? nextBidMinimum(state, facts.rules) : null,
    leaderId: state.leaderId,
    leaderAlias: facts.leaderAlias,
    reserveMet: isReserveMet(state),
    hasReserve: state.reserveMinor !== null,
    startsAt: state.startsAt.toISOString(),
    endsAt: state.endsAt.toISOString(),
    endedAt: iso(state.endedAt),
    winnerId: state.winnerId,
    winningAmountMinor: state.winningAmountMinor,
    bidCount: row.bidCount,
    makerDecisionDeadline: iso(state.makerDecisionDeadline),
    paymentDueAt: iso(state.paymentDueAt),
    myMaxAmountMinor: mine?.maxAmountMinor ?? null,
    isLeading: facts.callerId !== null && state.leaderId === facts.callerId,
    makerActions: facts.makerActions ?? [],
    version: row.version,
    serverTime: facts.now.toISOString(),
  };
}

export function presentPublicBid(row: BidRow, alias: string): z.infer<typeof publicBid> {
  if (row.kind === 'max_raise') throw new Error('max raises are private');
  return {
    id: row.id,
    bidderId: row.bidderId,
    bidderAlias: alias,
    amountMinor: row.amountMinor,
    kind: row.kind,
    sequence: row.sequence,
    createdAt: row.createdAt.toISOString(),
    voided: row.voided,
    voidReason: row.voidReason,
  };
}

export function presentOwnBid(auctionId: string, bid: AuctionState['bids'][number]): z.infer<typeof ownBid> {
  return {
    id: bid.id,
    auctionId,
    bidderId: bid.bidderId,
    amountMinor: bid.amountMinor,
    maxAmountMinor: bid.maxAmountMinor,
    kind: bid.kind,
    sequence: bid.sequence,
    createdAt: bid.createdAt.toISOString(),
  };
}

export function presentOffer(offer: Offer): z.infer<typeof offerView> {
  return {
    id: offer.id,
    storyId: offer.storyId,
    userId: offer.userId,
    amountMinor: offer.amountMinor,
    currency: offer.currency,
    status: offer.status,
    auctionId: offer.auctionId,
    createdAt: offer.createdAt.toISOString(),
    decidedAt: iso(offer.decidedAt),
  };
}

export function presentWindow(
  window: PaymentWindowView,
  checkoutUrl: string | null,
): z.infer<typeof paymentWindowView> {
  return {
    id: window.id,
    auctionId: window.auctionId,
    storyId: window.storyId,
    winnerId: window.winnerId,
    status: window.status,
    reason: window.reason,
    amountMinor: window.amountMinor,
    currency: window.currency,
    shippingCountry: window.shippingCountry,
    shippingMinor: window.shippingMinor,
    opensAt: window.opensAt.toISOString(),
    expiresAt: window.expiresAt.toISOString(),
    checkoutUrl,
  };
}
