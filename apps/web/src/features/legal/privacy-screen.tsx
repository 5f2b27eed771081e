import { Trans } from '@lingui/react/macro';
import { LegalLinks } from './legal-links';
import './legal.css';

/** What personal data is kept, why, and how to get or delete it. */
export default function PrivacyScreen() {
  return (
    <main id="main" className="page stack legal">
      <h1>
        <Trans>Privacy</Trans>
      </h1>
      <p>
        <Trans>
          We keep only what running the marketplace needs, and you can take it with you or delete it at any time.
        </Trans>
      </p>

      <section aria-labelledby="privacy-what">
        <h2 id="privacy-what">
          <Trans>What we keep and why</Trans>
        </h2>
        <ul>
          <li>
            <Trans>
              <strong>Your email or phone number</strong>, to send sign-in codes and the notifications you choose.
            </Trans>
          </li>
          <li>
            <Trans>
              <strong>Your username</strong>, and for makers the public profile (display name, bio, city, picture).
            </Trans>
          </li>
          <li>
            <Trans>
              <strong>Your offers, bids, orders and payments</strong>: what you bid, won, paid and shipped, so auctions
              and orders can be run and checked.
            </Trans>
          </li>
          <li>
            <Trans>
              <strong>Shipping addresses and legal names</strong>, so the maker can send the piece. These, and phone
              numbers, are encrypted in our database.
            </Trans>
          </li>
          <li>
            <Trans>
              <strong>Your sessions</strong> (which devices are signed in), so you can sign out of all of them.
            </Trans>
          </li>
          <li>
            <Trans>
              <strong>What you watch and like</strong> (views, plays, likes), so makers see how their stories do as
              totals. When you are signed out this is counted under a random id kept in your browser, never linked to
              you.
            </Trans>
          </li>
          <li>
            <Trans>
              <strong>Notification settings and push subscriptions</strong>, to reach you only the way you asked.
            </Trans>
          </li>
        </ul>
        <p>
          <Trans>
            Card details go straight to the payment provider’s hosted checkout and never reach us. We do not sell
            personal data, and our logs do not record it.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="privacy-export">
        <h2 id="privacy-export">
          <Trans>Download your data</Trans>
        </h2>
        <p>
          <Trans>
            On the Account screen, <strong>Download my data</strong> gives you everything we hold about you as a JSON
            file.
          </Trans>
        </p>
      </section>

      <section aria-labelledby="privacy-delete">
        <h2 id="privacy-delete">
          <Trans>Delete your account</Trans>
        </h2>
        <p>
          <Trans>
            On the Account screen, <strong>Delete my account</strong> signs you out everywhere and erases or anonymises
            your personal data. Records of completed sales (amounts, dates, the piece, tracking) are kept because the
            law requires it, under an anonymous id; a buyer’s shipping address is erased once any order in progress is
            closed.
          </Trans>
        </p>
      </section>
      <LegalLinks />
    </main>
  );
}
