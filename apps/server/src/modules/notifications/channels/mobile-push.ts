import type { Database } from '../../../platform/db/client';
import { CircuitOpenError, type CircuitBreaker } from '../../../platform/http/circuit-breaker';
import { deleteMobilePushToken, mobilePushTokensOf } from '../repo';
import { textOf, type ChannelSender } from './channel';
import { PermanentDeliveryError } from './channel';

export interface MobileDevice {
  platform: 'ios' | 'android';
  token: string;
}

export interface MobilePushMessage {
  notificationId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** `unregistered`: the provider says the app was removed or the token expired; the token is dropped. */
export type MobilePushResult = 'sent' | 'unregistered' | 'rejected';

/** The mobile push provider adapter (FCM HTTP v1 today; APNs directly would be another implementation). */
export interface MobilePushSender {
  readonly configured: boolean;
  send(device: MobileDevice, message: MobilePushMessage): Promise<MobilePushResult>;
}

/** Used when no provider is configured: every mobile delivery is skipped, never failed. */
export const unconfiguredMobilePush: MobilePushSender = {
  configured: false,
  send: () => Promise.reject(new Error('mobile push is not configured')),
};

export function mobilePushChannel(options: {
  db: Database;
  sender: MobilePushSender;
  breaker: CircuitBreaker;
}): ChannelSender {
  return {
    async send(delivery) {
      const n = delivery.notification;
      if (!options.sender.configured) return { status: 'skipped', reason: 'mobile push is not configured' };
      const devices = await mobilePushTokensOf(options.db, n.userId);
      if (devices.length === 0) return { status: 'skipped', reason: 'no mobile device registered' };
      const { title, body } = await textOf(delivery);
      const message = { notificationId: n.id, kind: n.kind, title, body, link: n.link };
      const results = await Promise.allSettled(
        devices.map((d) => options.breaker.run(() => options.sender.send(d, message))),
      );
      await Promise.all(
        results.map((r, i) =>
          r.status === 'fulfilled' && r.value === 'unregistered'
            ? deleteMobilePushToken(options.db, devices[i]!.token)
            : Promise.resolve(),
        ),
      );
      // One device reached is enough: retrying would alert that device twice.
      if (results.some((r) => r.status === 'fulfilled' && r.value === 'sent')) return { status: 'sent' };
      const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      const first = failures.find((f) => f.reason instanceof CircuitOpenError) ?? failures[0];
      if (first) throw first.reason;
      if (results.every((r) => r.status === 'fulfilled' && r.value === 'unregistered')) {
        return { status: 'skipped', reason: 'every mobile device token has expired' };
      }
      throw new PermanentDeliveryError('the mobile push provider rejected the message');
    },
  };
}
