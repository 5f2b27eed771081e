/**
 * Everything a committed-to-be transition implies besides its own rows, done in the same
 * transaction: timers armed or cancelled, payment windows and strikes recorded, notifications
 * written. Returns the live messages to publish once the transaction has committed.
 */
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../../platform/db/client';
import { afterCommit } from '../../../platform/db/unit-of-work';
import type { AuctionsDeps, PaymentWindowView } from '../deps';
import { biddersOf, leaderAliasOf } from '../repo/auction-repo';
import { updateMarket } from '../repo/market-repo';
import { addStrike, closeWindow, insertWindow, openWindowOfAuction } from '../repo/payment-repo';
import type { AuctionEvent, AuctionState } from '../rules';
import type { AuctionRow } from '../tables';
import { liveMessages, liveSummary, type LiveMessage } from './live';
import { sendNotices } from './notices';
import { armEndTimers, armLapse, cancelAuctionTimers, cancelWindowTimers, armWindowTimers } from './timers';
import { cancelJob } from '../../../platform/jobs';
import { jobKeys } from './timers';
import { winnerDestination } from '../use-cases/shipping';

export interface Transition {
  after: AuctionState;
  row: AuctionRow;
  events: AuctionEvent[];
  now: Date;
  /** The leader's pseudonym, when the caller already has it. */
  leaderAlias?: string | null;
}

export interface Effects {
  live: LiveMessage[];
  leaderAlias: string | null;
}

export async function applyEffects(deps: AuctionsDeps, tx: Executor, transition: Transition): Promise<Effects> {
  const { after, row, events, now } = transition;
  let expiredWindowId: string | null = null;
  for (const event of events) {
    switch (event.type) {
      case 'auction_started':
        await updateMarket(tx, after.storyId, { currentAuctionId: after.id });
        await armEndTimers(tx, after, deps.rules, now, false);
        break;
      case 'extended':
        await armEndTimers(tx, after, deps.rules, now, row.endingSoonNotifiedAt !== null);
        break;
      case 'ended':
        deps.metrics.auctionEnded(event.outcome);
        await cancelJob(tx, jobKeys.endingSoon(after.id));
        if (after.status === 'ended' && after.makerDecisionDeadline !== null) {
          await armLapse(tx, after.id, after.makerDecisionDeadline);
        }
        break;
      case 'payment_window_opened': {
        await cancelJob(tx, jobKeys.lapse(after.id));
        const destination = await winnerDestination(deps, tx, { storyId: after.storyId, winnerId: event.winnerId });
        const window: PaymentWindowView = {
          id: randomUUID(),
          auctionId: after.id,
          storyId: after.storyId,
          makerId: after.makerId,
          winnerId: event.winnerId,
          amountMinor: event.amountMinor,
          currency: event.currency,
          ...destination,
          reason: event.reason,
          status: 'open',
          opensAt: event.at,
          expiresAt: event.expiresAt,
        };
        await insertWindow(tx, window);
        await armWindowTimers(tx, window);
        break;
      }
      case 'paid': {
        const open = await openWindowOfAuction(tx, after.id);
        if (open !== null) {
          await closeWindow(tx, open.id, 'paid', now);
          await cancelWindowTimers(tx, open.id);
        }
        break;
      }
      case 'payment_expired': {
        const open = await openWindowOfAuction(tx, after.id);
        if (open !== null) {
          await closeWindow(tx, open.id, 'expired', now);
          await cancelWindowTimers(tx, open.id);
          expiredWindowId = open.id;
        }
        break;
      }
      case 'non_payment_strike':
        if (expiredWindowId !== null) await addStrike(tx, event.userId, expiredWindowId, now);
        break;
      case 'cancelled':
      case 'lapsed':
        await cancelAuctionTimers(tx, after.id);
        break;
      case 'bid_placed':
      case 'proxy_bid_placed':
      case 'max_raised':
      case 'outbid':
      case 'reserve_met':
      case 'bid_voided':
        break;
      default: {
        const exhaustive: never = event;
        void exhaustive;
      }
    }
  }
  // Search filters and sorts on the live auction's high bid and end: kept current with every transition.
  await deps.stories.auctionChanged(tx, {
    storyId: after.storyId,
    live: after.status === 'active',
    highBidMinor: after.highBidMinor,
    endsAt: after.endsAt,
  });
  await deps.lifecycle.emit(tx, after, events);
  await sendNotices(
    tx,
    { notifications: deps.notifications, bidders: () => biddersOf(tx, after.id) },
    after,
    events,
    row.version,
  );
  const leaderAlias = transition.leaderAlias !== undefined ? transition.leaderAlias : await leaderAliasOf(tx, after);
  const summary = liveSummary(after, { version: row.version, bidCount: row.bidCount, leaderAlias }, deps.rules);
  return { live: liveMessages(after, events, summary), leaderAlias };
}

/**
 * Publishes now; a lost message is logged by the realtime layer, never thrown. Loosely typed: it
 * also sends what publish jobs queued before `afterCommit` existed still carry.
 */
export async function publishLive(
  deps: AuctionsDeps,
  messages: readonly { channel: string; type: string; data: unknown }[],
): Promise<void> {
  for (const message of messages) await deps.realtime.publish(message.channel, message.type, message.data);
}

/** Each process's publishing, in commit order: one chain per module instance. */
const publishing = new WeakMap<AuctionsDeps, Promise<void>>();

/**
 * Publishes once the transaction `tx` has committed — never before (a subscriber must never see a
 * bid that could still roll back) and never after a rollback, including a savepoint's. The answer
 * to the request does not wait for the publishing: it is queued behind what this process committed
 * before, so messages still leave in commit order.
 */
export function publishLiveAfterCommit(deps: AuctionsDeps, tx: Executor, messages: readonly LiveMessage[]): void {
  if (messages.length === 0) return;
  afterCommit(tx, () => {
    const next = (publishing.get(deps) ?? Promise.resolve()).then(() => publishLive(deps, messages));
    publishing.set(deps, next);
  });
}
