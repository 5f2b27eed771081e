import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useMakerStoriesQuery } from '../../shared/queries/story/use-maker-stories-query';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { STATUS_NAMES } from './studio-text';
import './studio.css';

/** The maker's stories (drafts first) and the way to start a new one. */
export default function StudioListScreen() {
  const { t } = useLingui();
  const stories = useMakerStoriesQuery('all');
  const items = [...(stories.data?.items ?? [])].sort(
    (a, b) => (a.status === 'draft' ? -1 : 0) - (b.status === 'draft' ? -1 : 0),
  );
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>
          <Trans>Studio</Trans>
        </h1>
        <Link to="/dashboard" className="btn btn-ghost btn-small">
          <Trans>Dashboard</Trans>
        </Link>
      </div>
      <Link to="/studio/new" className="btn btn-primary btn-block">
        <Trans>New story</Trans>
      </Link>
      {stories.isPending && <Loading label={t`Loading your stories`} />}
      {stories.isError && (
        <ErrorState
          error={stories.error}
          title={t`Your stories could not load`}
          onRetry={() => void stories.refetch()}
        />
      )}
      {stories.isSuccess && items.length === 0 && (
        <EmptyState title={t`No stories yet`}>
          <p>
            <Trans>Film the piece, tell how you made it, set your price.</Trans>
          </p>
        </EmptyState>
      )}
      <ul className="list studio-list" aria-label={t`Your stories`}>
        {items.map((s) => {
          const highBid =
            s.auction?.highBidMinor != null ? formatMoney(s.auction.highBidMinor, s.auction.currency) : null;
          return (
            <li key={s.id}>
              <Link to={`/studio/${s.id}`} className="studio-list-item">
                {s.posterUrl ? (
                  <img src={s.posterUrl} alt="" />
                ) : (
                  <span className="studio-list-blank" aria-hidden="true" />
                )}
                <span className="stack">
                  <strong>{s.title}</strong>
                  <span className="row">
                    <span className={`chip ${s.status === 'published' ? 'chip-success' : ''}`}>
                      {t(STATUS_NAMES[s.status])}
                    </span>
                    {highBid !== null && (
                      <span className="subtle">
                        <Trans>High bid {highBid}</Trans>
                      </span>
                    )}
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
