/**
 * Real-time messages a transition causes, published after commit (never before: a subscriber must
 * never see a bid that could still roll back). Messages carry the auction's `version`, because two
 * processes may publish in a different order than they committed; clients keep the highest.
 * Private facts (maximums, the reserve amount) are never published.
 */
import type { AuctionEvent, AuctionRulesConfig, AuctionState } from '../rules';
import { isReserveMet, nextBidMinimum } from '../rules';

export interface LiveMessage {
  channel: string;
  type: string;
  data: Record<string, unknown>;
}

export const auctionChannel = (auctionId: string) => `auction:${auctionId}`;
export const userChannel = (userId: string) => `user:${userId}`;

/** The public summary every auction message carries. */
export function liveSummary(
  state: AuctionState,
  facts: { version: number; bidCount: number; leaderAlias: string | null },
  rules: AuctionRulesConfig,
): Record<string, unknown> {
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
  summary: Record<string, unknown>,
): LiveMessage[] {
  const channel = auctionChannel(after.id);
  const out: LiveMessage[] = [];
  let bidShown = false;
  let statusShown = false;
  const status = () => {
    if (statusShown) return;
    statusShown = true;
    out.push({ channel, type: 'status_changed', data: summary });
  };
  for (const event of events) {
    switch (event.type) {
      case 'auction_started':
        out.push({ channel, type: 'auction_started', data: summary });
        out.push({ channel: `story:${after.storyId}`, type: 'auction_started', data: summary });
        break;
      case 'bid_placed':
      case 'proxy_bid_placed':
        // One message per request: the state after all the proxy bids it caused.
        if (!bidShown) out.push({ channel, type: 'bid_placed', data: summary });
        bidShown = true;
        break;
      case 'extended':
        out.push({
          channel,
          type: 'extended',
          data: { ...summary, previousEndsAt: event.previousEndsAt.toISOString(), endsAt: event.endsAt.toISOString() },
        });
        break;
      case 'ended':
        out.push({
          channel,
          type: 'ended',
          data: { ...summary, outcome: event.outcome, winnerId: after.winnerId },
        });
        statusShown = true;
        break;
      case 'outbid':
        out.push({
          channel: userChannel(event.bidderId),
          type: 'outbid',
          data: summary,
        });
        break;
      case 'bid_voided':
        out.push({ channel, type: 'bid_voided', data: { ...summary, bidId: event.bidId } });
        break;
      case 'payment_window_opened':
        out.push({
          channel: userChannel(event.winnerId),
          type: 'payment_window_opened',
          data: {
            auctionId: after.id,
            storyId: after.storyId,
            amountMinor: event.amountMinor,
            currency: event.currency,
            expiresAt: event.expiresAt.toISOString(),
            reason: event.reason,
          },
        });
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
