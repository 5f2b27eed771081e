import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Mailer } from '../../platform/mail/mailer';
import type { Database, Executor } from '../../platform/db/client';
import { afterCommit } from '../../platform/db/unit-of-work';
import type { Realtime } from '../../platform/realtime/realtime';
import type { IdentityService } from '../identity';
import type { NotificationsService } from '../notifications';
import type { LiveMessage, PaymentsService } from '../payments';

/** What this module calls of the identity service. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'displayName' | 'contactOf' | 'adminIds' | 'localeOf'>;

/** What this module calls of the payments service: refunds, payouts, and whether the provider is up. */
export type PaymentsPort = Pick<PaymentsService, 'requestRefund' | 'sendRefund' | 'releasePayout' | 'assertAvailable'>;

/** What this module calls of the notifications service (inside its transactions). */
export type NotificationsPort = Pick<NotificationsService, 'notify'>;

/** The other modules this one calls, every port required (all are built before this module). */
export interface OrdersPorts {
  identity: IdentityPort;
  notifications: NotificationsPort;
  payments: PaymentsPort;
}

export interface OrdersDeps extends OrdersPorts {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  logger: Logger;
  realtime: Realtime;
  mailer: Mailer;
  publicUrl: string;
}

export type { LiveMessage };

export async function publishAll(deps: Pick<OrdersDeps, 'realtime'>, messages: LiveMessage[]): Promise<void> {
  for (const m of messages) await deps.realtime.publishMessage(m);
}

/** Publishes the messages once the transaction `tx` has committed (never if it rolls back). */
export function publishAfterCommit(deps: Pick<OrdersDeps, 'realtime'>, tx: Executor, messages: LiveMessage[]): void {
  if (messages.length > 0) afterCommit(tx, () => publishAll(deps, messages));
}

/** The live message both parties get on every change of an order. */
export function orderUpdated(order: { id: string; buyerId: string; makerId: string; status: string }): LiveMessage[] {
  const data = { orderId: order.id, status: order.status };
  return [
    { channel: `user:${order.buyerId}`, type: 'order.updated', data },
    { channel: `user:${order.makerId}`, type: 'order.updated', data },
  ];
}
