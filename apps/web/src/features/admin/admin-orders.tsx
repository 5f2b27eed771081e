import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { OrderStatus } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { useAdminOrdersQuery } from '../../shared/queries/admin/use-admin-orders-query';
import { formatAgo } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { STATUS_LABELS, statusChip } from '../../shared/ui/order-status';
import '../../shared/ui/order-row.css';
import { EMPTY_TITLES, LIST_LABELS } from './order-states';

const STATES: OrderStatus[] = ['disputed', 'paid', 'shipped', 'delivered', 'completed', 'refunded', 'cancelled'];

/** Admin: orders by state — disputed first, each opening the order page to refund or cancel it. */
export function AdminOrders() {
  const id = useId();
  const [status, setStatus] = useState<OrderStatus>('disputed');
  const orders = useAdminOrdersQuery(status);
  const { i18n, t } = useLingui();
  return (
    <div className="stack">
      <div className="field">
        <label htmlFor={`${id}-status`}>
          <Trans>Orders in state</Trans>
        </label>
        <select
          id={`${id}-status`}
          className="input"
          value={status}
          onChange={(e) => setStatus(e.target.value as OrderStatus)}
        >
          {STATES.map((s) => (
            <option key={s} value={s}>
              {i18n._(STATUS_LABELS[s])}
            </option>
          ))}
        </select>
      </div>
      {orders.isPending && <Loading label={t`Loading orders`} lines={2} />}
      {orders.isError && (
        <ErrorState error={orders.error} title={t`Orders could not load`} onRetry={() => void orders.refetch()} />
      )}
      {orders.isSuccess && orders.data.length === 0 && <EmptyState title={i18n._(EMPTY_TITLES[status])} />}
      <ul className="list" aria-label={i18n._(LIST_LABELS[status])}>
        {orders.data?.map((order) => (
          <li key={order.id}>
            <Link to={`/orders/${order.id}`} className="order-row">
              <span className="stack order-row-main">
                <strong>{order.itemTitle}</strong>
                {order.disputeReason && <span className="subtle">{t`“${{ quote: order.disputeReason }}”`}</span>}
              </span>
              <span className="stack order-row-side">
                <span className="amount">{formatMoney(order.amountMinor, order.currency)}</span>
                <span className={statusChip(order.status)}>{i18n._(STATUS_LABELS[order.status])}</span>
                <span className="subtle">{formatAgo(order.disputedAt ?? order.paidAt)}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
