import { useMutation } from '@tanstack/react-query';
import { api } from '../../api/client';

/** Turns web push off for this browser: the server forgets the subscription, then the browser drops it. */
export function useWebPushUnsubscribeMutation() {
  return useMutation({
    mutationFn: async () => {
      const registration = await navigator.serviceWorker.ready;
      const subscription = await registration.pushManager.getSubscription();
      if (!subscription) return;
      await api.DELETE('/v1/notifications/web-push/subscriptions', { body: { endpoint: subscription.endpoint } });
      await subscription.unsubscribe();
    },
  });
}
