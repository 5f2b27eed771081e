import { Link } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useMakerStoriesQuery } from '../../shared/queries/story/use-maker-stories-query';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import './studio.css';

/** The maker's stories (drafts first) and the way to start a new one. */
export default function StudioListScreen() {
  const stories = useMakerStoriesQuery('all');
  const items = [...(stories.data?.items ?? [])].sort(
    (a, b) => (a.status === 'draft' ? -1 : 0) - (b.status === 'draft' ? -1 : 0),
  );
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Studio</h1>
        <Link to="/dashboard" className="btn btn-ghost btn-small">
          Dashboard
        </Link>
      </div>
      <Link to="/studio/new" className="btn btn-primary btn-block">
        New story
      </Link>
      {stories.isPending && <Loading label="Loading your stories" />}
      {stories.isError && (
        <ErrorState error={stories.error} title="Your stories could not load" onRetry={() => void stories.refetch()} />
      )}
      {stories.isSuccess && items.length === 0 && (
        <EmptyState title="No stories yet">
          <p>Film the piece, tell how you made it, set your price.</p>
        </EmptyState>
      )}
      <ul className="list studio-list" aria-label="Your stories">
        {items.map((s) => (
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
                  <span className={`chip ${s.status === 'published' ? 'chip-success' : ''}`}>{s.status}</span>
                  {s.auction?.highBidMinor != null && (
                    <span className="subtle">High bid {formatMoney(s.auction.highBidMinor, s.auction.currency)}</span>
                  )}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </main>
  );
}
