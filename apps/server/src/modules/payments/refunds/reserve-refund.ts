import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import { z } from 'zod';
import { declareTask, enqueue } from '../../../platform/jobs';
import type { PaymentsDeps } from '../deps';
import { findPayment, insertRefund, updatePayment } from '../repo/money';
import { refundableMinor } from '../rules';
import type { RefundRow } from '../tables';

export const SEND_REFUND_TASK = declareTask('payments:send-refund', z.object({ refundId: z.string().min(1) }));
export const sendRefundJobKey = (refundId: string): string => `payments:send-refund:${refundId}`;
/** How long the retry job waits behind a caller that sends the refund itself right after commit. */
export const INLINE_SEND_GRACE_SECONDS = 60;

export interface RefundRequest {
  paymentId: string;
  orderId: string | null;
  /** Null: everything still refundable. */
  amountMinor: number | null;
  reason: string;
  requestedBy: string | null;
  /** When the send job runs; a caller that sends inline leaves a grace period. */
  sendAfterSeconds: number;
}

/**
 * Records a refund in the caller's transaction and reserves its amount on the payment, so
 * concurrent refunds can never add up to more than was paid. The provider is called after commit
 * (by the caller, or by the job enqueued here, which retries through outages with the refund's id
 * as the idempotency key: the buyer is refunded once).
 */
export async function reserveRefund(
  deps: Pick<PaymentsDeps, 'clock'>,
  tx: Executor,
  request: RefundRequest,
): Promise<RefundRow> {
  const payment = await findPayment(tx, request.paymentId, { lock: true });
  if (!payment) throw new DomainError('payment_not_found', 'No such payment');
  const refundable = refundableMinor(payment);
  if (refundable <= 0) throw new DomainError('nothing_to_refund', 'This payment has been refunded in full');
  const amountMinor = request.amountMinor ?? refundable;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0 || amountMinor > refundable) {
    throw new DomainError('refund_exceeds_payment', `At most ${refundable} can still be refunded`, {
      refundableMinor: refundable,
      currency: payment.currency,
    });
  }
  const now = deps.clock.now();
  const refund = await insertRefund(tx, {
    paymentId: payment.id,
    orderId: request.orderId,
    amountMinor,
    reason: request.reason,
    requestedBy: request.requestedBy,
    status: 'pending',
    createdAt: now,
  });
  await updatePayment(tx, payment.id, { refundReservedMinor: payment.refundReservedMinor + amountMinor });
  await enqueue(
    tx,
    SEND_REFUND_TASK,
    { refundId: refund.id },
    {
      jobKey: sendRefundJobKey(refund.id),
      runAt: new Date(now.getTime() + request.sendAfterSeconds * 1000),
      maxAttempts: 25,
    },
  );
  return refund;
}
