import { Trans } from '@lingui/react/macro';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useRealtime } from '../../shared/realtime/realtime-context';
import { resyncLiveQueries } from '../../shared/realtime/resync';
import { useOnline } from '../../shared/network/use-online';

/**
 * While the realtime connection is down after it was up, says "Reconnecting…" (politely, not
 * interrupting); when it is back, the live queries are fetched anew, then the banner goes.
 * Offline, the offline notice speaks instead.
 */
export function ReconnectingBanner() {
  const realtime = useRealtime();
  const queryClient = useQueryClient();
  const online = useOnline();
  const [down, setDown] = useState(false);
  useEffect(() => {
    let wasOpen = realtime.status() === 'open';
    let lost = false;
    return realtime.onStatus((status) => {
      if (status === 'open') {
        wasOpen = true;
        if (!lost) return;
        lost = false;
        void resyncLiveQueries(queryClient).finally(() => setDown(false));
      } else if (status === 'reconnecting' && wasOpen) {
        lost = true;
        setDown(true);
      } else if (status === 'idle') {
        // Closed on purpose (nothing to listen to, or a new session connecting afresh).
        lost = false;
        setDown(false);
      }
    });
  }, [realtime, queryClient]);
  return (
    <div role="status" aria-live="polite" className="connection-banner-slot">
      {down && online && (
        <p className="connection-banner">
          <Trans>Reconnecting…</Trans>
        </p>
      )}
    </div>
  );
}
