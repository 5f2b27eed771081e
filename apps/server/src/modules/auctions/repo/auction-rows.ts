/** Rows ⇄ the rules' `AuctionState`: the one place that knows how an auction is stored. */
import type { AuctionBid, AuctionEvent, AuctionState, ProxyMaximum } from '../rules';
import type { AuctionRow, BidRow, auctions, auctionEvents, bids, maxima } from '../tables';

type MaximumRow = typeof maxima.$inferSelect;

/** The state as the rules see it; `bids` holds only the rows the caller chose to load. */
export function stateOf(row: AuctionRow, bidRows: readonly BidRow[], maximumRows: readonly MaximumRow[]): AuctionState {
  return {
    id: row.id,
    storyId: row.storyId,
    makerId: row.makerId,
    status: row.status,
    currency: row.currency,
    reserveMinor: row.reserveMinor,
    openingMinimumMinor: row.openingMinimumMinor,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    bids: [...bidRows].sort((a, b) => a.sequence - b.sequence).map(bidOf),
    maxima: maximumRows.map((m): ProxyMaximum => ({
      bidderId: m.bidderId,
      maxAmountMinor: m.maxAmountMinor,
      setAt: m.setAt,
      setSequence: m.setSequence,
    })),
    leaderId: row.leaderId,
    highBidMinor: row.highBidMinor,
    lastSequence: row.lastSequence,
    endedAt: row.endedAt,
    makerDecisionDeadline: row.makerDecisionDeadline,
    winnerId: row.winnerId,
    winningAmountMinor: row.winningAmountMinor,
    winnerSource: row.winnerSource,
    paymentDueAt: row.paymentDueAt,
    failedWinnerIds: row.failedWinnerIds,
  };
}

export function bidOf(row: BidRow): AuctionBid {
  return {
    id: row.id,
    bidderId: row.bidderId,
    amountMinor: row.amountMinor,
    maxAmountMinor: row.maxAmountMinor,
    createdAt: row.createdAt,
    sequence: row.sequence,
    kind: row.kind,
    requestId: row.requestId,
    voided: row.voided,
    voidReason: row.voidReason,
  };
}

/** The auction row's columns that follow the state (everything but bookkeeping). */
export function auctionColumns(
  state: AuctionState,
): Omit<typeof auctions.$inferInsert, 'bidCount' | 'version' | 'createdAt' | 'updatedAt' | 'endingSoonNotifiedAt'> {
  return {
    id: state.id,
    storyId: state.storyId,
    makerId: state.makerId,
    status: state.status,
    currency: state.currency,
    reserveMinor: state.reserveMinor,
    openingMinimumMinor: state.openingMinimumMinor,
    startsAt: state.startsAt,
    endsAt: state.endsAt,
    leaderId: state.leaderId,
    highBidMinor: state.highBidMinor,
    lastSequence: state.lastSequence,
    endedAt: state.endedAt,
    makerDecisionDeadline: state.makerDecisionDeadline,
    winnerId: state.winnerId,
    winningAmountMinor: state.winningAmountMinor,
    winnerSource: state.winnerSource,
    paymentDueAt: state.paymentDueAt,
    failedWinnerIds: state.failedWinnerIds,
  };
}

export function bidRowOf(auctionId: string, bid: AuctionBid): typeof bids.$inferInsert {
  return {
    id: bid.id,
    auctionId,
    sequence: bid.sequence,
    bidderId: bid.bidderId,
    kind: bid.kind,
    amountMinor: bid.amountMinor,
    maxAmountMinor: bid.maxAmountMinor,
    requestId: bid.requestId,
    voided: bid.voided,
    voidReason: bid.voidReason,
    createdAt: bid.createdAt,
  };
}

/** Shown and standing: what `bidCount` counts. */
export function countsAsShown(bid: AuctionBid): boolean {
  return bid.kind !== 'max_raise' && !bid.voided;
}

/** An event as a log row: the type and time in columns, the rest as JSON (dates as ISO strings). */
export function eventRowOf(storyId: string, event: AuctionEvent): typeof auctionEvents.$inferInsert {
  const { auctionId, type, at, ...rest } = event;
  return { auctionId, storyId, type, at, data: JSON.parse(JSON.stringify(rest)) as Record<string, unknown> };
}
