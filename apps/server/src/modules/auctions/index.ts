import path from 'node:path';
import { z } from 'zod';
import type { Executor } from '../../platform/db/client';
import type { AuthGuard } from '../../platform/http/auth';
import { perUserLimit } from '../../platform/http/user-rate-limit';
import type { AppContext, AppModule } from '../../platform/module';
import type { IdentityService } from '../identity';
import {
  auctionMetrics,
  type AnalyticsPort,
  type AuctionsDeps,
  type NotificationsPort,
  type PaymentsPort,
  type PaymentWindowView,
  type StoriesPort,
} from './deps';
import { publishLive } from './effects/apply-effects';
import { TASKS } from './effects/timers';
import { openWindowOfAuction, findWindow, latestWindowOf, strikeCount } from './repo/payment-repo';
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
import { notFound } from '../../platform/errors';

export type { AnalyticsPort, AuctionSummary, PaidResult, PaymentWindowView, PaymentsPort, StoriesPort };

/** The auctions module's public face for other modules (stories, payments, orders, admin). */
export interface AuctionsService {
  /** The current auction of each story that has one (feed and story page). */
  summaries(storyIds: string[]): Promise<Map<string, AuctionSummary>>;
  /** True while an auction is in flight or a buy-now buyer is paying: the story's terms are promised. */
  blocksStoryChanges(storyId: string, tx?: Executor): Promise<boolean>;
  /** Closes the offers still waiting on a story being deleted (auction history is kept). */
  eraseStory(tx: Executor, storyId: string): Promise<void>;
  /** A payment window by id. */
  paymentWindow(windowId: string): Promise<PaymentWindowView | null>;
  /** The auction's latest payment window (the open one while the winner may pay). */
  paymentWindowFor(auctionId: string): Promise<PaymentWindowView | null>;
  /**
   * Records a payment in the caller's transaction (idempotent); call `publish()` after commit.
   * `id` is the payment window's id, or an auction's id (then its open, else latest, window).
   * `paid: false` means the window had already closed: the money should go back.
   */
  markPaid(tx: Executor, id: string): Promise<PaidResult>;
  /** The same for any window (auction or buy-now). */
  markWindowPaid(tx: Executor, windowId: string): Promise<PaidResult>;
  /** Expires the auction's open window if its time is up (a hosted checkout expired); idempotent. */
  expirePaymentWindow(auctionId: string): Promise<void>;
  /** Non-payment strikes of a user. */
  strikesOf(userId: string): Promise<number>;
}

const auctionPayload = z.object({ auctionId: z.string() });
const windowPayload = z.object({ windowId: z.string() });
const livePayload = z.object({
  messages: z.array(z.object({ channel: z.string(), type: z.string(), data: z.record(z.string(), z.unknown()) })),
});
const reminderPayload = z.object({ windowId: z.string(), hoursBefore: z.number() });

/** Offers, auctions with proxy bids and soft close, durable end timers, payment windows, live updates (SPEC §3). */
export function createAuctionsModule(
  ctx: AppContext,
  links: {
    identity: IdentityService;
    stories: () => StoriesPort;
    notifications: () => NotificationsPort | null;
    payments?: () => PaymentsPort | null;
    analytics?: () => AnalyticsPort | null;
  },
): { module: AppModule; service: AuctionsService } {
  const deps: AuctionsDeps = {
    db: ctx.db,
    clock: ctx.clock,
    logger: ctx.logger.child({ module: 'auctions' }),
    metrics: auctionMetrics(ctx.metrics),
    realtime: ctx.realtime,
    rules: rulesConfigOf(ctx.config),
    identity: links.identity,
    stories: links.stories,
    notifications: links.notifications,
    payments: links.payments ?? (() => null),
    analytics: links.analytics ?? (() => null),
  };
  links.stories().onEvent?.(async (tx, event) => {
    if (event.type === 'story.unpublished_by_admin' && event.auctionActive) {
      await cancelForTakedown(deps, tx, event.storyId);
    }
  });
  // Anyone may watch an auction live: what is published there is public.
  ctx.realtime.registerChannel('auction', (_caller, id) => z.uuid().safeParse(id).success);

  const service: AuctionsService = {
    summaries: (storyIds) => auctionSummaries(deps, storyIds),
    blocksStoryChanges: (storyId, tx) => blocksStoryChanges(deps, storyId, tx),
    eraseStory: (tx, storyId) => eraseStory(deps, tx, storyId),
    paymentWindow: (windowId) => findWindow(ctx.db, windowId),
    paymentWindowFor: (auctionId) => latestWindowOf(ctx.db, auctionId),
    markPaid: async (tx, id) => {
      // Window and auction ids are both random UUIDs, so one namespace can never be mistaken for the other.
      const window =
        (await findWindow(tx, id)) ?? (await openWindowOfAuction(tx, id)) ?? (await latestWindowOf(tx, id));
      if (window === null) throw notFound('no_payment_window', 'No such payment window');
      return markWindowPaid(deps, tx, window.id);
    },
    markWindowPaid: (tx, windowId) => markWindowPaid(deps, tx, windowId),
    expirePaymentWindow: async (auctionId) => {
      const window = await openWindowOfAuction(ctx.db, auctionId);
      if (window !== null) await expireWindow(deps, window.id);
    },
    strikesOf: (userId) => strikeCount(ctx.db, userId),
  };

  const module: AppModule = {
    name: 'auctions',
    migrations: path.join(import.meta.dirname, 'migrations'),
    routes: (app) => {
      const guard: AuthGuard = links.identity.guard;
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
      adminRoutes(app, deps, guard);
    },
    tasks: {
      [TASKS.end]: async (payload) => endAuctionTimer(deps, auctionPayload.parse(payload).auctionId),
      [TASKS.endingSoon]: async (payload) => endingSoonTimer(deps, auctionPayload.parse(payload).auctionId),
      [TASKS.makerDecisionLapse]: async (payload) =>
        makerDecisionLapseTimer(deps, auctionPayload.parse(payload).auctionId),
      [TASKS.paymentExpiry]: async (payload) => expireWindow(deps, windowPayload.parse(payload).windowId),
      [TASKS.publishLive]: async (payload) => publishLive(deps, livePayload.parse(payload).messages),
      [TASKS.paymentReminder]: async (payload) => {
        const { windowId, hoursBefore } = reminderPayload.parse(payload);
        await remindToPay(deps, windowId, hoursBefore);
      },
    },
    exportUserData: (userId) => exportUserData(deps, userId),
    eraseUserData: (tx, userId) => eraseUserData(deps, tx, userId),
  };
  return { module, service };
}
