import { Trans } from '@lingui/react/macro';
import { LegalLinks } from './legal-links';
import './legal.css';

/** The rules of buying and selling, short. */
export default function TermsScreen() {
  return (
    <main id="main" className="page stack legal">
      <h1>
        <Trans>Terms of use</Trans>
      </h1>
      <p>
        <Trans>
          Video Window is a marketplace: makers sell their own handmade pieces to buyers. By using it you agree to these
          terms.
        </Trans>
      </p>

      <section aria-labelledby="terms-account">
        <h2 id="terms-account">
          <Trans>Your account</Trans>
        </h2>
        <p>
          <Trans>
            You sign in with a one-time code sent to your email or phone, or with Google or Apple. Keep access to them
            to yourself. Makers must use two-step verification. We may suspend an account that breaks these terms; a
            suspended account is signed out everywhere.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="terms-bids">
        <h2 id="terms-bids">
          <Trans>Offers and bids are binding</Trans>
        </h2>
        <p>
          <Trans>
            An offer that starts an auction and every bid you place are commitments to buy at that price if you win.
            Bids cannot be withdrawn. The winner must pay within 24 hours; not paying earns a strike, and three strikes
            block bidding. We may void bids we believe are fraudulent.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="terms-makers">
        <h2 id="terms-makers">
          <Trans>Selling</Trans>
        </h2>
        <p>
          <Trans>
            Makers list only pieces they made and can ship, describe them truthfully, and ship within 5 days of payment
            with tracking. A maker may not bid on their own pieces. The platform keeps a fee from each sale; the rest is
            paid out once delivery is confirmed.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="terms-problems">
        <h2 id="terms-problems">
          <Trans>When something goes wrong</Trans>
        </h2>
        <p>
          <Trans>
            A buyer can report a problem with an order before confirming delivery. Makers can refund before shipping,
            and our team can refund any order. Stories or people that break the rules can be reported; our team reviews
            reports and may take stories down.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="terms-content">
        <h2 id="terms-content">
          <Trans>Videos and stories</Trans>
        </h2>
        <p>
          <Trans>
            Makers keep the rights to what they upload and let us show it in the app. Videos are for watching here only:
            downloading or copying them is not allowed.
          </Trans>
        </p>
      </section>
      <LegalLinks />
    </main>
  );
}
