/**
 * Notifications an auction transition causes, written in the transition's transaction (the
 * notifications module's outbox delivers them after commit). Each carries a dedupe key derived
 * from the event, so a retried transaction never notifies twice.
 */
import type { Executor } from '../../../platform/db/client';
import { instant, money } from '../../../platform/i18n';
import { notice, type NotifyInput, type Superseding } from '../../notifications';
import type { NotificationsPort } from '../deps';
import { auctionMessages } from '../messages';
import type { AuctionEvent, AuctionState } from '../rules';

const storyLink = (storyId: string) => `/stories/${storyId}`;
const paymentLink = (auctionId: string) => `/auctions/${auctionId}/payment`;

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
  const notify = (input: NotifyInput & Superseding) => context.notifications.notify(tx, input);
  const amount = (minor: number) => money(minor, after.currency);
  const base = { data: { auctionId: after.id, storyId: after.storyId } };
  for (const event of events) {
    switch (event.type) {
      case 'auction_started':
        await notify({
          ...base,
          userId: after.makerId,
          kind: 'auction_started',
          message: notice(auctionMessages, 'auctionStartedMaker', {
            amount: amount(event.amountMinor),
            endsAt: instant(event.endsAt),
          }),
          link: storyLink(after.storyId),
          dedupeKey: `auction_started:${after.id}:maker`,
        });
        await notify({
          ...base,
          userId: event.bidderId,
          kind: 'auction_started',
          message: notice(auctionMessages, 'auctionStartedOpener', {
            amount: amount(event.amountMinor),
            endsAt: instant(event.endsAt),
          }),
          link: storyLink(after.storyId),
          dedupeKey: `auction_started:${after.id}:opener`,
        });
        break;
      case 'outbid':
        await notify({
          ...base,
          userId: event.bidderId,
          kind: 'outbid',
          message: notice(auctionMessages, 'outbid', { amount: amount(event.highBidMinor) }),
          link: storyLink(after.storyId),
          dedupeKey: `outbid:${after.id}:${version}`,
          // A bidding war outbids the same person again and again: their devices hear the latest.
          supersedeKey: `outbid:${after.id}`,
        });
        break;
      case 'ended':
        if (event.outcome === 'reserve_not_met' && after.makerDecisionDeadline !== null) {
          const deadline = instant(after.makerDecisionDeadline);
          const top = amount(event.highBidMinor ?? 0);
          await notify({
            ...base,
            userId: after.makerId,
            kind: 'reserve_not_met',
            message: notice(auctionMessages, 'reserveNotMetMaker', { amount: top, deadline }),
            link: storyLink(after.storyId),
            dedupeKey: `reserve_not_met:${after.id}:maker`,
          });
          if (event.leaderId !== null) {
            await notify({
              ...base,
              userId: event.leaderId,
              kind: 'reserve_not_met',
              message: notice(auctionMessages, 'reserveNotMetLeader', { amount: top, deadline }),
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
          message: notice(auctionMessages, secondChance ? 'secondChance' : 'won', {
            amount: amount(event.amountMinor),
            expiresAt: instant(event.expiresAt),
          }),
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
              message: notice(auctionMessages, 'lost', { amount: amount(event.amountMinor) }),
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
            message: notice(auctionMessages, 'lapsed'),
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
          message: notice(auctionMessages, 'paymentExpiredWinner'),
          link: storyLink(after.storyId),
          dedupeKey: `payment_expired:${after.id}:${event.winnerId}`,
        });
        await notify({
          ...base,
          userId: after.makerId,
          kind: 'payment_expired',
          message: notice(auctionMessages, 'paymentExpiredMaker'),
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
