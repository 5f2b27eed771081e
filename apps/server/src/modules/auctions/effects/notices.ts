/**
 * Notifications an auction transition causes, written in the transition's transaction (the
 * notifications module's outbox delivers them after commit). Each carries a dedupe key derived
 * from the event, so a retried transaction never notifies twice.
 */
import { formatMoney } from '@vw/domain';
import type { Executor } from '../../../platform/db/client';
import type { NotifyInput } from '../../notifications';
import type { NotificationsPort } from '../deps';
import type { AuctionEvent, AuctionState } from '../rules';

const storyLink = (storyId: string) => `/stories/${storyId}`;
const paymentLink = (auctionId: string) => `/auctions/${auctionId}/payment`;
const when = (date: Date) => date.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';

export interface NoticeContext {
  notifications: NotificationsPort;
  /** Every bidder of the auction (for "lost"), read lazily. */
  bidders: () => Promise<string[]>;
}

/** Sends the notices for the events of one transition. */
export async function sendNotices(
  tx: Executor,
  context: NoticeContext,
  after: AuctionState,
  events: readonly AuctionEvent[],
  version: number,
): Promise<void> {
  const notify = (input: NotifyInput) => context.notifications.notify(tx, input);
  const money = (amount: number) => formatMoney(amount, after.currency);
  const base = { data: { auctionId: after.id, storyId: after.storyId } };
  for (const event of events) {
    switch (event.type) {
      case 'auction_started':
        await notify({
          ...base,
          userId: after.makerId,
          kind: 'auction_started',
          title: 'Your auction has started',
          body: `An offer of ${money(event.amountMinor)} opened the auction. It ends at ${when(event.endsAt)}.`,
          link: storyLink(after.storyId),
          dedupeKey: `auction_started:${after.id}:maker`,
        });
        await notify({
          ...base,
          userId: event.bidderId,
          kind: 'auction_started',
          title: 'Your offer opened the auction',
          body: `Your ${money(event.amountMinor)} offer is the opening bid. The auction ends at ${when(event.endsAt)}.`,
          link: storyLink(after.storyId),
          dedupeKey: `auction_started:${after.id}:opener`,
        });
        break;
      case 'outbid':
        await notify({
          ...base,
          userId: event.bidderId,
          kind: 'outbid',
          title: 'You were outbid',
          body: `The high bid is now ${money(event.highBidMinor)}.`,
          link: storyLink(after.storyId),
          dedupeKey: `outbid:${after.id}:${version}`,
        });
        break;
      case 'ended':
        if (event.outcome === 'reserve_not_met' && after.makerDecisionDeadline !== null) {
          const deadline = when(after.makerDecisionDeadline);
          await notify({
            ...base,
            userId: after.makerId,
            kind: 'reserve_not_met',
            title: 'Reserve not met',
            body: `The top bid is ${money(event.highBidMinor ?? 0)}. You can accept it until ${deadline}.`,
            link: storyLink(after.storyId),
            dedupeKey: `reserve_not_met:${after.id}:maker`,
          });
          if (event.leaderId !== null) {
            await notify({
              ...base,
              userId: event.leaderId,
              kind: 'reserve_not_met',
              title: 'The reserve was not met',
              body: `The maker may still accept your ${money(event.highBidMinor ?? 0)} bid until ${deadline}.`,
              link: storyLink(after.storyId),
              dedupeKey: `reserve_not_met:${after.id}:leader`,
            });
          }
        }
        break;
      case 'payment_window_opened': {
        const secondChance = event.reason === 'second_chance';
        await notify({
          ...base,
          userId: event.winnerId,
          kind: secondChance ? 'second_chance_offer' : 'won',
          title: secondChance ? 'The piece is offered to you' : 'You won the auction',
          body: `Pay ${money(event.amountMinor)} by ${when(event.expiresAt)} to complete the purchase.`,
          link: paymentLink(after.id),
          dedupeKey: `window:${after.id}:${event.winnerId}:${event.at.getTime()}`,
        });
        if (!secondChance) {
          for (const bidder of await context.bidders()) {
            if (bidder === event.winnerId) continue;
            await notify({
              ...base,
              userId: bidder,
              kind: 'lost',
              title: 'The auction is over',
              body: `Another bidder won at ${money(event.amountMinor)}.`,
              link: storyLink(after.storyId),
              dedupeKey: `lost:${after.id}`,
            });
          }
        }
        break;
      }
      case 'lapsed':
        if (event.leaderId !== null) {
          await notify({
            ...base,
            userId: event.leaderId,
            kind: 'lost',
            title: 'The auction closed without a sale',
            body: 'The reserve was not met and the maker did not accept the top bid.',
            link: storyLink(after.storyId),
            dedupeKey: `lost:${after.id}`,
          });
        }
        break;
      case 'payment_expired':
        await notify({
          ...base,
          userId: event.winnerId,
          kind: 'payment_expired',
          title: 'Your payment window expired',
          body: 'The piece was not paid for in time, and a non-payment strike was recorded on your account.',
          link: storyLink(after.storyId),
          dedupeKey: `payment_expired:${after.id}:${event.winnerId}`,
        });
        await notify({
          ...base,
          userId: after.makerId,
          kind: 'payment_expired',
          title: 'The winner did not pay',
          body: 'You can offer the piece to the next-highest bidder at their last bid, or relist it.',
          link: storyLink(after.storyId),
          dedupeKey: `payment_expired:${after.id}:maker:${event.winnerId}`,
        });
        break;
      case 'bid_placed':
      case 'proxy_bid_placed':
      case 'max_raised':
      case 'extended':
      case 'reserve_met':
      case 'bid_voided':
      case 'non_payment_strike':
      case 'paid':
      case 'cancelled':
        break;
      default: {
        const exhaustive: never = event;
        void exhaustive;
      }
    }
  }
}
