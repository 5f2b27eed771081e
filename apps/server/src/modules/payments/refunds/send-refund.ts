import type { Executor } from '../../../platform/db/client';
import { cancelJob } from '../../../platform/jobs';
import { publishAfterCommit, type LiveMessage, type PaymentsDeps } from '../deps';
import { isPaymentsUnavailable } from '../providers';
import { ProviderRejectedError } from '../providers/provider';
import { lockSubject } from '../repo/events';
import {
  findPayment,
  findRefund,
  raiseRefunded,
  settleRefund,
  succeededRefundTotal,
  updatePayment,
} from '../repo/money';
import type { RefundRow } from '../tables';
import { sendRefundJobKey } from './reserve-refund';

/**
 * Asks the provider for a reserved refund (idempotency key: the refund's id) and records the
 * outcome. While the provider is down the refund stays `pending` and its job retries; a refusal
 * marks it `failed` and gives the reserved amount back.
 */
export async function sendRefund(deps: PaymentsDeps, refundId: string): Promise<RefundRow> {
  const refund = await findRefund(deps.db, refundId);
  if (!refund) throw new Error(`refund ${refundId} does not exist`);
  if (refund.status !== 'pending') return refund;
  const payment = await findPayment(deps.db, refund.paymentId);
  if (!payment) throw new Error(`payment ${refund.paymentId} does not exist`);

  let outcome: { status: 'succeeded'; providerRefundId: string } | { status: 'failed'; failureMessage: string };
  try {
    const answer = await deps.provider.refund({
      paymentIntentId: payment.paymentIntentId,
      amountMinor: refund.amountMinor,
      reverseTransfer: payment.chargeMode === 'destination',
      idempotencyKey: `refund:${refund.id}`,
    });
    outcome =
      answer.status === 'failed'
        ? { status: 'failed', failureMessage: 'The provider could not refund this payment' }
        : { status: 'succeeded', providerRefundId: answer.refundId };
  } catch (err) {
    if (isPaymentsUnavailable(err)) return refund;
    if (err instanceof ProviderRejectedError) outcome = { status: 'failed', failureMessage: err.message };
    else throw err;
  }

  const settled = await deps.db.transaction(async (tx) => {
    const row = await settleRefund(tx, refund.id, outcome, deps.clock.now());
    if (!row) return (await findRefund(tx, refund.id))!;
    await cancelJob(tx, sendRefundJobKey(refund.id));
    if (row.status === 'succeeded') publishAfterCommit(deps, tx, await recordRefunded(deps, tx, row.paymentId, row.id));
    else await releaseReservation(tx, row);
    return row;
  });
  if (settled.status === 'failed')
    deps.logger.warn({ refundId, paymentId: payment.id }, 'refund refused by the provider');
  return settled;
}

/**
 * Raises the payment's refunded total to what has settled (ours, or the provider's report when
 * higher) and tells the order. Lock order: the order (through the orders module) before the
 * payment, as in every refund request, so the two paths can never deadlock.
 */
export async function recordRefunded(
  deps: PaymentsDeps,
  tx: Executor,
  paymentId: string,
  refundId: string | null,
  providerTotal = 0,
): Promise<LiveMessage[]> {
  // Serialises settlements of one payment, so each sees the others' committed refunds in its total.
  await lockSubject(tx, `refunds:${paymentId}`);
  const payment = await findPayment(tx, paymentId);
  if (!payment) return [];
  const refundedMinor = Math.max(payment.refundedMinor, providerTotal, await succeededRefundTotal(tx, paymentId));
  if (refundedMinor === payment.refundedMinor && refundId === null) return [];
  const live: LiveMessage[] = [];
  if (payment.outcome === 'order')
    live.push(...(await deps.orders().refundSettled(tx, { paymentId, refundedMinor, refundId })));
  await raiseRefunded(tx, paymentId, refundedMinor);
  live.push({
    channel: `user:${payment.buyerId}`,
    type: 'payment.updated',
    data: { windowId: payment.windowId, paymentId, status: 'refunded', refundedMinor, currency: payment.currency },
  });
  return live;
}

async function releaseReservation(tx: Executor, refund: RefundRow): Promise<void> {
  const payment = await findPayment(tx, refund.paymentId, { lock: true });
  if (!payment) return;
  await updatePayment(tx, payment.id, {
    refundReservedMinor: Math.max(0, payment.refundReservedMinor - refund.amountMinor),
  });
}
