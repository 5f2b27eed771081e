import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { formatMoney } from '../../shared/money';
import { useMyBidsQuery, type BidActivity } from '../../shared/queries/activity/use-my-bids-query';
import { useMyOffersQuery } from '../../shared/queries/activity/use-my-offers-query';
import { queryKeys } from '../../shared/queries/keys';
import { useChannel } from '../../shared/realtime/use-channel';
import { formatDateTime } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import '../../shared/ui/order-row.css';

const TABS = [
  { id: 'bidding', label: 'Bidding' },
  { id: 'offers', label: 'Offers' },
  { id: 'won', label: 'Won' },
  { id: 'lost', label: 'Lost' },
] as const;
type Tab = (typeof TABS)[number]['id'];

const STANDING_LABEL: Record<BidActivity['standing'], string> = {
  leading: 'Leading',
  outbid: 'Outbid',
  won: 'Won',
  lost: 'Lost',
};

const OFFER_LABEL: Record<string, string> = {
  pending: 'Waiting for the maker',
  opened_auction: 'Opened the auction',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  superseded: 'Closed: an auction opened',
};

const inTab = (tab: Tab, item: BidActivity) =>
  tab === 'bidding' ? item.standing === 'leading' || item.standing === 'outbid' : item.standing === tab;

/** Refetches my standing whenever something happens on one of the auctions I am still in. */
function LiveStanding({ auctionId }: { auctionId: string }) {
  const queryClient = useQueryClient();
  useChannel(`auction:${auctionId}`, () => void queryClient.invalidateQueries({ queryKey: queryKeys.myBids }));
  return null;
}

function BidRow({ item }: { item: BidActivity }) {
  const awaitingPayment = item.standing === 'won' && item.paymentDueAt !== null;
  return (
    <li className="order-row" data-standing={item.standing}>
      <span className="stack order-row-main">
        <Link to={`/stories/${item.storyId}`}>
          <strong>{item.title}</strong>
        </Link>
        <span className="subtle">
          My bid {formatMoney(item.myHighestBidMinor, item.currency)} · my maximum{' '}
          {formatMoney(item.myMaxMinor, item.currency)}
        </span>
        <span className="subtle">
          {item.status === 'active' ? `Ends ${formatDateTime(item.endsAt)}` : `Ended ${formatDateTime(item.endsAt)}`}
        </span>
      </span>
      <span className="stack order-row-side">
        {item.highBidMinor !== null && <span className="amount">{formatMoney(item.highBidMinor, item.currency)}</span>}
        <span className={`chip standing-${item.standing}`}>{STANDING_LABEL[item.standing]}</span>
        {awaitingPayment && (
          <Link className="btn btn-primary btn-small" to={`/auctions/${item.auctionId}/payment`}>
            Pay by {formatDateTime(item.paymentDueAt!)}
          </Link>
        )}
      </span>
    </li>
  );
}

function Bids({ tab }: { tab: Exclude<Tab, 'offers'> }) {
  const bids = useMyBidsQuery();
  const all = bids.data?.pages.flatMap((p) => p.items) ?? [];
  const items = all.filter((item) => inTab(tab, item));
  const live = all.filter((item) => item.status === 'active' || item.status === 'ended');
  return (
    <>
      {live.map((item) => (
        <LiveStanding key={item.auctionId} auctionId={item.auctionId} />
      ))}
      {bids.isPending && <Loading label="Loading your bids" />}
      {bids.isError && (
        <ErrorState error={bids.error} title="Your bids could not load" onRetry={() => void bids.refetch()} />
      )}
      {bids.isSuccess && items.length === 0 && !bids.hasNextPage && (
        <EmptyState
          title={tab === 'bidding' ? 'No auctions under way' : tab === 'won' ? 'Nothing won yet' : 'Nothing lost'}
        />
      )}
      <ul className="list" aria-label="Auctions">
        {items.map((item) => (
          <BidRow key={item.auctionId} item={item} />
        ))}
      </ul>
      {bids.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={bids.isFetchingNextPage}
          onClick={() => void bids.fetchNextPage()}
        >
          More
        </button>
      )}
    </>
  );
}

function Offers() {
  const offers = useMyOffersQuery();
  const items = offers.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      {offers.isPending && <Loading label="Loading your offers" />}
      {offers.isError && (
        <ErrorState error={offers.error} title="Your offers could not load" onRetry={() => void offers.refetch()} />
      )}
      {offers.isSuccess && items.length === 0 && <EmptyState title="No offers made yet" />}
      <ul className="list" aria-label="Offers">
        {items.map((offer) => (
          <li key={offer.id} className="order-row">
            <span className="stack order-row-main">
              <Link to={`/stories/${offer.storyId}`}>
                <strong>{offer.title}</strong>
              </Link>
              <span className="subtle">{formatDateTime(offer.createdAt)}</span>
            </span>
            <span className="stack order-row-side">
              <span className="amount">{formatMoney(offer.amountMinor, offer.currency)}</span>
              <span className="chip">{OFFER_LABEL[offer.status] ?? offer.status}</span>
            </span>
          </li>
        ))}
      </ul>
      {offers.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={offers.isFetchingNextPage}
          onClick={() => void offers.fetchNextPage()}
        >
          More
        </button>
      )}
    </>
  );
}

/** My activity: auctions I am bidding in (live standing), my offers, what I won (and must pay for) and lost. */
export default function ActivityScreen() {
  const [params, setParams] = useSearchParams();
  const tab: Tab = TABS.some((t) => t.id === params.get('tab')) ? (params.get('tab') as Tab) : 'bidding';
  return (
    <main id="main" className="page">
      <h1>My activity</h1>
      <div className="tabs" role="tablist" aria-label="Activity">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === t.id}
            onClick={() => setParams({ tab: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={TABS.find((t) => t.id === tab)!.label}>
        {tab === 'offers' ? <Offers /> : <Bids tab={tab} />}
      </div>
      <p>
        <Link to="/watchlist">Watchlist</Link>
      </p>
    </main>
  );
}
