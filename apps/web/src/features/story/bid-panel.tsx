import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import { newIdempotencyKey } from '../../shared/api/client';
import { formatMoney, minNextBid } from '../../shared/money';
import { useAuctionQuery } from '../../shared/queries/auction/use-auction-query';
import { useBidsQuery } from '../../shared/queries/auction/use-bids-query';
import { usePlaceBidMutation } from '../../shared/queries/auction/use-place-bid-mutation';
import { queryKeys } from '../../shared/queries/keys';
import { useAuctionLive } from '../../shared/realtime/use-auction-live';
import { useViewer } from '../../shared/session/use-viewer';
import { Countdown } from '../../shared/ui/countdown';
import { Money } from '../../shared/ui/money';
import { ErrorState, Loading } from '../../shared/ui/states';
import { BidForm, type BidSubmission } from './bid-form';
import { BidHistory } from './bid-history';
import { MakerDecisions } from './maker-decisions';
import { useOutbidNotice } from './use-outbid-notice';

interface BidPanelProps {
  auctionId: string;
  storyId: string;
  makerId: string;
  viewerId: string | null;
  /** Where the piece would ship if the viewer wins (null: their account's country decides). */
  shippingCountry?: string | null;
}

const ENDED_TEXT: Record<string, string> = {
  ended: 'The auction has ended.',
  awaiting_payment: 'The auction has ended; the winner is paying.',
  paid: 'Sold.',
  cancelled: 'The auction was cancelled.',
  lapsed: 'The auction ended without a sale.',
  payment_expired: 'The winner did not pay in time.',
};

/** The live auction: high bid, minimum next bid, reserve, countdown, bidding and history. */
export function BidPanel({ auctionId, storyId, makerId, viewerId, shippingCountry = null }: BidPanelProps) {
  const queryClient = useQueryClient();
  const location = useLocation();
  const auctionQuery = useAuctionQuery(auctionId);
  const bids = useBidsQuery(auctionId);
  const placeBid = usePlaceBidMutation();
  const viewer = useViewer();
  const [confirmation, setConfirmation] = useState<string | null>(null);
  useAuctionLive(auctionId, storyId);
  const auction = auctionQuery.data;
  const outbid = useOutbidNotice(auction, viewerId);

  if (auctionQuery.isPending) return <Loading label="Loading the auction" lines={2} />;
  if (!auction)
    return (
      <ErrorState
        error={auctionQuery.error}
        title="The auction could not load"
        onRetry={() => void auctionQuery.refetch()}
      />
    );

  const { currency } = auction;
  const active = auction.status === 'active';
  const isMaker = viewerId === makerId;
  const leading = viewerId !== null && (auction.leaderId === viewerId || auction.isLeading);

  const submit = ({ amountMinor, maxAmountMinor }: BidSubmission) => {
    if (!viewerId) return;
    setConfirmation(null);
    outbid.dismiss();
    placeBid.mutate(
      {
        auctionId,
        amountMinor,
        maxAmountMinor,
        bidderId: viewerId,
        shippingCountry: shippingCountry ?? undefined,
        idempotencyKey: newIdempotencyKey(),
      },
      { onSuccess: () => setConfirmation(`Your bid of ${formatMoney(amountMinor, currency)} is in.`) },
    );
  };

  return (
    <section className="card bid-panel" aria-labelledby="bid-panel-title">
      <div className="row-between">
        <h2 id="bid-panel-title" className="row">
          {active && <span className="live-dot" aria-hidden="true" />}
          {active ? 'Live auction' : 'Auction'}
        </h2>
        <span className={`chip ${auction.reserveMet ? 'chip-success' : ''}`} data-testid="reserve">
          {auction.reserveMet ? 'Reserve met' : 'Reserve not met'}
        </span>
      </div>
      <dl className="bid-figures">
        <div>
          <dt>Current bid</dt>
          <dd data-testid="high-bid">
            {auction.highBidMinor !== null ? <Money minor={auction.highBidMinor} currency={currency} /> : 'No bids yet'}
          </dd>
        </div>
        <div>
          <dt>{active ? 'Time left' : 'Ended'}</dt>
          <dd>
            <Countdown
              endsAt={auction.endsAt}
              onEnd={() => void queryClient.invalidateQueries({ queryKey: queryKeys.auction(auctionId) })}
            />
          </dd>
        </div>
      </dl>
      {leading && active && (
        <p className="alert alert-success" role="status">
          You’re the highest bidder.
        </p>
      )}
      {outbid.notice && active && (
        <div className="alert alert-error outbid" role="alert">
          <div className="stack">
            <strong>You’ve been outbid</strong>
            <p>
              {outbid.notice.highBidMinor !== null
                ? `The high bid is now ${formatMoney(outbid.notice.highBidMinor, currency)}.`
                : 'Someone else is leading now.'}
            </p>
          </div>
        </div>
      )}
      {!active && <p className="muted">{ENDED_TEXT[auction.status] ?? `Auction ${auction.status}.`}</p>}
      {!active && auction.winnerId && auction.winnerId === viewerId && (
        <Link className="btn btn-primary btn-block" to={`/auctions/${auctionId}/payment`}>
          You won — pay now
        </Link>
      )}
      {active && !isMaker && viewerId && (
        <BidForm
          minNextBidMinor={auction.minNextBidMinor ?? minNextBid(auction.highBidMinor ?? 0, currency)}
          currency={currency}
          pending={placeBid.isPending}
          onSubmit={submit}
        />
      )}
      {active && !viewerId && (
        <Link className="btn btn-primary btn-block" to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>
          Sign in to bid
        </Link>
      )}
      {placeBid.isError && (
        <p role="alert" className="field-error">
          Your bid was not placed: {messageOf(placeBid.error)}
        </p>
      )}
      {confirmation && !placeBid.isError && (
        <p role="status" className="subtle">
          {confirmation}
        </p>
      )}
      {isMaker && <MakerDecisions auction={auction} />}
      {isMaker && (auction.status === 'awaiting_payment' || auction.status === 'paid') && (
        <Link className="btn btn-secondary btn-block" to={`/auctions/${auctionId}/payment`}>
          Payment status
        </Link>
      )}
      <h3 className="subtle">Bids</h3>
      {bids.isError ? (
        <p className="subtle">The bid history is not available.</p>
      ) : (
        <BidHistory
          bids={bids.data ?? []}
          currency={currency}
          viewerId={viewerId}
          voidAs={viewer.isAdmin ? auctionId : null}
        />
      )}
    </section>
  );
}
