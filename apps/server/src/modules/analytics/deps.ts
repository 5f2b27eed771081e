import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import type { AuthGuard } from '../../platform/http/auth';

/** What this module reads of stories (the stories service). */
export interface AnalyticsStories {
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
export interface AnalyticsAuctions {
  summaries(storyIds: string[]): Promise<Map<string, DashboardAuction>>;
}

/** What this module reads of orders: a maker's fulfilment work and sales. */
export interface AnalyticsOrders {
  fulfilmentCounts(makerId: string): Promise<{ toShip: number; overdue: number }>;
  /** Sales net of refunds per UTC day (YYYY-MM-DD) and currency, from `since` on. */
  revenueByDay(makerId: string, since: Date): Promise<{ day: string; currency: string; amountMinor: number }[]>;
}

export interface AnalyticsDeps {
  db: Database;
  clock: Clock;
  guard: AuthGuard;
  stories: () => AnalyticsStories;
  auctions: () => AnalyticsAuctions | null;
  orders: () => AnalyticsOrders;
  /** Counts recorded events by type and source. */
  countEvents: (type: string, source: 'client' | 'server', n: number) => void;
}
