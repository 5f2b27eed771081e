import { Trans, useLingui } from '@lingui/react/macro';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useAddShipmentMutation } from '../../shared/queries/orders/use-add-shipment-mutation';
import { useConfirmDeliveryMutation } from '../../shared/queries/orders/use-confirm-delivery-mutation';
import { useOrderQuery } from '../../shared/queries/orders/use-order-query';
import { useViewer } from '../../shared/session/use-viewer';
import { MessageButton } from '../../shared/ui/message-buttons';
import { formatDateTime } from '../../shared/time/format';
import { TextField } from '../../shared/ui/field';
import { Icon } from '../../shared/ui/icons';
import { ErrorState, FormError, Loading } from '../../shared/ui/states';
import { CancelOrder, DisputeForm, DisputeNotice, mayDo, RefundForm, ShippingAddressCard } from './order-actions';
import { ORDER_STEPS, STATUS_LABELS, statusChip } from '../../shared/ui/order-status';
import './orders.css';
import { OrderReview } from './order-review';
import { STEP_LABELS } from './status-labels';
import { TrackingNumber } from './tracking-link';

function ShipmentForm({ orderId }: { orderId: string }) {
  const [carrier, setCarrier] = useState('');
  const [tracking, setTracking] = useState('');
  const ship = useAddShipmentMutation();
  const { t } = useLingui();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    ship.mutate({ orderId, carrier: carrier.trim(), trackingNumber: tracking.trim() });
  };
  return (
    <form className="card stack" onSubmit={submit} aria-label={t`Add tracking`}>
      <h2>
        <Trans>Add tracking</Trans>
      </h2>
      <TextField
        label={t`Carrier`}
        value={carrier}
        maxLength={100}
        required
        onChange={(e) => setCarrier(e.target.value)}
      />
      <TextField
        label={t`Tracking number`}
        value={tracking}
        maxLength={100}
        required
        onChange={(e) => setTracking(e.target.value)}
      />
      <FormError error={ship.error} />
      <button
        type="submit"
        className="btn btn-primary btn-block"
        disabled={ship.isPending || !carrier.trim() || !tracking.trim()}
      >
        {ship.isPending ? t`Saving…` : t`Mark as shipped`}
      </button>
    </form>
  );
}

/** One order: where it is, tracking, and the next action for the buyer or the maker. */
export default function OrderScreen() {
  const { orderId } = useParams();
  const viewer = useViewer();
  const order = useOrderQuery(orderId);
  const confirm = useConfirmDeliveryMutation();
  const { i18n, t } = useLingui();
  const data = order.data;
  const stepIndex = data ? ORDER_STEPS.findIndex((s) => s.status === data.status) : -1;
  const isMaker = data !== undefined && viewer.userId === data.makerId;
  const isBuyer = data !== undefined && viewer.userId === data.buyerId;

  return (
    <main id="main" className="page">
      <div className="page-header">
        <Link
          to={data?.as === 'admin' ? '/admin?tab=orders' : isMaker ? '/orders?as=maker' : '/orders'}
          className="icon-btn"
          aria-label={t`Back to orders`}
        >
          <Icon name="back" />
        </Link>
        <h1>{data?.itemTitle ?? t`Order`}</h1>
      </div>
      {order.isPending && <Loading label={t`Loading the order`} />}
      {order.isError && (
        <ErrorState error={order.error} title={t`The order could not load`} onRetry={() => void order.refetch()} />
      )}
      {data && (
        <>
          <section className="card stack">
            <div className="row-between">
              <span className="amount">{formatMoney(data.amountMinor, data.currency)}</span>
              <span className={statusChip(data.status)}>{i18n._(STATUS_LABELS[data.status])}</span>
            </div>
            <dl className="kv" data-testid="order-money">
              <dt>
                <Trans>Piece</Trans>
              </dt>
              <dd>{formatMoney(data.itemMinor, data.currency)}</dd>
              <dt>
                <Trans>Shipping</Trans>
              </dt>
              <dd>
                {data.shippingMinor === 0
                  ? t({ message: 'Free', context: 'shipping cost' })
                  : formatMoney(data.shippingMinor, data.currency)}
              </dd>
            </dl>
            {stepIndex >= 0 && (
              <ol className="order-steps" aria-label={t`Order progress`}>
                {ORDER_STEPS.map((s, i) => (
                  <li
                    key={s.status}
                    data-done={i <= stepIndex || undefined}
                    aria-current={i === stepIndex ? 'step' : undefined}
                  >
                    {i18n._(STEP_LABELS[s.status])}
                  </li>
                ))}
              </ol>
            )}
            <dl className="kv">
              {data.paidAt && (
                <>
                  <dt>
                    <Trans>Paid</Trans>
                  </dt>
                  <dd>{formatDateTime(data.paidAt)}</dd>
                </>
              )}
              {data.carrier && (
                <>
                  <dt>
                    <Trans>Carrier</Trans>
                  </dt>
                  <dd>{data.carrier}</dd>
                  <dt>
                    <Trans>Tracking</Trans>
                  </dt>
                  <dd>
                    <TrackingNumber number={data.trackingNumber} url={data.trackingUrl} />
                  </dd>
                </>
              )}
              {data.shippedAt && (
                <>
                  <dt>
                    <Trans>Shipped</Trans>
                  </dt>
                  <dd>{formatDateTime(data.shippedAt)}</dd>
                </>
              )}
              {data.deliveredAt && (
                <>
                  <dt>
                    <Trans>Delivered</Trans>
                  </dt>
                  <dd>{formatDateTime(data.deliveredAt)}</dd>
                </>
              )}
              {data.refundedMinor > 0 && (
                <>
                  <dt>
                    <Trans>Refunded</Trans>
                  </dt>
                  <dd data-testid="refunded">{formatMoney(data.refundedMinor, data.currency)}</dd>
                </>
              )}
              {isMaker && data.shippingDueAt && data.status === 'paid' && (
                <>
                  <dt>
                    <Trans>Ship by</Trans>
                  </dt>
                  <dd>{formatDateTime(data.shippingDueAt)}</dd>
                </>
              )}
            </dl>
          </section>
          <DisputeNotice order={data} />
          <ShippingAddressCard order={data} />
          {isMaker && data.shippingOverdue && data.status === 'paid' && (
            <p className="alert alert-error" role="alert">
              <Trans>Shipping is overdue. Add the tracking number as soon as it is on its way.</Trans>
            </p>
          )}
          {isMaker && data.status === 'paid' && <ShipmentForm orderId={data.id} />}
          {isBuyer && data.status === 'shipped' && (
            <section className="card stack">
              <h2>
                <Trans>Has it arrived?</Trans>
              </h2>
              <p className="muted">
                <Trans>Confirming delivery releases the payment to the maker.</Trans>
              </p>
              <FormError error={confirm.error} />
              <button
                type="button"
                className="btn btn-primary btn-block"
                disabled={confirm.isPending}
                onClick={() => confirm.mutate(data.id)}
              >
                {confirm.isPending ? t`Confirming…` : t`Confirm delivery`}
              </button>
            </section>
          )}
          <OrderReview order={data} viewerId={viewer.userId} />
          {mayDo('dispute', data) && <DisputeForm order={data} />}
          {mayDo('refund', data) && <RefundForm order={data} />}
          {mayDo('cancel', data) && <CancelOrder order={data} />}
          <a className="btn btn-secondary" href={data.receiptUrl}>
            <Trans>Receipt</Trans>
          </a>
          {(isBuyer || isMaker) && (
            <MessageButton
              subject={{ orderId: data.id }}
              label={isMaker ? t`Message the buyer` : t`Message the maker`}
            />
          )}
          <Link className="btn btn-ghost" to={`/stories/${data.storyId}`}>
            <Trans>View the story</Trans>
          </Link>
        </>
      )}
    </main>
  );
}
