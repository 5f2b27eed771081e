import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';

/** Help, terms and privacy, linked at the foot of each of the three pages. */
export function LegalLinks() {
  const { t } = useLingui();
  return (
    <nav aria-label={t`About Video Window`} className="legal-links">
      <Link to="/help">
        <Trans>Help</Trans>
      </Link>
      <Link to="/terms">
        <Trans>Terms</Trans>
      </Link>
      <Link to="/privacy">
        <Trans>Privacy</Trans>
      </Link>
    </nav>
  );
}
