import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { PaymentWindow } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useOrdersQuery } from '../../shared/queries/orders/use-orders-query';
import { formatDateTime } from '../../shared/time/format';
import { Icon } from '../../shared/ui/icons';

/** What was paid, when, and where the order (created from this payment) is. */
export function Receipt({ payment }: { payment: PaymentWindow }) {
  const orders = useOrdersQuery('buyer');
  const order = orders.data?.find((o) => o.windowId === payment.id);
  return (
    <section className="card stack receipt" aria-labelledby="receipt-title">
      <span className="receipt-check" aria-hidden="true">
        <Icon name="check" size={32} />
      </span>
      <h2 id="receipt-title">
        <Trans>Paid — thank you</Trans>
      </h2>
      <dl className="kv">
        <dt>
          <Trans>Amount</Trans>
        </dt>
        <dd className="amount">{formatMoney(payment.amountMinor + payment.shippingMinor, payment.currency)}</dd>
        <dt>
          <Trans>Of which shipping</Trans>
        </dt>
        <dd>{formatMoney(payment.shippingMinor, payment.currency)}</dd>
        {order && (
          <>
            <dt>
              <Trans>Paid</Trans>
            </dt>
            <dd>{formatDateTime(order.paidAt)}</dd>
            <dt>
              <Trans>Item</Trans>
            </dt>
            <dd>{order.itemTitle}</dd>
          </>
        )}
        <dt>
          <Trans>Reference</Trans>
        </dt>
        <dd className="mono">{payment.id.slice(0, 8)}</dd>
      </dl>
      <p className="muted">
        <Trans>The maker has been told to ship. You get the tracking number as soon as it is on its way.</Trans>
      </p>
      {order ? (
        <>
          <a className="btn btn-secondary" href={order.receiptUrl}>
            <Trans>Open the receipt</Trans>
          </a>
          <Link className="btn btn-primary" to={`/orders/${order.id}`}>
            <Trans>Track your order</Trans>
          </Link>
        </>
      ) : (
        <Link className="btn btn-primary" to="/orders">
          <Trans>Your orders</Trans>
        </Link>
      )}
    </section>
  );
}
