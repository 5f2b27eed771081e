import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { messageOf } from '../../shared/api/api-error';
import { useWebPushSubscribeMutation } from '../../shared/queries/notifications/use-web-push-subscribe-mutation';
import { useWebPushUnsubscribeMutation } from '../../shared/queries/notifications/use-web-push-unsubscribe-mutation';

const supported = () =>
  typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** Offers push notifications on this device (outbid, won, shipped…) when the browser can do them. */
export function WebPushOptIn() {
  const subscribe = useWebPushSubscribeMutation();
  const unsubscribe = useWebPushUnsubscribeMutation();
  const [permission] = useState(() => (supported() ? Notification.permission : 'unsupported'));
  if (permission === 'unsupported') return null;
  if (unsubscribe.isSuccess) {
    return (
      <div className="stack">
        <p className="alert alert-info" role="status">
          <Trans>Push notifications are off for this device.</Trans>
        </p>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => {
            unsubscribe.reset();
            subscribe.mutate();
          }}
        >
          <Trans>Turn push notifications back on</Trans>
        </button>
      </div>
    );
  }
  if (subscribe.isSuccess || permission === 'granted') {
    return (
      <div className="stack">
        {subscribe.isSuccess ? (
          <p className="alert alert-success" role="status">
            <Trans>Push notifications are on for this device.</Trans>
          </p>
        ) : (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => subscribe.mutate()}>
            <Trans>Re-enable push notifications on this device</Trans>
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          disabled={unsubscribe.isPending}
          onClick={() => unsubscribe.mutate()}
        >
          <Trans>Turn off push notifications on this device</Trans>
        </button>
        {unsubscribe.isError && (
          <p role="alert" className="field-error">
            {messageOf(unsubscribe.error)}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="card stack">
      <strong>
        <Trans>Know the moment you are outbid</Trans>
      </strong>
      <p className="muted">
        <Trans>Get push notifications on this device for bids, wins and shipping.</Trans>
      </p>
      {permission === 'denied' ? (
        <p className="subtle">
          <Trans>Notifications are blocked for this site. Allow them in the browser settings.</Trans>
        </p>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={subscribe.isPending}
          onClick={() => subscribe.mutate()}
        >
          <Trans>Turn on push notifications</Trans>
        </button>
      )}
      {subscribe.isError && (
        <p role="alert" className="field-error">
          {messageOf(subscribe.error)}
        </p>
      )}
    </div>
  );
}
