import { Trans } from '@lingui/react/macro';
import { LegalLinks } from './legal-links';
import './legal.css';

/** How buying and selling work, in the order a piece goes from a video to a parcel. */
export default function HelpScreen() {
  return (
    <main id="main" className="page stack legal">
      <h1>
        <Trans>How Video Window works</Trans>
      </h1>
      <p>
        <Trans>
          Makers sell one-of-a-kind handmade pieces through short videos and story pages. You watch, make an offer or
          bid, pay, and the maker ships to you.
        </Trans>
      </p>

      <section aria-labelledby="help-offers">
        <h2 id="help-offers">
          <Trans>Offers</Trans>
        </h2>
        <p>
          <Trans>
            Each story shows the least the maker will consider. An offer at or above it starts an auction at once, with
            your offer as the opening bid. Below it, the maker either refuses it straight away or holds it to accept or
            decline. You have one offer per piece and can withdraw it until it starts an auction.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="help-auctions">
        <h2 id="help-auctions">
          <Trans>Auctions and bidding</Trans>
        </h2>
        <ul>
          <li>
            <Trans>An auction runs for 72 hours from the first qualifying offer.</Trans>
          </li>
          <li>
            <Trans>
              The next bid must be at least the high bid plus 1 % (rounded up to a whole unit) plus 5 — the bid form
              shows the exact amount.
            </Trans>
          </li>
          <li>
            <Trans>
              Proxy bidding: give the most you would pay and we bid for you, only as much as needed to keep you in the
              lead, up to that maximum. If two people give the same maximum, the earlier one leads. Raising your own
              maximum never bids against yourself.
            </Trans>
          </li>
          <li>
            <Trans>
              Soft close: a bid in the last 10 minutes moves the end to 10 minutes after that bid, so nobody wins by
              bidding in the final second.
            </Trans>
          </li>
          <li>
            <Trans>
              A piece may have a hidden reserve; everyone sees whether it is met. If it is not met when the auction
              ends, the maker has 24 hours to accept the top bid. A maker can also accept the leading bid early.
            </Trans>
          </li>
          <li>
            <Trans>Bids cannot be taken back. Makers cannot bid on their own pieces.</Trans>
          </li>
          <li>
            <Trans>Some pieces have a buy-now price, available until an auction starts.</Trans>
          </li>
        </ul>
      </section>

      <section aria-labelledby="help-payment">
        <h2 id="help-payment">
          <Trans>Paying: the 24-hour window</Trans>
        </h2>
        <p>
          <Trans>
            When you win (or buy now), you have 24 hours to pay through a secure hosted checkout, where you also give
            your shipping address; we remind you 12, 6 and 2 hours before the end. Your card details go to the payment
            provider, never to us. An unpaid win counts as a strike — three strikes and bidding is blocked — and the
            maker may offer the piece to the next-highest bidder at their last bid, with a new 24-hour window, or list
            it again.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="help-shipping">
        <h2 id="help-shipping">
          <Trans>Shipping and confirming delivery</Trans>
        </h2>
        <p>
          <Trans>
            The maker adds the carrier and tracking number within 5 days of payment (reminded on day 3; late shipments
            are flagged). When the parcel arrives, confirm delivery on the order page; if you do not, delivery is
            confirmed automatically 14 days after shipping. Something wrong? Report a problem on the order page before
            confirming: the maker and our team see it and can refund all or part of the price.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="help-payouts">
        <h2 id="help-payouts">
          <Trans>For makers: payouts</Trans>
        </h2>
        <p>
          <Trans>
            Set up payouts from your studio and turn on two-step verification before accepting bids. The buyer’s payment
            goes to your payout account less the platform fee; the payout is released once delivery is confirmed. You
            can cancel or refund an order until you ship it.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="help-notifications">
        <h2 id="help-notifications">
          <Trans>Notifications</Trans>
        </h2>
        <p>
          <Trans>
            We tell you when you are outbid, when an auction ends soon, when you win, when to pay and when your piece
            ships — in the app, by email and, if you allow it, by push. Choose which in Notification settings. On iPhone
            and iPad, push needs the app added to your Home Screen.
          </Trans>
        </p>
      </section>
      <LegalLinks />
    </main>
  );
}
