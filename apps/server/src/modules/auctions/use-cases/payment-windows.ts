/**
 * Payment windows after they open: reading them, paid (called by the payments module inside its
 * own transaction), expired (the timer, or the payments module when a checkout expires), and the
 * reminders before expiry.
 */
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client';
import { enqueue } from '../../../platform/jobs';
import { DomainError } from '../../../platform/errors';
import type { Caller } from '../../../platform/http/types';
import type { AuctionsDeps, PaymentWindowView } from '../deps';
import { money } from '../../../platform/i18n';
import { notice } from '../../notifications';
import { auctionMessages } from '../messages';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { liveMessage, userChannel } from '../effects/live';
import { cancelWindowTimers, jobKeys, TASKS } from '../effects/timers';
import { presentWindow } from '../present';
import { appendStoryEvent } from '../repo/auction-repo';
import { lockMarket, supersedePendingOffers, updateMarket } from '../repo/market-repo';
import { addStrike, closeWindow, findWindow, latestWindowOf } from '../repo/payment-repo';
import { expirePayment, markPaid } from '../rules';
import type { paymentWindowView } from '../schemas';
import { lockedStoryTerms } from './story-market';
import { tryTransition } from './transition';

export type PaymentWindowAnswer = z.infer<typeof paymentWindowView>;

/**
 * The window with its hosted checkout (from the payments module, once it is plugged in). With
 * `tolerant`, a payment provider outage leaves `checkoutUrl` null instead of failing the answer.
 */
export async function windowAnswer(
  deps: AuctionsDeps,
  window: PaymentWindowView,
  options: { tolerant?: boolean } = {},
): Promise<PaymentWindowAnswer> {
  if (window.status !== 'open') return presentWindow(window, null);
  try {
    return presentWindow(window, await deps.payments().checkoutUrlFor(window));
  } catch (err) {
    if (!options.tolerant) throw err;
    deps.logger.warn({ err, windowId: window.id }, 'no checkout for a payment window yet');
    return presentWindow(window, null);
  }
}

function mayRead(window: PaymentWindowView, caller: Caller): boolean {
  return caller.userId === window.winnerId || caller.userId === window.makerId || caller.roles.includes('admin');
}

/** The auction's latest payment window, for its winner or its maker. */
export async function auctionPayment(
  deps: AuctionsDeps,
  auctionId: string,
  caller: Caller,
): Promise<PaymentWindowAnswer> {
  const window = await latestWindowOf(deps.db, auctionId);
  if (window === null) throw new DomainError('no_payment_window', 'This auction has no payment window');
  if (!mayRead(window, caller))
    throw new DomainError('not_payment_party', 'Only the winner and the maker can see the payment');
  return windowAnswer(deps, window);
}

export async function paymentWindow(
  deps: AuctionsDeps,
  windowId: string,
  caller: Caller,
): Promise<PaymentWindowAnswer> {
  const window = await findWindow(deps.db, windowId);
  if (window === null || !mayRead(window, caller))
    throw new DomainError('payment_window_not_found', 'No such payment window');
  return windowAnswer(deps, window);
}

export interface PaidResult {
  /** False when the window was no longer open (expired or cancelled): the payment should be refunded. */
  paid: boolean;
  window: PaymentWindowView;
}

/**
 * Records a successful payment of a window, in the caller's transaction (idempotent); its live
 * updates go out once that transaction has committed.
 */
export async function markWindowPaid(deps: AuctionsDeps, tx: Executor, windowId: string): Promise<PaidResult> {
  const peek = await findWindow(tx, windowId);
  if (peek === null) throw new DomainError('payment_window_not_found', 'No such payment window');
  if (peek.auctionId !== null) {
    const outcome = await tryTransition(deps, tx, peek.auctionId, 'none', async ({ state }, now) => {
      const window = await findWindow(tx, windowId, { lock: true });
      if (window?.status !== 'open') return { ok: true, state, events: [] };
      return markPaid(state, now);
    });
    if (outcome.ok) publishLiveAfterCommit(deps, tx, outcome.live);
    const window = (await findWindow(tx, windowId))!;
    return { paid: window.status === 'paid', window };
  }
  await lockedStoryTerms(deps, tx, peek.storyId);
  await lockMarket(tx, peek.storyId);
  const window = (await findWindow(tx, windowId, { lock: true }))!;
  if (window.status === 'open') {
    const now = deps.clock.now();
    await closeWindow(tx, windowId, 'paid', now);
    await cancelWindowTimers(tx, windowId);
    await updateMarket(tx, window.storyId, { soldAt: now, reservedWindowId: null, reservedUntil: null });
    await supersedePendingOffers(tx, window.storyId, now);
    await appendStoryEvent(tx, { storyId: window.storyId, type: 'buy_now_paid', at: now, data: { windowId } });
    publishLiveAfterCommit(deps, tx, [
      liveMessage(userChannel(window.winnerId), 'payment_window_paid', { windowId, storyId: window.storyId }),
    ]);
  }
  const after = (await findWindow(tx, windowId))!;
  return { paid: after.status === 'paid', window: after };
}

/** Closes a window whose time is up: strike for the winner, the maker chooses what next. Early calls re-arm. */
export async function expireWindow(deps: AuctionsDeps, windowId: string): Promise<void> {
  const peek = await findWindow(deps.db, windowId);
  if (peek?.status !== 'open') return;
  if (peek.auctionId !== null) {
    const auctionId = peek.auctionId;
    await deps.db.transaction(async (tx) => {
      const outcome = await tryTransition(deps, tx, auctionId, 'none', async ({ state }, now) => {
        const window = await findWindow(tx, windowId, { lock: true });
        if (window?.status !== 'open') return { ok: true, state, events: [] };
        return expirePayment(state, now);
      });
      if (outcome.ok) return publishLiveAfterCommit(deps, tx, outcome.live);
      if (outcome.code === 'payment_window_open') await rearmExpiry(tx, windowId, peek.expiresAt);
    });
    return;
  }
  await deps.db.transaction(async (tx) => {
    const terms = await lockedStoryTerms(deps, tx, peek.storyId);
    await lockMarket(tx, peek.storyId);
    const window = await findWindow(tx, windowId, { lock: true });
    if (window?.status !== 'open') return;
    const now = deps.clock.now();
    if (now.getTime() < window.expiresAt.getTime()) return rearmExpiry(tx, windowId, window.expiresAt);
    await closeWindow(tx, windowId, 'expired', now);
    await cancelWindowTimers(tx, windowId);
    await addStrike(tx, window.winnerId, windowId, now);
    await updateMarket(tx, window.storyId, { reservedWindowId: null, reservedUntil: null });
    await appendStoryEvent(tx, {
      storyId: window.storyId,
      type: 'buy_now_expired',
      at: now,
      data: { windowId, buyerId: window.winnerId },
    });
    await deps.notifications.notify(tx, {
      userId: window.winnerId,
      kind: 'payment_expired',
      message: notice(auctionMessages, 'buyNowExpiredBuyer', { title: terms.title }),
      link: `/stories/${window.storyId}`,
      data: { storyId: window.storyId, windowId },
      dedupeKey: `payment_expired:${windowId}`,
    });
    await deps.notifications.notify(tx, {
      userId: window.makerId,
      kind: 'payment_expired',
      message: notice(auctionMessages, 'buyNowExpiredMaker', { title: terms.title }),
      link: `/stories/${window.storyId}`,
      data: { storyId: window.storyId, windowId },
      dedupeKey: `payment_expired:${windowId}:maker`,
    });
  });
}

async function rearmExpiry(tx: Executor, windowId: string, expiresAt: Date): Promise<void> {
  await enqueue(tx, TASKS.paymentExpiry, { windowId }, { jobKey: jobKeys.paymentExpiry(windowId), runAt: expiresAt });
}

/** Reminds the winner to pay while the window is open. */
export async function remindToPay(deps: AuctionsDeps, windowId: string, hoursBefore: number): Promise<void> {
  const window = await findWindow(deps.db, windowId);
  const now = deps.clock.now();
  if (window?.status !== 'open' || now.getTime() >= window.expiresAt.getTime()) return;
  const minutesLeft = Math.max(1, Math.round((window.expiresAt.getTime() - now.getTime()) / 60_000));
  const left =
    minutesLeft >= 90
      ? { unit: 'hours', count: Math.round(minutesLeft / 60) }
      : { unit: 'minutes', count: minutesLeft };
  await deps.db.transaction(async (tx) =>
    deps.notifications.notify(tx, {
      userId: window.winnerId,
      kind: 'payment_reminder',
      message: notice(auctionMessages, 'paymentReminder', {
        ...left,
        amount: money(window.amountMinor, window.currency),
      }),
      link: window.auctionId === null ? `/stories/${window.storyId}` : `/auctions/${window.auctionId}/payment`,
      data: { windowId, auctionId: window.auctionId, storyId: window.storyId, hoursBefore },
      dedupeKey: `payment_reminder:${windowId}:${hoursBefore}`,
    }),
  );
}
