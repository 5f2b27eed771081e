import { Trans } from '@lingui/react/macro';
import { useOnline } from '../../shared/network/use-online';

/** While the browser is offline, says so on every screen: what is shown may be out of date. */
export function OfflineNotice() {
  const online = useOnline();
  return (
    <div role="status" aria-live="polite" className="connection-banner-slot">
      {!online && (
        <p className="connection-banner">
          <Trans>
            You’re offline. What you see may be out of date; bids, offers and payments wait for a connection.
          </Trans>
        </p>
      )}
    </div>
  );
}
