import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useSearchParams } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useOrdersQuery } from '../../shared/queries/orders/use-orders-query';
import { useViewer } from '../../shared/session/use-viewer';
import { formatDay } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { STATUS_LABELS, statusChip } from '../../shared/ui/order-status';
import '../../shared/ui/order-row.css';

/** Orders as buyer, and as maker (pieces sold) for makers. */
export default function OrdersScreen() {
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const as = params.get('as') === 'maker' && viewer.isMaker ? 'maker' : 'buyer';
  const orders = useOrdersQuery(as);
  const { i18n, t } = useLingui();

  return (
    <main id="main" className="page">
      <h1>
        <Trans>Orders</Trans>
      </h1>
      {viewer.isMaker && (
        <div className="tabs" role="tablist" aria-label={t`Orders as`}>
          {(['buyer', 'maker'] as const).map((v) => (
            <button
              key={v}
              type="button"
              role="tab"
              className="tab"
              aria-selected={as === v}
              onClick={() => setParams({ as: v })}
            >
              {v === 'buyer' ? t`Bought` : t`Sold`}
            </button>
          ))}
        </div>
      )}
      {orders.isPending && <Loading label={t`Loading orders`} />}
      {orders.isError && (
        <ErrorState error={orders.error} title={t`Orders could not load`} onRetry={() => void orders.refetch()} />
      )}
      {orders.isSuccess && orders.data.length === 0 && (
        <EmptyState title={as === 'buyer' ? t`Nothing bought yet` : t`Nothing sold yet`}>
          {as === 'buyer' && (
            <Link className="btn btn-primary" to="/">
              <Trans>Explore the feed</Trans>
            </Link>
          )}
        </EmptyState>
      )}
      <ul className="list" aria-label={as === 'buyer' ? t`Bought` : t`Sold`}>
        {orders.data?.map((order) => (
          <li key={order.id}>
            <Link to={`/orders/${order.id}`} className="order-row">
              <span className="stack order-row-main">
                <strong>{order.itemTitle}</strong>
                <span className="subtle">{formatDay(order.paidAt)}</span>
              </span>
              <span className="stack order-row-side">
                <span className="amount">{formatMoney(order.amountMinor, order.currency)}</span>
                <span className={statusChip(order.status)}>{i18n._(STATUS_LABELS[order.status])}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
