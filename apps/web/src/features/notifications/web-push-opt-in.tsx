import { useState } from 'react';
import { messageOf } from '../../shared/api/api-error';
import { useWebPushSubscribeMutation } from '../../shared/queries/notifications/use-web-push-subscribe-mutation';

const supported = () =>
  typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** Offers push notifications on this device (outbid, won, shipped…) when the browser can do them. */
export function WebPushOptIn() {
  const subscribe = useWebPushSubscribeMutation();
  const [permission] = useState(() => (supported() ? Notification.permission : 'unsupported'));
  if (permission === 'unsupported') return null;
  if (subscribe.isSuccess || permission === 'granted') {
    return subscribe.isSuccess ? (
      <p className="alert alert-success" role="status">
        Push notifications are on for this device.
      </p>
    ) : (
      <button type="button" className="btn btn-ghost btn-small" onClick={() => subscribe.mutate()}>
        Re-enable push notifications on this device
      </button>
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
