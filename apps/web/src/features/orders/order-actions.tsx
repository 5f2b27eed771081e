import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import type { Order } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import {
  useCancelOrderMutation,
  useDisputeOrderMutation,
  useRefundOrderMutation,
} from '../../shared/queries/orders/use-order-actions';
import { formatDateTime } from '../../shared/time/format';
import { TextAreaField, TextField } from '../../shared/ui/field';
import { FormError } from '../../shared/ui/states';
import { checkRefundAmount } from './refund-amount';

type Status = Order['status'];

/** Who may do what, as the server's order rules allow it (the server refuses anything else). */
export const ORDER_ACTIONS = {
  cancel: { maker: ['paid'], admin: ['paid', 'shipped', 'delivered', 'disputed'] },
  refund: { maker: ['paid'], admin: ['paid', 'shipped', 'delivered', 'completed', 'disputed', 'cancelled'] },
  dispute: { buyer: ['paid', 'shipped', 'delivered'] },
} as const satisfies Record<string, Partial<Record<Order['as'], readonly Status[]>>>;

export function mayDo(action: keyof typeof ORDER_ACTIONS, order: Pick<Order, 'as' | 'status'>): boolean {
  const states = (ORDER_ACTIONS[action] as Partial<Record<Order['as'], readonly Status[]>>)[order.as];
  return states?.includes(order.status) ?? false;
}

/** Where the piece goes: shown to the buyer and the maker (the server sends it to them only). */
export function ShippingAddressCard({ order }: { order: Order }) {
  const address = order.shippingAddress;
  const { t } = useLingui();
  if (!address) return null;
  return (
    <section className="card stack" aria-labelledby="ship-to-title">
      <h2 id="ship-to-title">{order.as === 'maker' ? t`Ship to` : t`Shipping to`}</h2>
      <address className="shipping-address" data-testid="shipping-address">
        {address.name}
        <br />
        {address.line1}
        {address.line2 && (
          <>
            <br />
            {address.line2}
          </>
        )}
        <br />
        {address.postalCode} {address.city}
        {address.state ? `, ${address.state}` : ''}
        <br />
        {address.country}
      </address>
    </section>
  );
}

/** A reported problem and where its resolution stands, for the buyer, the maker and admins alike. */
export function DisputeNotice({ order }: { order: Order }) {
  const { t } = useLingui();
  if (!order.disputedAt) return null;
  const refunded = formatMoney(order.refundedMinor, order.currency);
  const reported = formatDateTime(order.disputedAt);
  const reason = order.disputeReason;
  let resolution: string;
  if (order.status === 'refunded') resolution = t`Resolved: the buyer was refunded in full (${refunded}).`;
  else if (order.status === 'cancelled') resolution = t`Resolved: the order was cancelled and ${refunded} refunded.`;
  else if (order.status === 'disputed') {
    resolution =
      order.refundedMinor > 0
        ? t`${refunded} has been refunded so far; an admin is still looking into it.`
        : t`An admin is looking into it.`;
  } else resolution = t`Resolved.`;
  return (
    <section
      className={`alert ${order.status === 'disputed' ? 'alert-error' : 'alert-info'}`}
      aria-labelledby="dispute-title"
      data-testid="dispute"
    >
      <div className="stack">
        <strong id="dispute-title">
          <Trans>Problem reported {reported}</Trans>
        </strong>
        {reason && <p>{t`“${{ quote: reason }}”`}</p>}
        <p>{resolution}</p>
      </div>
    </section>
  );
}

/** Buyer: report a problem (not arrived, not as described); the order waits for an admin. */
export function DisputeForm({ order }: { order: Order }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const dispute = useDisputeOrderMutation();
  const { t } = useLingui();
  if (!open) {
    return (
      <button type="button" className="btn btn-ghost" onClick={() => setOpen(true)}>
        <Trans>Report a problem with this order</Trans>
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim().length < 3) return setError(t`Tell us what went wrong (at least 3 characters).`);
    setError(null);
    dispute.mutate({ orderId: order.id, reason: reason.trim() });
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t`Report a problem`}>
      <h2>
        <Trans>Report a problem</Trans>
      </h2>
      <p className="muted">
        <Trans>The order is paused until an admin resolves it, for example with a refund.</Trans>
      </p>
      <TextAreaField
        label={t`What went wrong?`}
        value={reason}
        maxLength={2000}
        rows={3}
        error={error}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormError error={dispute.error} />
      <button type="submit" className="btn btn-primary btn-block" disabled={dispute.isPending}>
        {dispute.isPending ? t`Sending…` : t`Report problem`}
      </button>
    </form>
  );
}

/** Maker (before shipping) or admin: refund part of the order or everything left, with a reason. */
export function RefundForm({ order }: { order: Order }) {
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reason?: string }>({});
  const refund = useRefundOrderMutation();
  const { t } = useLingui();
  const remaining = order.amountMinor - order.refundedMinor;
  const remainingText = formatMoney(remaining, order.currency);
  const refundedSoFar = formatMoney(order.refundedMinor, order.currency);
  const currency = order.currency;
  const refundAmount = refund.isSuccess ? formatMoney(refund.data.refund.amountMinor, order.currency) : '';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRefundAmount(amount, remaining, order.currency);
    const next = {
      ...(checked.ok ? {} : { amount: checked.error }),
      ...(reason.trim() ? {} : { reason: t`Give a reason for the refund.` }),
    };
    setErrors(next);
    if (!checked.ok || next.reason) return;
    refund.mutate(
      {
        orderId: order.id,
        reason: reason.trim(),
        ...(checked.amountMinor === undefined ? {} : { amountMinor: checked.amountMinor }),
      },
      {
        onSuccess: () => {
          setAmount('');
          setReason('');
        },
      },
    );
  };
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t({ message: 'Refund', context: 'heading' })}>
      <h2>
        <Trans context="heading">Refund</Trans>
      </h2>
      {order.refundedMinor > 0 && (
        <p className="muted">
          <Trans>{refundedSoFar} refunded so far.</Trans>
        </p>
      )}
      <TextField
        label={t`Amount (${currency})`}
        inputMode="decimal"
        value={amount}
        hint={t`Leave empty to refund everything left (${remainingText}).`}
        error={errors.amount ?? null}
        onChange={(e) => setAmount(e.target.value)}
      />
      <TextField
        label={t`Reason for the refund`}
        value={reason}
        maxLength={2000}
        error={errors.reason ?? null}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormError error={refund.error} />
      {refund.isSuccess && (
        <p role="status" className="alert alert-success">
          {refund.data.refund.status === 'pending'
            ? t`A refund of ${refundAmount} is on its way.`
            : t`Refunded ${refundAmount}.`}
        </p>
      )}
      <button type="submit" className="btn btn-secondary btn-block" disabled={refund.isPending}>
        {refund.isPending ? t`Refunding…` : t`Refund`}
      </button>
    </form>
  );
}

/** Maker (before shipping) or admin: cancel the order; the buyer gets everything back. */
export function CancelOrder({ order }: { order: Order }) {
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const cancel = useCancelOrderMutation();
  const { t } = useLingui();
  if (!confirming) {
    return (
      <button type="button" className="btn btn-ghost" onClick={() => setConfirming(true)}>
        <Trans>Cancel the order</Trans>
      </button>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate({ orderId: order.id, reason: reason.trim() || 'cancelled' });
  };
  const refundable = formatMoney(order.amountMinor - order.refundedMinor, order.currency);
  return (
    <form className="card stack" onSubmit={submit} noValidate aria-label={t`Cancel the order`}>
      <h2>
        <Trans>Cancel the order?</Trans>
      </h2>
      <p className="muted">
        <Trans>The buyer is refunded {refundable} and the piece is no longer sold.</Trans>
      </p>
      <TextField
        label={t`Reason (optional)`}
        value={reason}
        maxLength={2000}
        onChange={(e) => setReason(e.target.value)}
      />
      <FormError error={cancel.error} />
      <span className="row">
        <button type="submit" className="btn btn-danger" disabled={cancel.isPending}>
          {cancel.isPending ? t`Cancelling…` : t`Yes, cancel and refund`}
        </button>
        <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
          <Trans>Keep the order</Trans>
        </button>
      </span>
    </form>
  );
}
