import { Trans } from '@lingui/react/macro';
import { Link } from 'react-router';

export default function NotFoundScreen() {
  return (
    <main id="main" className="page">
      <div className="center-screen">
        <div className="stack">
          <h1>
            <Trans>Nothing here</Trans>
          </h1>
          <p className="muted">
            <Trans>This page does not exist.</Trans>
          </p>
          <Link className="btn btn-primary" to="/">
            <Trans>Back to the feed</Trans>
          </Link>
        </div>
      </div>
    </main>
  );
}
