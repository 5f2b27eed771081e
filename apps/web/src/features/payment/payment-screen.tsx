import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../shared/money';
import { countryName } from '../../shared/shipping/countries';
import { usePaymentQuery } from '../../shared/queries/payment/use-payment-query';
import { usePaymentWindowQuery } from '../../shared/queries/payment/use-payment-window-query';
import { useAuctionLive } from '../../shared/realtime/use-auction-live';
import { Countdown } from '../../shared/ui/countdown';
import { Icon } from '../../shared/ui/icons';
import { ErrorState, Loading } from '../../shared/ui/states';
import { formatDateTime } from '../../shared/time/format';
import { Receipt } from './receipt';
import './payment.css';

const OPEN = new Set(['open', 'pending', 'awaiting_payment', 'requires_payment', 'processing']);

/**
 * Pay for a piece: time left in the payment window, the hosted checkout, then the receipt. Opened
 * by auction (`/auctions/:auctionId/payment`, the winner's) or by window (`/payments/:windowId`:
 * after buy now, and where the hosted checkout returns).
 */
export default function PaymentScreen() {
  const { auctionId, windowId } = useParams();
  const byAuction = usePaymentQuery(windowId ? undefined : auctionId);
  const byWindow = usePaymentWindowQuery(windowId);
  const payment = windowId ? byWindow : byAuction;
  const window_ = payment.data;
  useAuctionLive(auctionId ?? window_?.auctionId ?? undefined);
  const { t } = useLingui();
  const country = window_?.shippingCountry ? countryName(window_.shippingCountry) : null;
  const total = window_ ? formatMoney(window_.amountMinor + window_.shippingMinor, window_.currency) : '';
  const reference = window_ ? (window_.auctionId ?? window_.id) : '';

  return (
    <main id="main" className="page">
      <div className="page-header">
        <Link to="/orders" className="icon-btn" aria-label={t`Back to orders`}>
          <Icon name="back" />
        </Link>
        <h1>
          <Trans>Payment</Trans>
        </h1>
      </div>
      {payment.isPending && <Loading label={t`Loading the payment`} />}
      {payment.isError && (
        <ErrorState
          error={payment.error}
          title={t`The payment could not load`}
          onRetry={() => void payment.refetch()}
        />
      )}
      {window_ && window_.status === 'paid' && <Receipt payment={window_} />}
      {window_ && OPEN.has(window_.status) && (
        <section className="card stack" aria-labelledby="pay-title">
          <h2 id="pay-title">
            <Trans>Complete your purchase</Trans>
          </h2>
          <dl className="kv">
            <dt>
              <Trans>Piece</Trans>
            </dt>
            <dd>{formatMoney(window_.amountMinor, window_.currency)}</dd>
            <dt>{country ? t`Shipping to ${country}` : t`Shipping`}</dt>
            <dd data-testid="pay-shipping">
              {window_.shippingMinor === 0
                ? t({ message: 'Free', context: 'shipping cost' })
                : formatMoney(window_.shippingMinor, window_.currency)}
            </dd>
            <dt>
              <Trans>Total</Trans>
            </dt>
            <dd className="amount pay-amount">{total}</dd>
            <dt>
              <Trans>Time left to pay</Trans>
            </dt>
            <dd>
              <Countdown endsAt={window_.expiresAt} urgentBelowMs={2 * 3600_000} onEnd={() => void payment.refetch()} />
            </dd>
            <dt>
              <Trans>Pay by</Trans>
            </dt>
            <dd>{formatDateTime(window_.expiresAt)}</dd>
          </dl>
          {window_.checkoutUrl ? (
            <a className="btn btn-primary btn-block" href={window_.checkoutUrl} rel="noopener">
              <Trans>Pay {total} securely</Trans>
            </a>
          ) : (
            <p className="subtle">
              <Trans>Preparing the checkout…</Trans>
            </p>
          )}
          <p className="subtle">
            <Trans>
              You pay on a secure checkout page; your card details never reach Video Window. You come back here when it
              is done, and this page updates by itself.
            </Trans>
          </p>
        </section>
      )}
      {window_ && !OPEN.has(window_.status) && window_.status !== 'paid' && (
        <section className="card stack" role="status">
          <h2>{window_.status === 'expired' ? t`The payment window has closed` : t`Payment cancelled`}</h2>
          <p className="muted">
            {window_.status === 'expired'
              ? t`The time to pay ran out, so the piece may go to another bidder.`
              : t`If this looks wrong, contact support with this reference.`}
          </p>
          <p className="subtle mono">{t`Ref. ${reference}`}</p>
        </section>
      )}
    </main>
  );
}
