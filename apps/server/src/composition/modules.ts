import type { AuthGuard } from '../platform/http/auth';
import type { AppContext, AppModule } from '../platform/module';
import { createPlatformModule } from '../platform/platform-module';
import { RedisEventBus } from '../platform/realtime/bus';
import { createAdminModule } from '../modules/admin';
import { createAnalyticsModule, type AnalyticsService } from '../modules/analytics';
import { createAuctionsModule, type AuctionsService } from '../modules/auctions';
import { createConversationsModule, type ConversationsService } from '../modules/conversations';
import { createIdentityModule, type IdentityService } from '../modules/identity';
import { createMediaModule, type MediaService } from '../modules/media';
import { createNotificationsModule, type NotificationsService } from '../modules/notifications';
import { createOrdersModule, type OrdersService } from '../modules/orders';
import { createPaymentsModule, type PaymentsService } from '../modules/payments';
import { createReviewsModule, type ReviewsService } from '../modules/reviews';
import { createSharingModule } from '../modules/sharing';
import { createSocialModule, type SocialService } from '../modules/social';
import { createStoriesModule, type StoriesService } from '../modules/stories';
import { createWatchlistModule } from '../modules/watchlist';
import { lateBound } from './late-bound';

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
  social: SocialService;
  conversations: ConversationsService;
  reviews: ReviewsService;
  guard: AuthGuard;
}

/**
 * Builds every module in dependency order; each gets only the ports it declares (its `deps.ts`),
 * every one required. A module built later is reached through a late-bound port, bound below as
 * soon as that module exists.
 */
export function createModules(ctx: AppContext): Modules {
  const list: AppModule[] = [];
  const platform = createPlatformModule(ctx);
  // Media is built after identity (it needs the route guard); identity signs avatar URLs through it.
  const lateMedia = lateBound<MediaService>('media');
  // Social is built after stories (it hears of publications); the maker profile shows its follower counts.
  const lateSocial = lateBound<SocialService>('social');
  // Reviews are built after orders (a review needs a delivered order); the maker profile shows their rating.
  const lateReviews = lateBound<ReviewsService>('reviews');
  const identity = createIdentityModule(
    ctx,
    {
      media: lateMedia.get,
      social: lateSocial.get,
      reviews: lateReviews.get,
    },
    () => list,
  );
  const media = createMediaModule(ctx, { identity: identity.service });
  lateMedia.bind(media.service);
  const notifications = createNotificationsModule(ctx, { identity: identity.service });
  // Auctions is built after stories (it needs story terms); payments after auctions (it needs
  // payment windows); orders after payments (refunds, payouts); analytics after all of them.
  const lateAuctions = lateBound<AuctionsService>('auctions');
  const latePayments = lateBound<PaymentsService>('payments');
  const lateOrders = lateBound<OrdersService>('orders');
  const lateAnalytics = lateBound<AnalyticsService>('analytics');
  const lateConversations = lateBound<ConversationsService>('conversations');
  const stories = createStoriesModule(ctx, {
    identity: identity.service,
    media: media.service,
    auctions: lateAuctions.get,
    social: lateSocial.get,
    // Maker search shows follower counts, kept by the social module.
    followers: lateSocial.get,
  });
  const social = createSocialModule(ctx, {
    identity: identity.service,
    notifications: notifications.service,
    stories: stories.service,
  });
  lateSocial.bind(social.service);
  const auctions = createAuctionsModule(ctx, {
    identity: identity.service,
    stories: stories.service,
    notifications: notifications.service,
    analytics: lateAnalytics.get,
    // Conversations owns blocks and is built last; auctions asks it whether a maker blocked a buyer.
    blocks: lateConversations.get,
    payments: () => ({
      checkoutUrlFor: async (window) => (await latePayments.get().checkoutFor(window)).checkoutUrl,
    }),
  });
  lateAuctions.bind(auctions.service);
  const payments = createPaymentsModule(ctx, {
    identity: identity.service,
    notifications: notifications.service,
    auctions: {
      paymentWindow: (windowId) => auctions.service.paymentWindow(windowId),
      markPaid: (tx, windowId) => auctions.service.markWindowPaid(tx, windowId),
    },
    stories: { storyTitle: async (storyId) => (await stories.service.storyTerms(storyId))?.title ?? null },
    orders: () => lateOrders.get().paymentHooks,
    analytics: lateAnalytics.get,
  });
  latePayments.bind(payments.service);
  const orders = createOrdersModule(ctx, {
    identity: identity.service,
    notifications: notifications.service,
    payments: payments.service,
  });
  lateOrders.bind(orders.service);
  const analytics = createAnalyticsModule(ctx, {
    identity: identity.service,
    stories: stories.service,
    auctions: auctions.service,
    orders: orders.service,
  });
  lateAnalytics.bind(analytics.service);
  const conversations = createConversationsModule(ctx, {
    identity: identity.service,
    stories: stories.service,
    orders: orders.service,
    notifications: notifications.service,
  });
  lateConversations.bind(conversations.service);
  const reviews = createReviewsModule(ctx, {
    identity: identity.service,
    orders: orders.service,
    notifications: notifications.service,
  });
  lateReviews.bind(reviews.service);
  const watchlist = createWatchlistModule(ctx, {
    identity: identity.service,
    stories: stories.service,
    auctions: auctions.service,
    notifications: notifications.service,
  });
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
  const sharing = createSharingModule(ctx, {
    identity: identity.service,
    media: media.service,
    stories: stories.service,
  });
  list.push(platform, identity.module, realtime, notifications.module, media.module, stories.module, auctions.module);
  list.push(payments.module, orders.module, analytics.module, admin.module, watchlist.module, social.module);
  list.push(conversations.module, reviews.module);
  list.push(sharing.module);
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
    social: social.service,
    conversations: conversations.service,
    reviews: reviews.service,
    guard: identity.service.guard,
  };
}
