import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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
  { id: 'bidding', label: msg({ message: 'Bidding', context: 'activity tab' }) },
  { id: 'offers', label: msg({ message: 'Offers', context: 'activity tab' }) },
  { id: 'won', label: msg({ message: 'Won', context: 'activity tab' }) },
  { id: 'lost', label: msg({ message: 'Lost', context: 'activity tab' }) },
] as const;
type Tab = (typeof TABS)[number]['id'];

const STANDING_LABEL: Record<BidActivity['standing'], MessageDescriptor> = {
  leading: msg({ message: 'Leading', context: 'bid standing' }),
  outbid: msg({ message: 'Outbid', context: 'bid standing' }),
  won: msg({ message: 'Won', context: 'bid standing' }),
  lost: msg({ message: 'Lost', context: 'bid standing' }),
};

const OFFER_LABEL: Record<string, MessageDescriptor | undefined> = {
  pending: msg`Waiting for the maker`,
  opened_auction: msg`Opened the auction`,
  declined: msg({ message: 'Declined', context: 'offer status' }),
  withdrawn: msg({ message: 'Withdrawn', context: 'offer status' }),
  superseded: msg`Closed: an auction opened`,
};

/** The label of an offer's status, if this screen knows it. */
const offerLabel = (status: string) => (Object.hasOwn(OFFER_LABEL, status) ? OFFER_LABEL[status] : undefined);

const inTab = (tab: Tab, item: BidActivity) =>
  tab === 'bidding' ? item.standing === 'leading' || item.standing === 'outbid' : item.standing === tab;

/** Refetches my standing whenever something happens on one of the auctions I am still in. */
function LiveStanding({ auctionId }: { auctionId: string }) {
  const queryClient = useQueryClient();
  useChannel(`auction:${auctionId}`, () => void queryClient.invalidateQueries({ queryKey: queryKeys.myBids }));
  return null;
}

function BidRow({ item }: { item: BidActivity }) {
  const { t } = useLingui();
  const awaitingPayment = item.standing === 'won' && item.paymentDueAt !== null;
  const myBid = formatMoney(item.myHighestBidMinor, item.currency);
  const myMaximum = formatMoney(item.myMaxMinor, item.currency);
  const endsAt = formatDateTime(item.endsAt);
  const payBy = item.paymentDueAt === null ? '' : formatDateTime(item.paymentDueAt);
  return (
    <li className="order-row" data-standing={item.standing}>
      <span className="stack order-row-main">
        <Link to={`/stories/${item.storyId}`}>
          <strong>{item.title}</strong>
        </Link>
        <span className="subtle">
          <Trans>
            My bid {myBid} · my maximum {myMaximum}
          </Trans>
        </span>
        <span className="subtle">{item.status === 'active' ? t`Ends ${endsAt}` : t`Ended ${endsAt}`}</span>
      </span>
      <span className="stack order-row-side">
        {item.highBidMinor !== null && <span className="amount">{formatMoney(item.highBidMinor, item.currency)}</span>}
        <span className={`chip standing-${item.standing}`}>{t(STANDING_LABEL[item.standing])}</span>
        {awaitingPayment && (
          <Link className="btn btn-primary btn-small" to={`/auctions/${item.auctionId}/payment`}>
            <Trans>Pay by {payBy}</Trans>
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
  const { t } = useLingui();
  return (
    <>
      {live.map((item) => (
        <LiveStanding key={item.auctionId} auctionId={item.auctionId} />
      ))}
      {bids.isPending && <Loading label={t`Loading your bids`} />}
      {bids.isError && (
        <ErrorState error={bids.error} title={t`Your bids could not load`} onRetry={() => void bids.refetch()} />
      )}
      {bids.isSuccess && items.length === 0 && !bids.hasNextPage && (
        <EmptyState
          title={tab === 'bidding' ? t`No auctions under way` : tab === 'won' ? t`Nothing won yet` : t`Nothing lost`}
        />
      )}
      <ul className="list" aria-label={t`Auctions`}>
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
          <Trans>More</Trans>
        </button>
      )}
    </>
  );
}

function Offers() {
  const offers = useMyOffersQuery();
  const items = offers.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useLingui();
  // A status this screen does not know yet shows as it comes.
  const statusText = (status: string) => {
    const label = offerLabel(status);
    return label ? t(label) : status;
  };
  return (
    <>
      {offers.isPending && <Loading label={t`Loading your offers`} />}
      {offers.isError && (
        <ErrorState error={offers.error} title={t`Your offers could not load`} onRetry={() => void offers.refetch()} />
      )}
      {offers.isSuccess && items.length === 0 && <EmptyState title={t`No offers made yet`} />}
      <ul className="list" aria-label={t`Offers`}>
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
              <span className="chip">{statusText(offer.status)}</span>
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
          <Trans>More</Trans>
        </button>
      )}
    </>
  );
}

/** My activity: auctions I am bidding in (live standing), my offers, what I won (and must pay for) and lost. */
export default function ActivityScreen() {
  const [params, setParams] = useSearchParams();
  const { t } = useLingui();
  const tab: Tab = TABS.some((entry) => entry.id === params.get('tab')) ? (params.get('tab') as Tab) : 'bidding';
  return (
    <main id="main" className="page">
      <h1>
        <Trans>My activity</Trans>
      </h1>
      <div className="tabs" role="tablist" aria-label={t`Activity`}>
        {TABS.map((entry) => (
          <button
            key={entry.id}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === entry.id}
            onClick={() => setParams({ tab: entry.id })}
          >
            {t(entry.label)}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={t(TABS.find((entry) => entry.id === tab)!.label)}>
        {tab === 'offers' ? <Offers /> : <Bids tab={tab} />}
      </div>
      <p>
        <Link to="/watchlist">
          <Trans>Watchlist</Trans>
        </Link>
      </p>
    </main>
  );
}
