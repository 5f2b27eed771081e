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
      <h2 id="receipt-title">Paid — thank you</h2>
      <dl className="kv">
        <dt>Amount</dt>
        <dd className="amount">{formatMoney(payment.amountMinor + payment.shippingMinor, payment.currency)}</dd>
        <dt>Of which shipping</dt>
        <dd>{formatMoney(payment.shippingMinor, payment.currency)}</dd>
        {order && (
          <>
            <dt>Paid</dt>
            <dd>{formatDateTime(order.paidAt)}</dd>
            <dt>Item</dt>
            <dd>{order.itemTitle}</dd>
          </>
        )}
        <dt>Reference</dt>
        <dd className="mono">{payment.id.slice(0, 8)}</dd>
      </dl>
      <p className="muted">The maker has been told to ship. You get the tracking number as soon as it is on its way.</p>
      {order ? (
        <>
          <a className="btn btn-secondary" href={order.receiptUrl}>
            Open the receipt
          </a>
          <Link className="btn btn-primary" to={`/orders/${order.id}`}>
            Track your order
          </Link>
        </>
      ) : (
        <Link className="btn btn-primary" to="/orders">
          Your orders
        </Link>
      )}
    </section>
  );
}
