/** Charge events: refunds and chargebacks, possibly arriving before the payment they concern. */
import { lockSubject } from '../repo/events';
import { findPaymentByIntent, noteProviderRefund, updatePayment } from '../repo/money';
import { recordRefunded } from '../refunds/send-refund';
import { chargeSchema, disputeSchema } from './parse';
import { applied, deferred, ignored, intentSubject, type ApplyContext, type ApplyResult } from './result';

/**
 * The provider's cumulative refunded amount for a charge. Applied as a maximum, so refunds we
 * asked for, refunds made in the provider's dashboard and redeliveries in any order agree.
 */
export async function applyChargeRefunded(ctx: ApplyContext, object: Record<string, unknown>): Promise<ApplyResult> {
  const parsed = chargeSchema.safeParse(object);
  if (!parsed.success || !parsed.data.payment_intent) return ignored('not a charge of a payment intent');
  const charge = parsed.data;
  const subject = intentSubject(charge.payment_intent!);
  await lockSubject(ctx.tx, subject);
  const payment = await findPaymentByIntent(ctx.tx, charge.payment_intent!);
  if (!payment) return deferred(subject, 'the payment has not been recorded yet');
  const refunded = Math.min(charge.amount_refunded, payment.amountMinor);
  ctx.publish(...(await recordRefunded(ctx.deps, ctx.tx, payment.id, null, refunded)));
  // Refunded outside this server (the provider's dashboard) counts against what is left.
  await noteProviderRefund(ctx.tx, payment.id, charge.id, refunded);
  return applied();
}

/** A chargeback: the order is marked disputed (the provider holds the money meanwhile). */
export async function applyDisputeCreated(ctx: ApplyContext, object: Record<string, unknown>): Promise<ApplyResult> {
  const parsed = disputeSchema.safeParse(object);
  if (!parsed.success || !parsed.data.payment_intent) return ignored('not a dispute of a payment intent');
  const subject = intentSubject(parsed.data.payment_intent);
  await lockSubject(ctx.tx, subject);
  const payment = await findPaymentByIntent(ctx.tx, parsed.data.payment_intent);
  if (!payment) return deferred(subject, 'the payment has not been recorded yet');
  if (payment.disputedAt) return applied('already disputed');
  if (payment.outcome === 'order') {
    const reason = `chargeback: ${parsed.data.reason ?? 'unspecified'}`;
    ctx.publish(...(await ctx.deps.orders().disputeOpened(ctx.tx, { paymentId: payment.id, reason })));
  }
  await updatePayment(ctx.tx, payment.id, { disputedAt: ctx.now });
  return applied();
}
