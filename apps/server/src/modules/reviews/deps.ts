import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import type { Database, Executor } from '../../platform/db/client';
import type { IdentityService } from '../identity';
import type { NotifyInput } from '../notifications';

/** What this module calls of the identity service: the route guard and public account cards. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'accountsOf'>;

/** What this module reads of an order: its parties, its story, its state and when it was delivered. */
export interface OrdersPort {
  orderForReview(orderId: string): Promise<{
    id: string;
    buyerId: string;
    makerId: string;
    storyId: string;
    title: string;
    status: string;
    deliveredAt: Date | null;
  } | null>;
}

/** The notifications outbox, written inside this module's transactions. */
export interface NotificationsPort {
  notify(tx: Executor, input: NotifyInput): Promise<void>;
}

/** The other modules this one calls, every port required. */
export interface ReviewsPorts {
  identity: IdentityPort;
  orders: OrdersPort;
  notifications: NotificationsPort;
}

/** What the use cases are built from. */
export interface ReviewsDeps extends ReviewsPorts {
  db: Database;
  clock: Clock;
  logger: Logger;
}
