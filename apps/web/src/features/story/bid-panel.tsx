import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
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

const ENDED_TEXT: Record<string, MessageDescriptor> = {
  ended: msg`The auction has ended.`,
  awaiting_payment: msg`The auction has ended; the winner is paying.`,
  paid: msg`Sold.`,
  cancelled: msg`The auction was cancelled.`,
  lapsed: msg`The auction ended without a sale.`,
  payment_expired: msg`The winner did not pay in time.`,
};

/** The live auction: high bid, minimum next bid, reserve, countdown, bidding and history. */
export function BidPanel({ auctionId, storyId, makerId, viewerId, shippingCountry = null }: BidPanelProps) {
  const queryClient = useQueryClient();
  const location = useLocation();
  const auctionQuery = useAuctionQuery(auctionId);
  const bids = useBidsQuery(auctionId);
  const placeBid = usePlaceBidMutation();
  const viewer = useViewer();
  const { t } = useLingui();
  /** The amount of the bid the server just accepted, confirmed under the form. */
  const [confirmed, setConfirmed] = useState<number | null>(null);
  useAuctionLive(auctionId, storyId);
  const auction = auctionQuery.data;
  const outbid = useOutbidNotice(auction, viewerId);

  if (auctionQuery.isPending) return <Loading label={t`Loading the auction`} lines={2} />;
  if (!auction)
    return (
      <ErrorState
        error={auctionQuery.error}
        title={t`The auction could not load`}
        onRetry={() => void auctionQuery.refetch()}
      />
    );

  const { currency } = auction;
  const active = auction.status === 'active';
  const isMaker = viewerId === makerId;
  const leading = viewerId !== null && (auction.leaderId === viewerId || auction.isLeading);

  const submit = ({ amountMinor, maxAmountMinor }: BidSubmission) => {
    if (!viewerId) return;
    setConfirmed(null);
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
      { onSuccess: () => setConfirmed(amountMinor) },
    );
  };

  const endedText = ENDED_TEXT[auction.status];
  const status = auction.status;
  const outbidHigh =
    outbid.notice && outbid.notice.highBidMinor !== null ? formatMoney(outbid.notice.highBidMinor, currency) : null;
  const confirmedAmount = confirmed !== null ? formatMoney(confirmed, currency) : null;
  const reason = placeBid.isError ? messageOf(placeBid.error, { currency }) : null;

  return (
    <section className="card bid-panel" aria-labelledby="bid-panel-title">
      <div className="row-between">
        <h2 id="bid-panel-title" className="row">
          {active && <span className="live-dot" aria-hidden="true" />}
          {active ? <Trans>Live auction</Trans> : <Trans>Auction</Trans>}
        </h2>
        <span className={`chip ${auction.reserveMet ? 'chip-success' : ''}`} data-testid="reserve">
          {auction.reserveMet ? <Trans>Reserve met</Trans> : <Trans>Reserve not met</Trans>}
        </span>
      </div>
      <dl className="bid-figures">
        <div>
          <dt>
            <Trans>Current bid</Trans>
          </dt>
          <dd data-testid="high-bid">
            {auction.highBidMinor !== null ? (
              <Money minor={auction.highBidMinor} currency={currency} />
            ) : (
              <Trans>No bids yet</Trans>
            )}
          </dd>
        </div>
        <div>
          <dt>{active ? <Trans>Time left</Trans> : <Trans context="auction">Ended</Trans>}</dt>
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
          <Trans>You’re the highest bidder.</Trans>
        </p>
      )}
      {outbid.notice && active && (
        <div className="alert alert-error outbid" role="alert">
          <div className="stack">
            <strong>
              <Trans>You’ve been outbid</Trans>
            </strong>
            <p>
              {outbidHigh !== null ? (
                <Trans>The high bid is now {outbidHigh}.</Trans>
              ) : (
                <Trans>Someone else is leading now.</Trans>
              )}
            </p>
          </div>
        </div>
      )}
      {!active && <p className="muted">{endedText ? t(endedText) : t`Auction ${status}.`}</p>}
      {!active && auction.winnerId && auction.winnerId === viewerId && (
        <Link className="btn btn-primary btn-block" to={`/auctions/${auctionId}/payment`}>
          <Trans>You won — pay now</Trans>
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
          <Trans>Sign in to bid</Trans>
        </Link>
      )}
      {placeBid.isError && (
        <p role="alert" className="field-error">
          <Trans>Your bid was not placed: {reason}</Trans>
        </p>
      )}
      {confirmedAmount && !placeBid.isError && (
        <p role="status" className="subtle">
          <Trans>Your bid of {confirmedAmount} is in.</Trans>
        </p>
      )}
      {isMaker && <MakerDecisions auction={auction} />}
      {isMaker && (auction.status === 'awaiting_payment' || auction.status === 'paid') && (
        <Link className="btn btn-secondary btn-block" to={`/auctions/${auctionId}/payment`}>
          <Trans>Payment status</Trans>
        </Link>
      )}
      <h3 className="subtle">
        <Trans>Bids</Trans>
      </h3>
      {bids.isError ? (
        <p className="subtle">
          <Trans>The bid history is not available.</Trans>
        </p>
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
