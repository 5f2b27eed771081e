import type { Executor } from '../../platform/db/client';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import { daysToRollUp, rollupDay, ROLLUP_TASK } from './rollup';
import type {
  AnalyticsDeps,
  AnalyticsPorts,
  AuctionsPort,
  DashboardAuction,
  IdentityPort,
  OrdersPort,
  StoriesPort,
} from './deps';
import { eventCountsOfUser } from './event-repo';
import { recordServerEvent, type ServerEvent } from './record-event';
import { analyticsRoutes } from './routes';

export type { AnalyticsPorts, AuctionsPort, DashboardAuction, IdentityPort, OrdersPort, ServerEvent, StoriesPort };

/** The analytics module's public face for other modules. */
export interface AnalyticsService {
  /** Appends an offer, bid or payment event in the caller's transaction (it exists iff the change commits). */
  record(tx: Executor, event: ServerEvent): Promise<void>;
  /** Rebuilds the per-story and per-maker figures of one UTC day (YYYY-MM-DD); idempotent. */
  rollupDay(day: string): Promise<void>;
}

/** Append-only analytics events, the daily rollup, the maker dashboard and the admin export. */
export function createAnalyticsModule(
  ctx: AppContext,
  ports: AnalyticsPorts,
): { module: AppModule; service: AnalyticsService } {
  const recorded = ctx.metrics.counter('analytics_events_total', 'Analytics events recorded', ['type', 'source']);
  const deps: AnalyticsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    guard: ports.identity.guard,
    ...ports,
    countEvents: (type, source, n) => recorded.inc({ type, source }, n),
  };

  const service: AnalyticsService = {
    record: async (tx, event) => {
      await recordServerEvent(tx, ctx.clock, event);
      deps.countEvents(event.type, 'server', 1);
    },
    rollupDay: (day) => rollupDay(ctx.db, day, ctx.clock),
  };

  const module: AppModule = {
    name: 'analytics',
    routes: (app) =>
      analyticsRoutes(app, deps, {
        batchesPerClientPerMinute: ctx.config.ANALYTICS_BATCHES_PER_CLIENT_PER_MINUTE,
        batchesPerAddressPerMinute: ctx.config.ANALYTICS_BATCHES_PER_ADDRESS_PER_MINUTE,
      }),
    tasks: [
      defineTask(ROLLUP_TASK, async ({ day }) => {
        for (const d of day ? [day] : daysToRollUp(ctx.clock.now())) await rollupDay(ctx.db, d, ctx.clock);
      }),
    ],
    crontab: [`*/5 * * * * ${ROLLUP_TASK.name}`],
    exportUserData: async (userId) => ({ analyticsEventCounts: await eventCountsOfUser(ctx.db, userId) }),
  };
  return { module, service };
}
