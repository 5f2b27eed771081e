import { Link } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useDashboardQuery } from '../../shared/queries/dashboard/use-dashboard-query';
import { useViewer } from '../../shared/session/use-viewer';
import { Countdown } from '../../shared/ui/countdown';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { FunnelChart, RevenueChart } from './charts';
import './dashboard.css';

/** The maker's dashboard: what is on sale, how viewers convert, revenue, and what to ship. */
export default function DashboardScreen() {
  const viewer = useViewer();
  const dashboard = useDashboardQuery();
  const data = dashboard.data;
  const currency = data?.revenueByDay[0]?.currency ?? data?.activeListings[0]?.auction?.currency ?? 'USD';
  const toShip = data?.toShip ?? 0;
  const overdue = data?.overdue ?? 0;

  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Dashboard</h1>
        <span className="row">
          <Link to="/studio/payouts" className="btn btn-ghost btn-small">
            Payouts
          </Link>
          <Link to="/studio" className="btn btn-ghost btn-small">
            Studio
          </Link>
        </span>
      </div>
      {viewer.me && !viewer.me.totpEnabled && (
        <p className="alert alert-info" role="status">
          Turn on two-step verification to accept bids and receive payouts.{' '}
          <Link to="/account/security">Set it up</Link>
        </p>
      )}
      {dashboard.isPending && <Loading label="Loading your dashboard" />}
      {dashboard.isError && (
        <ErrorState
          error={dashboard.error}
          title="The dashboard could not load"
          onRetry={() => void dashboard.refetch()}
        />
      )}
      {data && (
        <>
          <section className="tasks" aria-label="Tasks">
            <Link to="/orders?as=maker" className="task-card">
              <span className="task-count">{toShip}</span>
              <span>to ship</span>
            </Link>
            <Link to="/orders?as=maker" className="task-card" data-alert={overdue > 0 || undefined}>
              <span className="task-count">{overdue}</span>
              <span>overdue</span>
            </Link>
            <div className="task-card">
              <span className="task-count">{data.activeListings.length}</span>
              <span>listings</span>
            </div>
          </section>
          <section className="card" aria-labelledby="funnel-title">
            <h2 id="funnel-title">Funnel</h2>
            <FunnelChart funnel={data.funnel} />
          </section>
          <section className="card" aria-labelledby="revenue-title">
            <h2 id="revenue-title">Revenue</h2>
            {data.revenueByDay.length ? (
              <RevenueChart points={data.revenueByDay} currency={currency} />
            ) : (
              <p className="subtle">No sales yet.</p>
            )}
          </section>
          <section className="card" aria-labelledby="listings-title">
            <h2 id="listings-title">Active listings</h2>
            {data.activeListings.length === 0 ? (
              <EmptyState title="Nothing on sale">
                <Link className="btn btn-primary" to="/studio/new">
                  New story
                </Link>
              </EmptyState>
            ) : (
              <ul className="list">
                {data.activeListings.map((l) => (
                  <li key={l.storyId}>
                    <Link to={`/stories/${l.storyId}`} className="listing-row">
                      <span className="stack listing-main">
                        <strong>{l.title}</strong>
                        <span className="subtle">
                          {l.views} views · {l.likes} likes
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
                            <span className="chip">{l.auction.state.replace(/_/g, ' ')}</span>
                          )}
                        </span>
                      ) : (
                        <span className="chip">Taking offers</span>
                      )}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
