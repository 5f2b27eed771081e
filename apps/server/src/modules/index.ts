import type { AuthGuard } from '../platform/http/auth';
import type { AppContext, AppModule } from '../platform/module';
import { createPlatformModule } from '../platform/platform-module';
import { RedisEventBus } from '../platform/realtime/bus';
import { createAdminModule } from './admin';
import { createAnalyticsModule, type AnalyticsService } from './analytics';
import { createAuctionsModule, type AuctionsService } from './auctions';
import { createIdentityModule, type IdentityService } from './identity';
import { createMediaModule, type MediaService } from './media';
import { createNotificationsModule, type NotificationsService } from './notifications';
import { createOrdersModule, type OrdersService } from './orders';
import { createPaymentsModule, type PaymentsService } from './payments';
import { createStoriesModule, type AuctionsLink, type StoriesService } from './stories';

export interface Modules {
  list: AppModule[];
  identity: IdentityService;
  media: MediaService;
  notifications: NotificationsService;
  stories: StoriesService;
  auctions: AuctionsService;
  payments: PaymentsService;
  orders: OrdersService;
  analytics: AnalyticsService;
  guard: AuthGuard;
}

/** Builds every module in dependency order; each gets only the public services it needs. */
export function createModules(ctx: AppContext): Modules {
  const list: AppModule[] = [];
  const platform = createPlatformModule(ctx);
  const identity = createIdentityModule(ctx, () => list);
  const media = createMediaModule(ctx, identity.service);
  const notifications = createNotificationsModule(ctx, { identity: identity.service });
  // Auctions is built after stories (it needs story terms); stories reach it through this late link,
  // set once the auctions module exists (`auctionsLink.current = …`).
  const auctionsLink: { current: AuctionsLink | null } = { current: null };
  const stories = createStoriesModule(ctx, {
    identity: identity.service,
    media: media.service,
    auctions: () => auctionsLink.current,
  });
  // Analytics reads auctions for the dashboard; auctions record offers and bids into it (late link).
  const analyticsLink: { current: AnalyticsService | null } = { current: null };
  const auctions = createAuctionsModule(ctx, {
    identity: identity.service,
    stories: () => stories.service,
    notifications: () => notifications.service,
    analytics: () => analyticsLink.current,
    payments: () => ({
      checkoutUrlFor: async (window) => (await payments.service.checkoutFor(window)).checkoutUrl,
    }),
  });
  auctionsLink.current = auctions.service;
  // Payments reaches orders late (orders needs payments for refunds and payouts).
  const ordersLink: { current: OrdersService | null } = { current: null };
  const payments = createPaymentsModule(ctx, {
    identity: identity.service,
    notifications: notifications.service,
    auctions: () => ({
      paymentWindow: (windowId) => auctions.service.paymentWindow(windowId),
      markPaid: (tx, windowId) => auctions.service.markWindowPaid(tx, windowId),
    }),
    orders: () => ordersLink.current?.paymentHooks ?? null,
    stories: () => ({ storyTitle: async (storyId) => (await stories.service.storyTerms(storyId))?.title ?? null }),
    analytics: () => analyticsLink.current,
  });
  const orders = createOrdersModule(ctx, {
    identity: identity.service,
    notifications: notifications.service,
    payments: payments.service,
  });
  ordersLink.current = orders.service;
  const analytics = createAnalyticsModule(ctx, {
    identity: identity.service,
    stories: () => stories.service,
    auctions: () => auctions.service,
    orders: () => orders.service,
  });
  analyticsLink.current = analytics.service;
  const admin = createAdminModule(ctx, {
    identity: identity.service,
    stories: stories.service,
    notifications: notifications.service,
  });
  const realtime: AppModule = {
    name: 'realtime',
    routes: (app) => ctx.realtime.attach(app, identity.service.authenticate),
    readiness: async () => {
      if (ctx.realtime.bus instanceof RedisEventBus) await ctx.realtime.bus.ping();
    },
  };
  list.push(platform, identity.module, realtime, notifications.module, media.module, stories.module, auctions.module);
  list.push(payments.module, orders.module, analytics.module, admin.module);
  return {
    list,
    identity: identity.service,
    media: media.service,
    notifications: notifications.service,
    stories: stories.service,
    auctions: auctions.service,
    payments: payments.service,
    orders: orders.service,
    analytics: analytics.service,
    guard: identity.service.guard,
  };
}
