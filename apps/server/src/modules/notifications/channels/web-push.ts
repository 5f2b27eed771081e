import http from 'node:http';
import https from 'node:https';
import webpush from 'web-push';
import type { PersonalDataCipher } from '../../../platform/crypto/envelope';
import type { Database } from '../../../platform/db/client';
import { CircuitOpenError, type CircuitBreakers } from '../../../platform/http/circuit-breaker';
import { deleteWebPushSubscriptionById, webPushSubscriptionsOf, type WebPushSubscriptionRow } from '../repo';
import { publicOnlyLookup } from '../../../platform/net/public-address';
import { pushKeySealedFor } from '../devices';
import type { VapidKeys } from '../vapid';
import { textOf, type ChannelSender, type DeliveryContext } from './channel';
import { PermanentDeliveryError } from './channel';

const TIMEOUT_MS = 10_000;
/** Push services keep an undelivered message this long for an offline browser. */
const TTL_SECONDS = 24 * 3600;
const URGENT = new Set(['outbid', 'ending_soon', 'payment_reminder']);

/** A push service answered with a status that says the service itself is in trouble. */
export class PushServiceError extends Error {
  constructor(readonly status: number) {
    super(`push service answered ${status}`);
    this.name = 'PushServiceError';
  }
}

type PushResult = 'sent' | 'gone' | 'rejected';

/**
 * Web push (RFC 8030 + VAPID, payload encrypted per RFC 8291). The request is built by `web-push`
 * and sent with fetch so every call has a timeout, and each push service (by origin) has its own
 * circuit breaker. Subscriptions the service reports gone (404/410) are removed.
 */
export function webPushChannel(options: {
  db: Database;
  cipher: PersonalDataCipher;
  breakers: CircuitBreakers;
  vapid: () => Promise<VapidKeys | null>;
  /** Endpoints may resolve to private addresses (a local stand-in; never in production). */
  allowPrivateEndpoints?: boolean;
}): ChannelSender {
  async function pushTo(
    sub: WebPushSubscriptionRow,
    payload: string,
    urgent: boolean,
    vapid: VapidKeys,
  ): Promise<PushResult> {
    const details = webpush.generateRequestDetails(
      {
        endpoint: sub.endpoint,
        keys: {
          p256dh: options.cipher.decrypt(sub.p256dhEncrypted, pushKeySealedFor('p256dh', sub.endpoint)),
          auth: options.cipher.decrypt(sub.authEncrypted, pushKeySealedFor('auth', sub.endpoint)),
        },
      },
      payload,
      { vapidDetails: vapid, TTL: TTL_SECONDS, urgency: urgent ? 'high' : 'normal' },
    );
    const headers = Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)]));
    const breaker = options.breakers.get(`web_push:${new URL(sub.endpoint).origin}`);
    const status = await breaker.run(async () => {
      const answered = await postToPushService(details.endpoint, {
        method: details.method,
        headers,
        body: details.body,
        publicOnly: !options.allowPrivateEndpoints,
      });
      if (answered === 429 || answered >= 500) throw new PushServiceError(answered);
      return answered;
    });
    if (status >= 200 && status < 300) return 'sent';
    if (status === 404 || status === 410) {
      await deleteWebPushSubscriptionById(options.db, sub.id);
      return 'gone';
    }
    return 'rejected';
  }

  return {
    async send(delivery: DeliveryContext) {
      const vapid = await options.vapid();
      if (!vapid) return { status: 'skipped', reason: 'web push is not configured' };
      const subs = await webPushSubscriptionsOf(options.db, delivery.notification.userId);
      if (subs.length === 0) return { status: 'skipped', reason: 'no web push subscription' };
      const n = delivery.notification;
      const { title, body } = await textOf(delivery);
      const payload = JSON.stringify({ id: n.id, kind: n.kind, title, body, link: n.link });
      const results = await Promise.allSettled(subs.map((s) => pushTo(s, payload, URGENT.has(n.kind), vapid)));
      // One browser reached is enough: retrying would show the notification twice there.
      if (results.some((r) => r.status === 'fulfilled' && r.value === 'sent')) return { status: 'sent' };
      const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failure) {
        const open = results.find(
          (r): r is PromiseRejectedResult => r.status === 'rejected' && r.reason instanceof CircuitOpenError,
        );
        throw open ? open.reason : failure.reason;
      }
      if (results.every((r) => r.status === 'fulfilled' && r.value === 'gone')) {
        return { status: 'skipped', reason: 'every web push subscription has expired' };
      }
      throw new PermanentDeliveryError('the push service rejected the message');
    },
  };
}

/**
 * One POST to a push service; answers its status. With `publicOnly` the connection goes only to
 * addresses checked to be public at connection time (the lookup itself refuses any other, so a
 * name re-pointed after the subscription was accepted cannot reach the internal network).
 * Redirects are not followed.
 */
function postToPushService(
  endpoint: string,
  request: { method: string; headers: Record<string, string>; body: Buffer | null; publicOnly: boolean },
): Promise<number> {
  const url = new URL(endpoint);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: request.method,
        headers: request.headers,
        timeout: TIMEOUT_MS,
        ...(request.publicOnly ? { lookup: publicOnlyLookup } : {}),
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`push service did not answer within ${TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end(request.body ?? undefined);
  });
}
