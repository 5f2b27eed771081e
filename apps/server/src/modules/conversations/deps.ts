import type { Logger } from 'pino';
import type { Clock } from '../../platform/clock';
import type { Database, Executor } from '../../platform/db/client';
import type { Realtime } from '../../platform/realtime/realtime';
import type { IdentityService } from '../identity';
import type { NotifyInput } from '../notifications';

/** What this module calls of the identity service: the route guard and public account cards. */
export type IdentityPort = Pick<IdentityService, 'guard' | 'accountsOf'>;

/** What this module reads of a story: who makes it, whether it is on show, and its title. */
export interface StoriesPort {
  storyTerms(storyId: string): Promise<{ makerId: string; status: string; title: string } | null>;
  /** The same for several stories at once (for conversation lists), keyed by id. */
  storiesByIds(storyIds: string[]): Promise<Map<string, { makerId: string; status: string; title: string }>>;
}

/** What this module reads of an order: its two parties and its story. */
export interface OrdersPort {
  orderParties(orderId: string): Promise<{ buyerId: string; makerId: string; storyId: string; title: string } | null>;
}

/** The notifications outbox, written inside this module's transactions. */
export interface NotificationsPort {
  notify(tx: Executor, input: NotifyInput): Promise<void>;
}

/** The other modules this one calls, every port required. */
export interface ConversationsPorts {
  identity: IdentityPort;
  stories: StoriesPort;
  orders: OrdersPort;
  notifications: NotificationsPort;
}

/** What the use cases are built from. */
export interface ConversationsDeps extends ConversationsPorts {
  db: Database;
  clock: Clock;
  logger: Logger;
  realtime: Realtime;
}
