/**
 * Real-time messages a transition causes, published after commit (never before: a subscriber must
 * never see a bid that could still roll back). Messages carry the auction's `version`, because two
 * processes may publish in a different order than they committed; clients keep the highest.
 * Private facts (maximums, the reserve amount) are never published.
 */
import {
  auctionChannel,
  liveMessage,
  storyChannel,
  userChannel,
  type AuctionSummary,
  type LiveMessage,
} from '@vw/domain';
import type { AuctionEvent, AuctionRulesConfig, AuctionState } from '../rules';
import { isReserveMet, nextBidMinimum } from '../rules';

export { auctionChannel, liveMessage, userChannel, type LiveMessage };

/** The public summary every auction message carries. */
export function liveSummary(
  state: AuctionState,
  facts: { version: number; bidCount: number; leaderAlias: string | null },
  rules: AuctionRulesConfig,
): AuctionSummary {
  return {
    auctionId: state.id,
    storyId: state.storyId,
    status: state.status,
    amountMinor: state.highBidMinor,
    highBidMinor: state.highBidMinor,
    currency: state.currency,
    leaderId: state.leaderId,
    leaderAlias: facts.leaderAlias,
    reserveMet: isReserveMet(state),
    endsAt: state.endsAt.toISOString(),
    minNextBidMinor: state.status === 'active' ? nextBidMinimum(state, rules) : null,
    bidCount: facts.bidCount,
    version: facts.version,
  };
}

/** Messages for one committed transition. */
export function liveMessages(
  after: AuctionState,
  events: readonly AuctionEvent[],
  summary: AuctionSummary,
): LiveMessage[] {
  const channel = auctionChannel(after.id);
  const out: LiveMessage[] = [];
  let bidShown = false;
  let statusShown = false;
  const status = () => {
    if (statusShown) return;
    statusShown = true;
    out.push(liveMessage(channel, 'status_changed', summary));
  };
  for (const event of events) {
    switch (event.type) {
      case 'auction_started':
        out.push(liveMessage(channel, 'auction_started', summary));
        out.push(liveMessage(storyChannel(after.storyId), 'auction_started', summary));
        break;
      case 'bid_placed':
      case 'proxy_bid_placed':
        // One message per request: the state after all the proxy bids it caused.
        if (!bidShown) out.push(liveMessage(channel, 'bid_placed', summary));
        bidShown = true;
        break;
      case 'extended':
        out.push(
          liveMessage(channel, 'extended', {
            ...summary,
            previousEndsAt: event.previousEndsAt.toISOString(),
            endsAt: event.endsAt.toISOString(),
          }),
        );
        break;
      case 'ended':
        out.push(liveMessage(channel, 'ended', { ...summary, outcome: event.outcome, winnerId: after.winnerId }));
        statusShown = true;
        break;
      case 'outbid':
        out.push(liveMessage(userChannel(event.bidderId), 'outbid', summary));
        break;
      case 'bid_voided':
        out.push(liveMessage(channel, 'bid_voided', { ...summary, bidId: event.bidId }));
        break;
      case 'payment_window_opened':
        out.push(
          liveMessage(userChannel(event.winnerId), 'payment_window_opened', {
            auctionId: after.id,
            storyId: after.storyId,
            amountMinor: event.amountMinor,
            currency: event.currency,
            expiresAt: event.expiresAt.toISOString(),
            reason: event.reason,
          }),
        );
        status();
        break;
      case 'lapsed':
      case 'paid':
      case 'payment_expired':
      case 'cancelled':
        status();
        break;
      case 'max_raised':
      case 'reserve_met':
      case 'non_payment_strike':
        break;
      default: {
        const exhaustive: never = event;
        void exhaustive;
      }
    }
  }
  return out;
}
