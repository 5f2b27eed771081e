import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useWatchlistQuery } from '../../shared/queries/watchlist/use-watchlist-query';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { WatchButton } from '../../shared/ui/watch-button';
import '../../shared/ui/order-row.css';

/** The stories I watch, most recently watched first, each with its auction's state and a toggle to stop. */
export default function WatchlistScreen() {
  const watchlist = useWatchlistQuery();
  const items = watchlist.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useLingui();

  return (
    <main id="main" className="page">
      <h1>
        <Trans>Watchlist</Trans>
      </h1>
      <p className="subtle">
        <Trans>
          You hear when an auction opens on a piece you watch, an hour and 10 minutes before it ends, and when it ends.
        </Trans>
      </p>
      {watchlist.isPending && <Loading label={t`Loading your watchlist`} />}
      {watchlist.isError && (
        <ErrorState
          error={watchlist.error}
          title={t`The watchlist could not load`}
          onRetry={() => void watchlist.refetch()}
        />
      )}
      {watchlist.isSuccess && items.length === 0 && (
        <EmptyState title={t`You are not watching anything yet`}>
          <Link className="btn btn-primary" to="/">
            <Trans>Explore the feed</Trans>
          </Link>
        </EmptyState>
      )}
      <ul className="list" aria-label={t`Watched stories`}>
        {items.map((story) => {
          const maker = story.maker.displayName;
          return (
            <li key={story.id} className="order-row">
              <Link to={`/stories/${story.id}`} className="stack order-row-main">
                <strong>{story.title}</strong>
                <span className="subtle">
                  <Trans>by {maker}</Trans>
                </span>
              </Link>
              <span className="stack order-row-side">
                {story.auction ? (
                  <span className="amount">
                    {story.auction.highBidMinor === null ? (
                      <Trans>Auction</Trans>
                    ) : (
                      formatMoney(story.auction.highBidMinor, story.auction.currency)
                    )}
                  </span>
                ) : null}
                <span className="chip">
                  {story.auction === null ? (
                    <Trans>No auction yet</Trans>
                  ) : story.auction.state === 'active' ? (
                    <Trans>Auction live</Trans>
                  ) : (
                    <Trans>Auction over</Trans>
                  )}
                </span>
                <WatchButton storyId={story.id} title={story.title} />
              </span>
            </li>
          );
        })}
      </ul>
      {watchlist.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={watchlist.isFetchingNextPage}
          onClick={() => void watchlist.fetchNextPage()}
        >
          <Trans context="list">More</Trans>
        </button>
      )}
    </main>
  );
}
