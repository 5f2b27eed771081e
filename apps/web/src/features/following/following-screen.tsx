import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { useFollowingQuery } from '../../shared/queries/maker/use-following-query';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import './following.css';

/** The makers I follow, most recently followed first, each linking to their shop page. */
export default function FollowingScreen() {
  const following = useFollowingQuery();
  const makers = following.data?.pages.flatMap((page) => page.items) ?? [];
  const { t } = useLingui();

  return (
    <main id="main" className="page">
      <h1>
        <Trans>Makers I follow</Trans>
      </h1>
      {following.isPending && <Loading label={t`Loading the makers you follow`} lines={3} />}
      {following.isError && (
        <ErrorState
          error={following.error}
          title={t`The makers you follow could not load`}
          onRetry={() => void following.refetch()}
        />
      )}
      {following.isSuccess && makers.length === 0 && (
        <EmptyState title={t`You follow no makers yet`}>
          <p>
            <Trans>Follow a maker from their page to see their new stories in your Following feed.</Trans>
          </p>
          <Link className="btn btn-primary" to="/search">
            <Trans>Discover makers</Trans>
          </Link>
        </EmptyState>
      )}
      <ul className="list" aria-label={t`Makers I follow`}>
        {makers.map((maker) => {
          const followers = maker.followerCount;
          return (
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
                    <Plural value={followers} one="# follower" other="# followers" />
                  </span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      {following.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={following.isFetchingNextPage}
          onClick={() => void following.fetchNextPage()}
        >
          {following.isFetchingNextPage ? <Trans>Loading…</Trans> : <Trans>Show more</Trans>}
        </button>
      )}
    </main>
  );
}
