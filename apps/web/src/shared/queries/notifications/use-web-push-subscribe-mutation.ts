import { t } from '@lingui/core/macro';
import { useMutation } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { api, unwrap } from '../../api/client';

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The subscription as the server takes it (the browser's JSON form leaves every field optional). */
function subscriptionBody(subscription: PushSubscription) {
  const { keys } = subscription.toJSON();
  return {
    endpoint: subscription.endpoint,
    expirationTime: subscription.expirationTime,
    keys: { p256dh: keys?.p256dh ?? '', auth: keys?.auth ?? '' },
  };
}

/**
 * Turns on web push for this browser: asks permission, subscribes the service worker with the
 * server's VAPID key and saves the subscription on the server.
 */
export function useWebPushSubscribeMutation() {
  return useMutation({
    mutationFn: async () => {
      if (!('serviceWorker' in navigator) || !('PushManager' in window)) {
        throw new Error(t`This browser cannot receive push notifications.`);
      }
      const permission = await Notification.requestPermission();
      if (permission !== 'granted')
        throw new Error(t`Notifications are blocked for this site in the browser settings.`);
      const { publicKey } = await unwrap(api.GET('/v1/notifications/web-push/public-key'));
      const registration = await navigator.serviceWorker.ready;
      const subscribe = () =>
        registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
      const save = (subscription: PushSubscription) =>
        unwrap(api.POST('/v1/notifications/web-push/subscriptions', { body: subscriptionBody(subscription) }));
      let subscription = (await registration.pushManager.getSubscription()) ?? (await subscribe());
      try {
        await save(subscription);
      } catch (error) {
        // The server knows this endpoint with other keys (another account's): start afresh.
        if (!(error instanceof ApiError && error.code === 'push_endpoint_taken')) throw error;
        await subscription.unsubscribe();
        subscription = await subscribe();
        await save(subscription);
      }
      return subscription.endpoint;
    },
  });
}
