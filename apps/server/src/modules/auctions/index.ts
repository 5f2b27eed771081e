import { isUuid } from '../../platform/ids';
import type { Executor } from '../../platform/db/client';
import type { AuthGuard } from '../../platform/http/auth';
import { perUserLimit } from '../../platform/http/user-rate-limit';
import { defineTask } from '../../platform/jobs';
import type { AppContext, AppModule } from '../../platform/module';
import {
  auctionMetrics,
  type AnalyticsPort,
  type BlocksPort,
  type AuctionsDeps,
  type AuctionsPorts,
  type IdentityPort,
  type NotificationsPort,
  type PaymentsPort,
  type PaymentWindowView,
  type StoriesPort,
} from './deps';
import { publishLive } from './effects/apply-effects';
import { TASKS } from './effects/timers';
import { auctionTiming, type AuctionTiming } from './repo/auction-repo';
import { openWindowOfAuction, findWindow, latestWindowOf, paidStoryIdsOfMaker, strikeCount } from './repo/payment-repo';
import {
  AuctionLifecycleHub,
  type AuctionLifecycleEvent,
  type AuctionLifecycleListener,
} from './effects/lifecycle-events';
import { activityRoutes } from './routes/activity-routes';
import { adminRoutes } from './routes/admin-routes';
import { auctionRoutes } from './routes/auction-routes';
import { offerRoutes } from './routes/offer-routes';
import { paymentRoutes } from './routes/payment-routes';
import { rulesConfigOf } from './timing';
import { expireWindow, markWindowPaid, remindToPay, type PaidResult } from './use-cases/payment-windows';
import { auctionSummaries, blocksStoryChanges, eraseStory, type AuctionSummary } from './use-cases/story-link';
import { cancelForTakedown } from './use-cases/story-taken-down';
import { endAuctionTimer, endingSoonTimer, makerDecisionLapseTimer } from './use-cases/timer-tasks';
import { exportUserData, eraseUserData } from './use-cases/user-data';

export type {
  AuctionLifecycleEvent,
  AuctionLifecycleListener,
  AuctionTiming,
  AnalyticsPort,
  BlocksPort,
  AuctionSummary,
  AuctionsPorts,
  IdentityPort,
  NotificationsPort,
  PaidResult,
  PaymentWindowView,
  PaymentsPort,
  StoriesPort,
};

/** The auctions module's public face for other modules (stories, payments, orders, admin). */
export interface AuctionsService {
  /** The current auction of each story that has one (feed and story page). */
  summaries(storyIds: string[]): Promise<Map<string, AuctionSummary>>;
  /** True while an auction is in flight or a buy-now buyer is paying: the story's terms are promised. */
  blocksStoryChanges(storyId: string, tx?: Executor): Promise<boolean>;
  /** Closes the offers still waiting on a story being deleted (auction history is kept). */
  eraseStory(tx: Executor, storyId: string): Promise<void>;
  /** The maker's stories whose piece was sold (a paid auction or buy-now window): the shop page's "Sold". */
  soldStoryIds(makerId: string): Promise<string[]>;
  /** A payment window by id. */
  paymentWindow(windowId: string): Promise<PaymentWindowView | null>;
  /** The auction's latest payment window (the open one while the winner may pay). */
  paymentWindowFor(auctionId: string): Promise<PaymentWindowView | null>;
  /**
   * Records the payment of a window (auction or buy-now) in the caller's transaction (idempotent);
   * its live updates go out once that transaction commits. `paid: false` means the window had
   * already closed: the money should go back.
   */
  markWindowPaid(tx: Executor, windowId: string): Promise<PaidResult>;
  /** Expires the auction's open window if its time is up (a hosted checkout expired); idempotent. */
  expirePaymentWindow(auctionId: string): Promise<void>;
  /** Non-payment strikes of a user. */
  strikesOf(userId: string): Promise<number>;
  /** An auction's story, status and current end (a timer checks the end it was armed for still holds). */
  auctionTiming(auctionId: string): Promise<AuctionTiming | null>;
  /** Registers a listener run inside the transaction of every auction opening, end move, end and cancellation. */
  onEvent(listener: AuctionLifecycleListener): void;
}

/** Offers, auctions with proxy bids and soft close, durable end timers, payment windows, live updates. */
export function createAuctionsModule(
  ctx: AppContext,
  ports: AuctionsPorts,
): { module: AppModule; service: AuctionsService } {
  const deps: AuctionsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'auctions' }),
    metrics: auctionMetrics(ctx.metrics),
    realtime: ctx.realtime,
    rules: rulesConfigOf(ctx.config),
    lifecycle: new AuctionLifecycleHub(),
    ...ports,
  };
  ports.stories.onEvent(async (tx, event) => {
    if (event.type === 'story.unpublished_by_admin' && event.auctionActive) {
      await cancelForTakedown(deps, tx, event.storyId);
    }
  });
  // Anyone may watch an auction live: what is published there is public.
  ctx.realtime.registerChannel('auction', (_caller, id) => isUuid(id));

  const service: AuctionsService = {
    summaries: (storyIds) => auctionSummaries(deps, storyIds),
    blocksStoryChanges: (storyId, tx) => blocksStoryChanges(deps, storyId, tx),
    eraseStory: (tx, storyId) => eraseStory(deps, tx, storyId),
    soldStoryIds: (makerId) => (isUuid(makerId) ? paidStoryIdsOfMaker(ctx.db, makerId) : Promise.resolve([])),
    paymentWindow: (windowId) => findWindow(ctx.db, windowId),
    paymentWindowFor: (auctionId) => latestWindowOf(ctx.db, auctionId),
    markWindowPaid: (tx, windowId) => markWindowPaid(deps, tx, windowId),
    expirePaymentWindow: async (auctionId) => {
      const window = await openWindowOfAuction(ctx.db, auctionId);
      if (window !== null) await expireWindow(deps, window.id);
    },
    strikesOf: (userId) => strikeCount(ctx.db, userId),
    auctionTiming: (auctionId) => (isUuid(auctionId) ? auctionTiming(ctx.db, auctionId) : Promise.resolve(null)),
    onEvent: (listener) => deps.lifecycle.add(listener),
  };

  const module: AppModule = {
    name: 'auctions',
    routes: (app) => {
      const guard: AuthGuard = ports.identity.guard;
      offerRoutes(app, deps, guard);
      auctionRoutes(app, deps, guard, {
        bids: perUserLimit(app, {
          name: 'bids',
          what: 'bids',
          max: ctx.config.BID_RATE_LIMIT_PER_MINUTE,
          windowMs: 60_000,
        }),
      });
      paymentRoutes(app, deps, guard);
      activityRoutes(app, deps, guard);
      adminRoutes(app, deps, guard);
    },
    tasks: [
      defineTask(TASKS.end, async ({ auctionId }) => endAuctionTimer(deps, auctionId)),
      defineTask(TASKS.endingSoon, async ({ auctionId }) => endingSoonTimer(deps, auctionId)),
      defineTask(TASKS.makerDecisionLapse, async ({ auctionId }) => makerDecisionLapseTimer(deps, auctionId)),
      defineTask(TASKS.paymentExpiry, async ({ windowId }) => expireWindow(deps, windowId)),
      defineTask(TASKS.publishLive, async ({ messages }) => publishLive(deps, messages)),
      defineTask(TASKS.paymentReminder, async ({ windowId, hoursBefore }) => remindToPay(deps, windowId, hoursBefore)),
    ],
    exportUserData: (userId) => exportUserData(deps, userId),
    eraseUserData: (tx, userId) => eraseUserData(deps, tx, userId),
  };
  return { module, service };
}
