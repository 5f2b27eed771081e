/**
 * The auction lifecycle as other modules may follow it (the watchlist reminds watchers): an
 * auction opened, its end moved by soft close, it ended or was cancelled. Listeners run inside the
 * transaction of the transition, so what they write (a job, a notification) commits with it.
 */
import type { Executor } from '../../../platform/db/client';
import type { AuctionEvent, AuctionState } from '../rules';

export type AuctionLifecycleEvent =
  | { type: 'auction.opened'; auctionId: string; storyId: string; makerId: string; openerId: string; endsAt: Date }
  | { type: 'auction.end_moved'; auctionId: string; storyId: string; endsAt: Date }
  | { type: 'auction.ended'; auctionId: string; storyId: string; makerId: string; sold: boolean }
  | { type: 'auction.cancelled'; auctionId: string; storyId: string };

export type AuctionLifecycleListener = (tx: Executor, event: AuctionLifecycleEvent) => Promise<void>;

export class AuctionLifecycleHub {
  private readonly listeners: AuctionLifecycleListener[] = [];

  add(listener: AuctionLifecycleListener): void {
    this.listeners.push(listener);
  }

  /** Gives listeners the lifecycle events among a transition's events, in order. */
  async emit(tx: Executor, after: AuctionState, events: readonly AuctionEvent[]): Promise<void> {
    if (this.listeners.length === 0) return;
    for (const event of events) {
      const lifecycle = lifecycleEventOf(after, event);
      if (lifecycle === null) continue;
      for (const listener of this.listeners) await listener(tx, lifecycle);
    }
  }
}

function lifecycleEventOf(after: AuctionState, event: AuctionEvent): AuctionLifecycleEvent | null {
  const base = { auctionId: after.id, storyId: after.storyId };
  switch (event.type) {
    case 'auction_started':
      return {
        ...base,
        type: 'auction.opened',
        makerId: after.makerId,
        openerId: event.bidderId,
        endsAt: event.endsAt,
      };
    case 'extended':
      return { ...base, type: 'auction.end_moved', endsAt: event.endsAt };
    case 'ended':
      return {
        ...base,
        type: 'auction.ended',
        makerId: after.makerId,
        sold: event.outcome !== 'no_bids' && event.outcome !== 'reserve_not_met',
      };
    case 'cancelled':
      return { ...base, type: 'auction.cancelled' };
    case 'bid_placed':
    case 'proxy_bid_placed':
    case 'max_raised':
    case 'outbid':
    case 'reserve_met':
    case 'payment_window_opened':
    case 'lapsed':
    case 'bid_voided':
    case 'payment_expired':
    case 'non_payment_strike':
    case 'paid':
      return null;
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
