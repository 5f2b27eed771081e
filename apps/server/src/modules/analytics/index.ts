import path from 'node:path';
import { z } from 'zod';
import type { Executor } from '../../platform/db/client';
import type { AppContext, AppModule } from '../../platform/module';
import type { IdentityService } from '../identity';
import { daysToRollUp, rollupDay, ROLLUP_TASK } from './rollup';
import { isDay } from './days';
import type { AnalyticsAuctions, AnalyticsDeps, AnalyticsOrders, AnalyticsStories, DashboardAuction } from './deps';
import { eventCountsOfUser } from './event-repo';
import { recordServerEvent, type ServerEvent } from './record-event';
import { analyticsRoutes } from './routes';

export type { AnalyticsAuctions, AnalyticsOrders, AnalyticsStories, DashboardAuction, ServerEvent };

/** The analytics module's public face for other modules. */
export interface AnalyticsService {
  /** Appends an offer, bid or payment event in the caller's transaction (it exists iff the change commits). */
  record(tx: Executor, event: ServerEvent): Promise<void>;
  /** Rebuilds the per-story and per-maker figures of one UTC day (YYYY-MM-DD); idempotent. */
  rollupDay(day: string): Promise<void>;
}

const rollupPayload = z.looseObject({ day: z.string().refine(isDay, 'a YYYY-MM-DD day').optional() });

/** Append-only analytics events, the daily rollup, the maker dashboard and the admin export (SPEC §9). */
export function createAnalyticsModule(
  ctx: AppContext,
  links: {
    identity: IdentityService;
    stories: () => AnalyticsStories;
    auctions: () => AnalyticsAuctions | null;
    orders: () => AnalyticsOrders;
  },
): { module: AppModule; service: AnalyticsService } {
  const recorded = ctx.metrics.counter('analytics_events_total', 'Analytics events recorded', ['type', 'source']);
  const deps: AnalyticsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    guard: links.identity.guard,
    stories: links.stories,
    auctions: links.auctions,
    orders: links.orders,
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
    migrations: path.join(import.meta.dirname, 'migrations'),
    routes: (app) =>
      analyticsRoutes(app, deps, {
        batchesPerClientPerMinute: ctx.config.ANALYTICS_BATCHES_PER_CLIENT_PER_MINUTE,
        batchesPerAddressPerMinute: ctx.config.ANALYTICS_BATCHES_PER_ADDRESS_PER_MINUTE,
      }),
    tasks: {
      // With a `day` it rebuilds that day (backfill on demand); from the crontab, yesterday and today.
      [ROLLUP_TASK]: async (payload) => {
        const { day } = rollupPayload.parse(payload ?? {});
        for (const d of day ? [day] : daysToRollUp(ctx.clock.now())) await rollupDay(ctx.db, d, ctx.clock);
      },
    },
    crontab: [`*/5 * * * * ${ROLLUP_TASK}`],
    exportUserData: async (userId) => ({ analyticsEventCounts: await eventCountsOfUser(ctx.db, userId) }),
  };
  return { module, service };
}
