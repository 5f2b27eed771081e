import { t } from '@lingui/core/macro';
import { formatMoney, parseMoneyInput } from '../../shared/money';

export type RefundAmount = { ok: true; amountMinor: number | undefined } | { ok: false; error: string };

/**
 * Checks the amount typed for a refund against what is still refundable: empty means everything
 * left; otherwise a positive amount with the currency's decimals, at most the remainder.
 */
export function checkRefundAmount(text: string, remainingMinor: number, currency: string): RefundAmount {
  if (remainingMinor <= 0) return { ok: false, error: t`Nothing is left to refund on this order.` };
  if (text.trim() === '') return { ok: true, amountMinor: undefined };
  const amountMinor = parseMoneyInput(text, currency);
  if (amountMinor === null) return { ok: false, error: t`Enter an amount, like 20 or 20.50.` };
  if (amountMinor > remainingMinor) {
    const remaining = formatMoney(remainingMinor, currency);
    return { ok: false, error: t`At most ${remaining} can still be refunded.` };
  }
  return { ok: true, amountMinor };
}
