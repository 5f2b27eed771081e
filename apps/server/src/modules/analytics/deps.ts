import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import type { AuthGuard } from '../../platform/http/auth';
import type { IdentityService } from '../identity';

/** What this module calls of the identity service: the route guard. */
export type IdentityPort = Pick<IdentityService, 'guard'>;

/** What this module reads of stories (the stories service). */
export interface StoriesPort {
  storiesByIds(storyIds: string[]): Promise<Map<string, { id: string; makerId: string }>>;
  /** A maker's stories, any status. */
  storiesOfMaker(makerId: string): Promise<{ id: string; title: string; status: string; publishedAt: string | null }[]>;
}

/** The current auction of a story, as the dashboard shows it. */
export interface DashboardAuction {
  state: string;
  highBidMinor: number | null;
  currency: string;
  reserveMet: boolean;
  endsAt: string;
  bidCount: number;
}

/** What this module reads of auctions (the auctions service). */
export interface AuctionsPort {
  summaries(storyIds: string[]): Promise<Map<string, DashboardAuction>>;
}

/** What this module reads of orders: a maker's fulfilment work and sales. */
export interface OrdersPort {
  fulfilmentCounts(makerId: string): Promise<{ toShip: number; overdue: number }>;
  /** Sales net of refunds per UTC day (YYYY-MM-DD) and currency, from `since` on. */
  revenueByDay(makerId: string, since: Date): Promise<{ day: string; currency: string; amountMinor: number }[]>;
}

/** The other modules this one calls, every port required (all are built before this module). */
export interface AnalyticsPorts {
  identity: IdentityPort;
  stories: StoriesPort;
  auctions: AuctionsPort;
  orders: OrdersPort;
}

export interface AnalyticsDeps extends AnalyticsPorts {
  db: Database;
  clock: Clock;
  guard: AuthGuard;
  /** Counts recorded events by type and source. */
  countEvents: (type: string, source: 'client' | 'server', n: number) => void;
}
