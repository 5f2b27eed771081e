import { Trans, useLingui } from '@lingui/react/macro';
import type { Bid } from '../../shared/api/types';
import { formatMoney } from '../../shared/money';
import { formatAgo } from '../../shared/time/format';
import { VoidBid } from './void-bid';

/** Accepted bids, newest first; the viewer's own marked "You". `voidAs`: an admin may void bids of that auction. */
export function BidHistory({
  bids,
  currency,
  viewerId,
  voidAs = null,
}: {
  bids: Bid[];
  currency: string;
  viewerId: string | null;
  voidAs?: string | null;
}) {
  const { t } = useLingui();
  if (bids.length === 0)
    return (
      <p className="subtle">
        <Trans>No bids yet.</Trans>
      </p>
    );
  const newestFirst = [...bids].sort((a, b) => b.sequence - a.sequence).slice(0, 20);
  return (
    <ol className="list bid-history" aria-label={t`Bid history`} reversed>
      {newestFirst.map((bid) => {
        const pending = bid.id.startsWith('pending-');
        return (
          <li
            key={bid.id}
            className="row-between"
            data-pending={pending || undefined}
            data-voided={bid.voided || undefined}
          >
            <span>
              {bid.bidderId === viewerId ? (
                <strong>
                  <Trans context="bidder">You</Trans>
                </strong>
              ) : (
                bid.bidderAlias
              )}
              {bid.kind === 'proxy' && (
                <span className="subtle">
                  {' · '}
                  <Trans context="bid">automatic</Trans>
                </span>
              )}
              {bid.voided && (
                <span className="subtle">
                  {' · '}
                  <Trans context="bid">voided</Trans>
                </span>
              )}
              {pending && (
                <span className="subtle">
                  {' · '}
                  <Trans context="bid">sending…</Trans>
                </span>
              )}
            </span>
            <span className="row">
              <span className="subtle">{pending ? '' : formatAgo(bid.createdAt)}</span>
              <span className="amount">{formatMoney(bid.amountMinor, currency)}</span>
            </span>
            {voidAs && !pending && !bid.voided && <VoidBid auctionId={voidAs} bid={bid} currency={currency} />}
          </li>
        );
      })}
    </ol>
  );
}
