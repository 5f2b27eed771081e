import type { PaymentsDeps } from './deps';
import { paymentsOfUser, payoutsOfMaker, refundsOfPayment } from './repo/money';
import { findAccount } from './repo/sessions';

/**
 * A user's payment records for their data export. Nothing here is erased on account deletion:
 * payments, refunds and payouts are the legally required financial record, and they hold no
 * personal details (provider events are stored with names, emails and addresses removed; the
 * shipping address lives encrypted on the order).
 */
export async function exportPaymentData(deps: PaymentsDeps, userId: string): Promise<Record<string, unknown>> {
  const payments = await paymentsOfUser(deps.db, userId);
  const withRefunds = await Promise.all(
    payments.map(async (p) => ({
      id: p.id,
      role: p.buyerId === userId ? 'buyer' : 'maker',
      windowId: p.windowId,
      orderId: p.orderId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      feeMinor: p.makerId === userId ? p.feeMinor : undefined,
      refundedMinor: p.refundedMinor,
      paidAt: p.paidAt.toISOString(),
      refunds: (await refundsOfPayment(deps.db, p.id)).map((r) => ({
        id: r.id,
        amountMinor: r.amountMinor,
        status: r.status,
        reason: r.reason,
        createdAt: r.createdAt.toISOString(),
      })),
    })),
  );
  const account = await findAccount(deps.db, userId);
  const payouts = await payoutsOfMaker(deps.db, userId);
  return {
    payments: withRefunds,
    payoutAccount: account
      ? { provider: account.provider, accountId: account.accountId, payoutsEnabled: account.payoutsEnabled }
      : null,
    payouts: payouts.map((p) => ({
      orderId: p.orderId,
      amountMinor: p.amountMinor,
      currency: p.currency,
      status: p.status,
      releasedAt: p.releasedAt?.toISOString() ?? null,
    })),
  };
}
