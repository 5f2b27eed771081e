import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useDashboardQuery } from '../../shared/queries/dashboard/use-dashboard-query';
import { useViewer } from '../../shared/session/use-viewer';
import { Countdown } from '../../shared/ui/countdown';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { FunnelChart, RevenueChart } from './charts';
import './dashboard.css';

/** An auction that is no longer taking bids, as its chip reads. */
const AUCTION_STATE_LABELS: Record<string, MessageDescriptor | undefined> = {
  ended: msg({ message: 'ended', context: 'auction state' }),
  awaiting_payment: msg({ message: 'awaiting payment', context: 'auction state' }),
  paid: msg({ message: 'paid', context: 'auction state' }),
  cancelled: msg({ message: 'cancelled', context: 'auction state' }),
  lapsed: msg({ message: 'lapsed', context: 'auction state' }),
  payment_expired: msg({ message: 'payment expired', context: 'auction state' }),
};

/** The maker's dashboard: what is on sale, how viewers convert, revenue, and what to ship. */
export default function DashboardScreen() {
  const viewer = useViewer();
  const dashboard = useDashboardQuery();
  const data = dashboard.data;
  const currency = data?.revenueByDay[0]?.currency ?? data?.activeListings[0]?.auction?.currency ?? 'USD';
  const toShip = data?.toShip ?? 0;
  const overdue = data?.overdue ?? 0;
  const listings = data?.activeListings.length ?? 0;
  const { t } = useLingui();
  const stateLabel = (state: string) => {
    const label = Object.hasOwn(AUCTION_STATE_LABELS, state) ? AUCTION_STATE_LABELS[state] : undefined;
    return label ? t(label) : state.replace(/_/g, ' ');
  };

  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>
          <Trans>Dashboard</Trans>
        </h1>
        <span className="row">
          <Link to="/studio/payouts" className="btn btn-ghost btn-small">
            <Trans>Payouts</Trans>
          </Link>
          <Link to="/studio" className="btn btn-ghost btn-small">
            <Trans>Studio</Trans>
          </Link>
        </span>
      </div>
      {viewer.me && !viewer.me.totpEnabled && (
        <p className="alert alert-info" role="status">
          <Trans>
            Turn on two-step verification to accept bids and receive payouts.{' '}
            <Link to="/account/security">Set it up</Link>
          </Trans>
        </p>
      )}
      {dashboard.isPending && <Loading label={t`Loading your dashboard`} />}
      {dashboard.isError && (
        <ErrorState
          error={dashboard.error}
          title={t`The dashboard could not load`}
          onRetry={() => void dashboard.refetch()}
        />
      )}
      {data && (
        <>
          <section className="tasks" aria-label={t`Tasks`}>
            <Link to="/orders?as=maker" className="task-card">
              <span className="task-count">{toShip}</span>
              <span>
                <Plural value={toShip} one="to ship" other="to ship" />
              </span>
            </Link>
            <Link to="/orders?as=maker" className="task-card" data-alert={overdue > 0 || undefined}>
              <span className="task-count">{overdue}</span>
              <span>
                <Plural value={overdue} one="overdue" other="overdue" />
              </span>
            </Link>
            <div className="task-card">
              <span className="task-count">{listings}</span>
              <span>
                <Plural value={listings} one="listing" other="listings" />
              </span>
            </div>
          </section>
          <section className="card" aria-labelledby="funnel-title">
            <h2 id="funnel-title">
              <Trans>Funnel</Trans>
            </h2>
            <FunnelChart funnel={data.funnel} />
          </section>
          <section className="card" aria-labelledby="revenue-title">
            <h2 id="revenue-title">
              <Trans>Revenue</Trans>
            </h2>
            {data.revenueByDay.length ? (
              <RevenueChart points={data.revenueByDay} currency={currency} />
            ) : (
              <p className="subtle">
                <Trans>No sales yet.</Trans>
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="listings-title">
            <h2 id="listings-title">
              <Trans>Active listings</Trans>
            </h2>
            {data.activeListings.length === 0 ? (
              <EmptyState title={t`Nothing on sale`}>
                <Link className="btn btn-primary" to="/studio/new">
                  <Trans>New story</Trans>
                </Link>
              </EmptyState>
            ) : (
              <ul className="list">
                {data.activeListings.map((l) => {
                  const { views, likes } = l;
                  return (
                    <li key={l.storyId}>
                      <Link to={`/stories/${l.storyId}`} className="listing-row">
                        <span className="stack listing-main">
                          <strong>{l.title}</strong>
                          <span className="subtle">
                            <Trans>
                              <Plural value={views} one="# view" other="# views" /> ·{' '}
                              <Plural value={likes} one="# like" other="# likes" />
                            </Trans>
                          </span>
                        </span>
                        {l.auction ? (
                          <span className="stack listing-side">
                            {l.auction.highBidMinor !== null && (
                              <span className="amount">{formatMoney(l.auction.highBidMinor, l.auction.currency)}</span>
                            )}
                            {l.auction.state === 'active' ? (
                              <Countdown endsAt={l.auction.endsAt} />
                            ) : (
                              <span className="chip">{stateLabel(l.auction.state)}</span>
                            )}
                          </span>
                        ) : (
                          <span className="chip">
                            <Trans>Taking offers</Trans>
                          </span>
                        )}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
