import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { isIosSafari, isStandalone, promptInstall, useCanInstall } from '../../shared/pwa/install-prompt';

/**
 * Offers to install the app when the browser can (its install dialog), or on iPhone and iPad in
 * Safari explains Add to Home Screen, which notifications need there. Nothing once installed.
 */
export function InstallApp() {
  const canInstall = useCanInstall();
  const [installed, setInstalled] = useState(false);
  const [ios] = useState(() => isIosSafari() && !isStandalone());
  if (installed) {
    return (
      <p className="alert alert-success" role="status">
        <Trans>Video Window is installed. Open it from your home screen.</Trans>
      </p>
    );
  }
  if (canInstall) {
    return (
      <button
        type="button"
        className="btn btn-secondary btn-block"
        onClick={() => void promptInstall().then(setInstalled)}
      >
        <Trans>Install app</Trans>
      </button>
    );
  }
  if (ios) {
    return (
      <section className="card stack" aria-labelledby="add-to-home-screen">
        <h2 id="add-to-home-screen">
          <Trans>Add to Home Screen</Trans>
        </h2>
        <p>
          <Trans>
            On iPhone and iPad, notifications (outbid, won, shipped) only reach Video Window once it is on your Home
            Screen: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>, and open it from there.
          </Trans>
        </p>
      </section>
    );
  }
  return null;
}
