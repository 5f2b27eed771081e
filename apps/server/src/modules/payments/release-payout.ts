import { DomainError } from '../../platform/errors';
import type { PaymentsDeps } from './deps';
import { claimPayout, findPayment, findPayout, updatePayout } from './repo/money';
import { findAccount } from './repo/sessions';
import { payoutMinor } from './rules';
import type { PayoutRow } from './tables';

export type PayoutOutcome =
  | { status: 'released'; payout: PayoutRow }
  | { status: 'held'; reason: 'totp_required' | 'payout_account_not_ready'; payout: PayoutRow };

/**
 * Releases the maker's payout for a completed order, once (the payout row is keyed by order, the
 * transfer's idempotency key is the order id). What "released" means per charge mode:
 * - `destination`: the money reached the maker's connected account at payment; releasing records
 *   that the sale is final (Stripe pays the account out on its own schedule);
 * - `separate`: the platform held the money; releasing transfers the maker's share (the amount
 *   less the fee and refunds) to their connected account;
 * - `local`: no money moves; the release is recorded.
 * A maker without TOTP, or (separate charges) without a payout-enabled account, is held; the
 * order completes when the payout can be released.
 */
export async function releasePayout(
  deps: PaymentsDeps,
  input: { orderId: string; paymentId: string },
): Promise<PayoutOutcome> {
  const payment = await findPayment(deps.db, input.paymentId);
  if (!payment) throw new DomainError('payment_not_found', 'No such payment');
  const now = deps.clock.now();
  const amountMinor = payoutMinor(payment);
  const existing = await findPayout(deps.db, input.orderId);
  if (existing?.status === 'released') return { status: 'released', payout: existing };
  const payout =
    existing ??
    (await claimPayout(deps.db, {
      orderId: input.orderId,
      paymentId: payment.id,
      makerId: payment.makerId,
      amountMinor,
      currency: payment.currency,
      chargeMode: payment.chargeMode,
      status: 'held',
      createdAt: now,
      updatedAt: now,
    }));

  const hold = async (reason: 'totp_required' | 'payout_account_not_ready'): Promise<PayoutOutcome> => {
    const row = await updatePayout(deps.db, input.orderId, { heldReason: reason, updatedAt: now });
    return { status: 'held', reason, payout: row ?? payout };
  };
  if (!(await deps.identity.hasTotp(payment.makerId))) return hold('totp_required');

  let transferId: string | null = null;
  if (payment.chargeMode === 'separate' && amountMinor > 0) {
    const account = await findAccount(deps.db, payment.makerId);
    if (!account?.payoutsEnabled) return hold('payout_account_not_ready');
    const transfer = await deps.provider.transfer({
      amountMinor,
      currency: payment.currency,
      destinationAccountId: account.accountId,
      sourceChargeId: payment.chargeId,
      transferGroup: payment.windowId,
      idempotencyKey: `payout:${input.orderId}`,
    });
    transferId = transfer.transferId;
  }
  const released = await updatePayout(deps.db, input.orderId, {
    status: 'released',
    heldReason: null,
    amountMinor,
    transferId,
    releasedAt: now,
    updatedAt: now,
  });
  return { status: 'released', payout: released! };
}
