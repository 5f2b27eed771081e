import { Link } from 'react-router';
import { useFollowingQuery } from '../../shared/queries/maker/use-following-query';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import './following.css';

/** The makers I follow, most recently followed first, each linking to their shop page. */
export default function FollowingScreen() {
  const following = useFollowingQuery();
  const makers = following.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <main id="main" className="page">
      <h1>Makers I follow</h1>
      {following.isPending && <Loading label="Loading the makers you follow" lines={3} />}
      {following.isError && (
        <ErrorState
          error={following.error}
          title="The makers you follow could not load"
          onRetry={() => void following.refetch()}
        />
      )}
      {following.isSuccess && makers.length === 0 && (
        <EmptyState title="You follow no makers yet">
          <p>Follow a maker from their page to see their new stories in your Following feed.</p>
          <Link className="btn btn-primary" to="/search">
            Discover makers
          </Link>
        </EmptyState>
      )}
      <ul className="list" aria-label="Makers I follow">
        {makers.map((maker) => (
          <li key={maker.userId}>
            <Link to={`/makers/${maker.userId}`} className="following-maker">
              {maker.avatarUrl ? (
                <img src={maker.avatarUrl} alt="" className="following-avatar" />
              ) : (
                <span className="following-avatar following-avatar-initial" aria-hidden="true">
                  {maker.displayName.slice(0, 1).toUpperCase()}
                </span>
              )}
              <span className="stack">
                <strong>{maker.displayName}</strong>
                <span className="muted">
                  {[maker.city, maker.country].filter(Boolean).join(', ')}
                  {maker.city || maker.country ? ' · ' : ''}
                  {maker.followerCount.toLocaleString()} {maker.followerCount === 1 ? 'follower' : 'followers'}
                </span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {following.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={following.isFetchingNextPage}
          onClick={() => void following.fetchNextPage()}
        >
          {following.isFetchingNextPage ? 'Loading…' : 'Show more'}
        </button>
      )}
    </main>
  );
}
