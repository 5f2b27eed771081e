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

  return (
    <main id="main" className="page">
      <h1>Watchlist</h1>
      <p className="subtle">
        You hear when an auction opens on a piece you watch, an hour and 10 minutes before it ends, and when it ends.
      </p>
      {watchlist.isPending && <Loading label="Loading your watchlist" />}
      {watchlist.isError && (
        <ErrorState
          error={watchlist.error}
          title="The watchlist could not load"
          onRetry={() => void watchlist.refetch()}
        />
      )}
      {watchlist.isSuccess && items.length === 0 && (
        <EmptyState title="You are not watching anything yet">
          <Link className="btn btn-primary" to="/">
            Explore the feed
          </Link>
        </EmptyState>
      )}
      <ul className="list" aria-label="Watched stories">
        {items.map((story) => (
          <li key={story.id} className="order-row">
            <Link to={`/stories/${story.id}`} className="stack order-row-main">
              <strong>{story.title}</strong>
              <span className="subtle">by {story.maker.displayName}</span>
            </Link>
            <span className="stack order-row-side">
              {story.auction ? (
                <span className="amount">
                  {story.auction.highBidMinor === null
                    ? 'Auction'
                    : formatMoney(story.auction.highBidMinor, story.auction.currency)}
                </span>
              ) : null}
              <span className="chip">
                {story.auction === null
                  ? 'No auction yet'
                  : story.auction.state === 'active'
                    ? 'Auction live'
                    : 'Auction over'}
              </span>
              <WatchButton storyId={story.id} title={story.title} />
            </span>
          </li>
        ))}
      </ul>
      {watchlist.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={watchlist.isFetchingNextPage}
          onClick={() => void watchlist.fetchNextPage()}
        >
          More
        </button>
      )}
    </main>
  );
}
