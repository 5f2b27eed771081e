import type { Logger } from 'pino';
import type { Config } from '../../config';
import type { Clock } from '../../platform/clock';
import type { Secrets } from '../../platform/crypto/secrets';
import type { Mailer } from '../../platform/mail/mailer';
import type { Database, Executor } from '../../platform/db/client';
import type { Realtime } from '../../platform/realtime/realtime';
import type { IdentityService } from '../identity';
import type { NotifyInput } from '../notifications';
import type { LiveMessage, PaymentsService } from '../payments';

export type OrdersIdentity = Pick<IdentityService, 'guard' | 'displayName' | 'contactOf' | 'adminIds'>;
export type OrdersPayments = Pick<
  PaymentsService,
  'requestRefund' | 'sendRefund' | 'releasePayout' | 'assertAvailable'
>;

export interface OrdersDeps {
  db: Database;
  clock: Clock;
  config: Config;
  secrets: Secrets;
  logger: Logger;
  realtime: Realtime;
  mailer: Mailer;
  publicUrl: string;
  identity: OrdersIdentity;
  notifications: { notify(tx: Executor, input: NotifyInput): Promise<void> };
  payments: OrdersPayments;
}

export type { LiveMessage };

export async function publishAll(deps: Pick<OrdersDeps, 'realtime'>, messages: LiveMessage[]): Promise<void> {
  for (const m of messages) await deps.realtime.publish(m.channel, m.type, m.data);
}

/** The live message both parties get on every change of an order. */
export function orderUpdated(order: { id: string; buyerId: string; makerId: string; status: string }): LiveMessage[] {
  const data = { orderId: order.id, status: order.status };
  return [
    { channel: `user:${order.buyerId}`, type: 'order.updated', data },
    { channel: `user:${order.makerId}`, type: 'order.updated', data },
  ];
}
