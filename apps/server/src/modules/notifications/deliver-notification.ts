import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { CircuitOpenError } from '../../platform/http/circuit-breaker';
import { maskPersonalData } from '../../platform/logger';
import type { UserContact } from '../identity';
import type { IdentityPort } from './deps';
import {
  PermanentDeliveryError,
  type ChannelOutcome,
  type ChannelSender,
  type DeliveryContext,
} from './channels/channel';
import { deliveryChannels, type DeliveryChannel, type DeliveryStatus } from './kinds';
import { ensureDelivery, findNotification, preferenceOverrides, updateDelivery, type DeliveryRow } from './repo';
import { channelEnabled } from './rules';

/** Real attempts per channel before it is marked failed (deferrals by an open circuit do not count). */
export const MAX_CHANNEL_ATTEMPTS = 6;

export interface DeliveryDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  identity: Pick<IdentityPort, 'contactOf'>;
  channels: Record<DeliveryChannel, ChannelSender>;
  onOutcome?: (channel: DeliveryChannel, status: DeliveryStatus | 'retry' | 'deferred') => void;
}

/** Thrown so the job queue retries the notification later (with its backoff). */
export class DeliveryIncomplete extends Error {
  constructor(readonly channels: DeliveryChannel[]) {
    super(`notification delivery incomplete on: ${channels.join(', ')}`);
    this.name = 'DeliveryIncomplete';
  }
}

/**
 * Fans one notification out to every channel the user's preferences allow. Each channel's
 * delivery row is checked before sending and settled after, so a retried job only tries the
 * channels still pending and never sends a channel twice. Throws DeliveryIncomplete while a
 * channel awaits a retry; on the job's last attempt those channels are marked failed instead.
 */
export async function deliverNotification(
  deps: DeliveryDeps,
  notificationId: string,
  options: { lastAttempt: boolean },
): Promise<void> {
  const notification = await findNotification(deps.db, notificationId);
  if (!notification) return; // erased together with its user
  const overrides = await preferenceOverrides(deps.db, notification.userId);
  let contact: Promise<UserContact | null> | undefined;
  const delivery: DeliveryContext = {
    notification,
    contact: () => (contact ??= deps.identity.contactOf(notification.userId)),
  };

  const unfinished: DeliveryChannel[] = [];
  for (const channel of deliveryChannels) {
    const row = await ensureDelivery(deps.db, notification.id, channel, deps.clock.now());
    if (row.status !== 'pending') continue;
    if (channel !== 'in_app' && !channelEnabled(notification.kind, channel, overrides)) {
      await settle(deps, row, { status: 'skipped', reason: 'turned off in preferences' });
      continue;
    }
    if (!(await attempt(deps, row, delivery))) unfinished.push(channel);
  }

  if (unfinished.length === 0) return;
  if (!options.lastAttempt) throw new DeliveryIncomplete(unfinished);
  for (const channel of unfinished) {
    await updateDelivery(deps.db, notification.id, channel, { status: 'failed', updatedAt: deps.clock.now() });
    deps.onOutcome?.(channel, 'failed');
  }
}

/** Sends on one channel; true when the delivery is settled (sent, skipped or failed for good). */
async function attempt(deps: DeliveryDeps, row: DeliveryRow, delivery: DeliveryContext): Promise<boolean> {
  let outcome: ChannelOutcome;
  try {
    outcome = await deps.channels[row.channel].send(delivery);
  } catch (err) {
    const now = deps.clock.now();
    const message = describe(err);
    if (err instanceof CircuitOpenError) {
      await updateDelivery(deps.db, row.notificationId, row.channel, {
        status: 'pending',
        lastError: message,
        updatedAt: now,
      });
      deps.onOutcome?.(row.channel, 'deferred');
      return false;
    }
    const attempts = row.attempts + 1;
    const final = err instanceof PermanentDeliveryError || attempts >= MAX_CHANNEL_ATTEMPTS;
    await updateDelivery(deps.db, row.notificationId, row.channel, {
      status: final ? 'failed' : 'pending',
      attempts,
      lastError: message,
      updatedAt: now,
    });
    deps.logger.warn(
      { notificationId: row.notificationId, channel: row.channel, attempts, final, error: message },
      'notification delivery failed',
    );
    deps.onOutcome?.(row.channel, final ? 'failed' : 'retry');
    return final;
  }
  await settle(deps, row, outcome);
  return true;
}

async function settle(deps: DeliveryDeps, row: DeliveryRow, outcome: ChannelOutcome): Promise<void> {
  const now = deps.clock.now();
  switch (outcome.status) {
    case 'sent':
      await updateDelivery(deps.db, row.notificationId, row.channel, {
        status: 'sent',
        attempts: row.attempts + 1,
        lastError: null,
        sentAt: now,
        updatedAt: now,
      });
      break;
    case 'skipped':
      await updateDelivery(deps.db, row.notificationId, row.channel, {
        status: 'skipped',
        lastError: outcome.reason,
        updatedAt: now,
      });
      break;
    default: {
      const exhaustive: never = outcome;
      throw new Error(`unknown outcome ${String(exhaustive)}`);
    }
  }
  deps.onOutcome?.(row.channel, outcome.status);
}

/** Error text worth keeping on the delivery row: short, with personal data masked. */
function describe(err: unknown): string {
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return maskPersonalData(text).slice(0, 500);
}
