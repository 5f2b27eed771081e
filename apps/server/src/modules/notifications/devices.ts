import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { PersonalDataCipher, SealedFor } from '../../platform/crypto/envelope';
import type { Database } from '../../platform/db/client';
import { DomainError } from '../../platform/errors';
import { resolvesToPublicOnly } from '../../platform/net/public-address';
import * as repo from './repo';
import { acceptablePushEndpoint } from './rules';

/** Browsers a user keeps subscribed at once; older ones are dropped (they rarely unsubscribe). */
export const MAX_WEB_PUSH_SUBSCRIPTIONS = 10;

export interface DeviceDeps {
  db: Database;
  clock: Clock;
  cipher: PersonalDataCipher;
  production: boolean;
  /** Endpoints may resolve to private addresses (a local stand-in; never in production). */
  allowPrivateEndpoints: boolean;
}

/**
 * Saves a browser's PushSubscription for the caller. An endpoint registered to another account
 * moves only when the request carries the keys stored with it: the browser that signs in to
 * another account presents its same subscription, while someone who merely learnt the endpoint
 * URL cannot divert (or silence) another user's notifications with keys of their own.
 */
export async function subscribeWebPush(
  deps: DeviceDeps,
  input: { userId: string; endpoint: string; p256dh: string; auth: string; userAgent: string | null },
): Promise<{ id: string; endpoint: string; createdAt: string }> {
  if (!acceptablePushEndpoint(input.endpoint, deps.production)) {
    throw new DomainError('invalid_push_endpoint', 'The subscription endpoint is not a push service URL');
  }
  // Judged by the addresses the name resolves to, not by the name (sending checks again).
  if (!deps.allowPrivateEndpoints && !(await resolvesToPublicOnly(new URL(input.endpoint).hostname))) {
    throw new DomainError('invalid_push_endpoint', 'The subscription endpoint does not resolve to a public address');
  }
  const p256dh = Buffer.from(input.p256dh, 'base64url');
  if (p256dh.length !== 65 || p256dh[0] !== 4) {
    throw new DomainError('invalid_push_keys', 'keys.p256dh must be an uncompressed P-256 public key');
  }
  if (Buffer.from(input.auth, 'base64url').length !== 16) {
    throw new DomainError('invalid_push_keys', 'keys.auth must be 16 bytes');
  }
  const row = await deps.db.transaction(async (tx) => {
    const current = await repo.lockWebPushSubscription(tx, input.endpoint);
    if (current && current.userId !== input.userId && !sameKeys(deps.cipher, current, input)) {
      throw new DomainError('push_endpoint_taken', 'This push subscription belongs to another account');
    }
    const saved = await repo.saveWebPushSubscription(tx, {
      userId: input.userId,
      endpoint: input.endpoint,
      p256dhEncrypted: deps.cipher.encrypt(input.p256dh, pushKeySealedFor('p256dh', input.endpoint)),
      authEncrypted: deps.cipher.encrypt(input.auth, pushKeySealedFor('auth', input.endpoint)),
      userAgent: input.userAgent?.slice(0, 300) ?? null,
      createdAt: deps.clock.now(),
    });
    await repo.pruneWebPushSubscriptions(tx, input.userId, MAX_WEB_PUSH_SUBSCRIPTIONS);
    return saved;
  });
  return { id: row.id, endpoint: row.endpoint, createdAt: row.createdAt.toISOString() };
}

/**
 * The associated data of a subscription's sealed keys. They are bound to the endpoint, the row's
 * unique key, because the row id is the database's choice and is kept when an endpoint re-subscribes.
 */
export function pushKeySealedFor(key: 'p256dh' | 'auth', endpoint: string): SealedFor {
  return { purpose: `notifications.web_push_subscriptions.${key}`, rowId: endpoint };
}

function sameKeys(
  cipher: PersonalDataCipher,
  stored: { endpoint: string; p256dhEncrypted: string; authEncrypted: string },
  given: { p256dh: string; auth: string },
): boolean {
  const equal = (a: string, b: string): boolean => {
    const x = Buffer.from(a, 'base64url');
    const y = Buffer.from(b, 'base64url');
    return x.length === y.length && timingSafeEqual(x, y);
  };
  // Both compared whatever the first gives, so the answer's timing says nothing about either.
  const p256dh = equal(
    cipher.decrypt(stored.p256dhEncrypted, pushKeySealedFor('p256dh', stored.endpoint)),
    given.p256dh,
  );
  const auth = equal(cipher.decrypt(stored.authEncrypted, pushKeySealedFor('auth', stored.endpoint)), given.auth);
  return p256dh && auth;
}

/** Forgets one of the caller's browsers; unknown endpoints are fine (already gone). */
export async function unsubscribeWebPush(deps: DeviceDeps, input: { userId: string; endpoint: string }): Promise<void> {
  await repo.deleteWebPushSubscription(deps.db, input.userId, input.endpoint);
}

/** Registers the caller's app install for mobile push. */
export async function registerMobilePushToken(
  deps: DeviceDeps,
  input: { userId: string; platform: 'ios' | 'android'; token: string },
): Promise<{ platform: 'ios' | 'android'; createdAt: string }> {
  const row = await repo.saveMobilePushToken(deps.db, { ...input, createdAt: deps.clock.now() });
  return { platform: row.platform, createdAt: row.createdAt.toISOString() };
}

export async function unregisterMobilePushToken(
  deps: DeviceDeps,
  input: { userId: string; token: string },
): Promise<void> {
  await repo.deleteMobilePushToken(deps.db, input.token, input.userId);
}
