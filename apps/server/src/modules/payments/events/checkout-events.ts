/** Checkout outcomes: a completed payment, an expired session, a declined attempt. */
import { randomUUID } from 'node:crypto';
import { notice } from '../../notifications';
import { paymentMessages } from '../messages';
import { lockSubject } from '../repo/events';
import { findPaymentByWindow, insertPayment, updatePayment } from '../repo/money';
import { findSessionByProviderId, findSessionByWindow, recordFailedAttempt, setSessionStatus } from '../repo/sessions';
import { isUuid } from '../rules';
import { reserveRefund } from '../refunds/reserve-refund';
import { checkoutSessionSchema, paymentIntentSchema, shippingOf } from './parse';
import { applied, ignored, intentSubject, type ApplyContext, type ApplyResult } from './result';

/**
 * A paid checkout: records the payment once per window, marks the window paid and creates the
 * order — or, when the window had already closed, refunds the payment in full and creates nothing.
 */
export async function applyCheckoutCompleted(ctx: ApplyContext, object: Record<string, unknown>): Promise<ApplyResult> {
  const parsed = checkoutSessionSchema.safeParse(object);
  if (!parsed.success) return ignored('not a checkout session');
  const session = parsed.data;
  const row = await findSessionByProviderId(ctx.tx, session.id);
  if (!row) return ignored('unknown checkout session');
  if (session.payment_status !== 'paid') return ignored(`payment status ${session.payment_status ?? 'unknown'}`);
  // Checkout Sessions in payment mode always carry their payment intent once paid.
  const paymentIntentId = session.payment_intent ?? `pi_for_${session.id}`;
  const { tx, now, deps } = ctx;

  await lockSubject(tx, `window:${row.windowId}`);
  await lockSubject(tx, intentSubject(paymentIntentId));
  await setSessionStatus(tx, row.windowId, 'completed', now);
  if (await findPaymentByWindow(tx, row.windowId)) return applied('the window was already paid');

  const marked = await deps.auctions.markPaid(tx, row.windowId);
  const outcome = marked.paid ? 'paid' : 'closed';
  const payment = await insertPayment(tx, {
    id: randomUUID(),
    windowId: row.windowId,
    provider: row.provider,
    providerSessionId: session.id,
    paymentIntentId,
    buyerId: row.buyerId,
    makerId: row.makerId,
    amountMinor: row.amountMinor + row.shippingMinor,
    currency: row.currency,
    shippingMinor: row.shippingMinor,
    feeMinor: row.feeMinor,
    chargeMode: row.chargeMode,
    destinationAccountId: row.destinationAccountId,
    outcome: outcome === 'paid' ? 'order' : 'late_refund',
    paidAt: now,
  });
  if (!payment) return applied('the payment intent was already recorded');

  if (outcome === 'closed') {
    await reserveRefund(deps, tx, {
      paymentId: payment.id,
      orderId: null,
      amountMinor: null,
      reason: 'payment_window_closed',
      requestedBy: null,
      sendAfterSeconds: 0,
    });
    await deps.notifications.notify(tx, {
      userId: row.buyerId,
      kind: 'refunded',
      message: notice(paymentMessages, 'lateRefund', { title: row.itemTitle }),
      data: { windowId: row.windowId, paymentId: payment.id },
      dedupeKey: `late-payment:${payment.id}`,
    });
    ctx.publish({
      channel: `user:${row.buyerId}`,
      type: 'payment.updated',
      data: { windowId: row.windowId, status: 'refunding', paymentId: payment.id },
    });
  } else {
    const order = await deps.orders().createFromPayment(tx, {
      windowId: row.windowId,
      paymentId: payment.id,
      auctionId: row.auctionId,
      storyId: row.storyId,
      buyerId: row.buyerId,
      makerId: row.makerId,
      itemTitle: row.itemTitle,
      amountMinor: payment.amountMinor,
      shippingMinor: payment.shippingMinor,
      feeMinor: row.feeMinor,
      currency: row.currency,
      paidAt: now,
      shippingAddress: shippingOf(session),
    });
    await updatePayment(tx, payment.id, { orderId: order.orderId });
    await deps.analytics().record(tx, {
      type: 'payment',
      storyId: row.storyId,
      makerId: row.makerId,
      userId: row.buyerId,
      auctionId: row.auctionId,
      amountMinor: row.amountMinor,
      currency: row.currency,
    });
    const data = { windowId: row.windowId, status: 'paid' as const, paymentId: payment.id, orderId: order.orderId };
    ctx.publish(...order.live, { channel: `user:${row.buyerId}`, type: 'payment.updated', data });
    ctx.publish({ channel: `user:${row.makerId}`, type: 'payment.updated', data });
  }
  await ctx.reapplyWaiting(intentSubject(paymentIntentId));
  return applied();
}

/** The provider's session ran out: nothing to pay any more (the window's own expiry is the auctions module's). */
export async function applyCheckoutExpired(ctx: ApplyContext, object: Record<string, unknown>): Promise<ApplyResult> {
  const parsed = checkoutSessionSchema.safeParse(object);
  if (!parsed.success) return ignored('not a checkout session');
  const row = await findSessionByProviderId(ctx.tx, parsed.data.id);
  if (!row) return ignored('unknown checkout session');
  await setSessionStatus(ctx.tx, row.windowId, 'expired', ctx.now);
  return applied();
}

/** A declined attempt: the window stays open and the buyer may try again. */
export async function applyPaymentFailed(ctx: ApplyContext, object: Record<string, unknown>): Promise<ApplyResult> {
  const parsed = paymentIntentSchema.safeParse(object);
  if (!parsed.success) return ignored('not a payment intent');
  const windowId = parsed.data.metadata?.windowId;
  const row = windowId && isUuid(windowId) ? await findSessionByWindow(ctx.tx, windowId) : null;
  if (!row) return ignored('not a payment of a known window');
  const message = parsed.data.last_payment_error?.message ?? 'The payment was declined';
  await recordFailedAttempt(ctx.tx, row.windowId, message, ctx.now);
  ctx.publish({
    channel: `user:${row.buyerId}`,
    type: 'payment.updated',
    data: { windowId: row.windowId, status: 'failed', message },
  });
  return applied();
}
