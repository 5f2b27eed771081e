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
          Push notifications are off for this device.
        </p>
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => {
            unsubscribe.reset();
            subscribe.mutate();
          }}
        >
          Turn push notifications back on
        </button>
      </div>
    );
  }
  if (subscribe.isSuccess || permission === 'granted') {
    return (
      <div className="stack">
        {subscribe.isSuccess ? (
          <p className="alert alert-success" role="status">
            Push notifications are on for this device.
          </p>
        ) : (
          <button type="button" className="btn btn-ghost btn-small" onClick={() => subscribe.mutate()}>
            Re-enable push notifications on this device
          </button>
        )}
        <button
          type="button"
          className="btn btn-ghost btn-small"
          disabled={unsubscribe.isPending}
          onClick={() => unsubscribe.mutate()}
        >
          Turn off push notifications on this device
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
      <strong>Know the moment you are outbid</strong>
      <p className="muted">Get push notifications on this device for bids, wins and shipping.</p>
      {permission === 'denied' ? (
        <p className="subtle">Notifications are blocked for this site. Allow them in the browser settings.</p>
      ) : (
        <button
          type="button"
          className="btn btn-primary"
          disabled={subscribe.isPending}
          onClick={() => subscribe.mutate()}
        >
          Turn on push notifications
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
