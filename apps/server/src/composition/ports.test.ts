import { describe, expect, expectTypeOf, it } from 'vitest';
import type { AdminPorts, IdentityPort as AdminIdentityPort, StoriesPort as AdminStoriesPort } from '../modules/admin';
import type {
  AnalyticsPorts,
  AuctionsPort as AnalyticsAuctionsPort,
  OrdersPort as AnalyticsOrdersPort,
  StoriesPort as AnalyticsStoriesPort,
} from '../modules/analytics';
import type {
  AnalyticsPort as AuctionsAnalyticsPort,
  AuctionsPorts,
  BlocksPort as AuctionsBlocksPort,
  NotificationsPort as AuctionsNotificationsPort,
  PaymentsPort as AuctionsPaymentsPort,
  StoriesPort as AuctionsStoriesPort,
} from '../modules/auctions';
import type {
  ConversationsPorts,
  OrdersPort as ConversationsOrdersPort,
  StoriesPort as ConversationsStoriesPort,
} from '../modules/conversations';
import type { IdentityPorts, MediaPort as IdentityMediaPort } from '../modules/identity';
import type { MediaPorts } from '../modules/media';
import type { NotificationsPorts } from '../modules/notifications';
import type { OrdersPorts } from '../modules/orders';
import type {
  AnalyticsPort as PaymentsAnalyticsPort,
  AuctionsPort as PaymentsAuctionsPort,
  OrdersPort as PaymentsOrdersPort,
  PaymentsPorts,
  StoriesPort as PaymentsStoriesPort,
} from '../modules/payments';
import type { AuctionsPort as StoriesAuctionsPort, StoriesPorts } from '../modules/stories';
import { lateBound } from './late-bound';

describe('late-bound ports', () => {
  it('answers the port once the composition root has bound it', () => {
    const late = lateBound<{ ping(): string }>('auctions');
    late.bind({ ping: () => 'pong' });
    expect(late.get().ping()).toBe('pong');
  });

  it('throws, naming the module, when read before it is wired (never carries on as if it were absent)', () => {
    const late = lateBound<{ ping(): string }>('auctions');
    expect(() => late.get()).toThrow('the auctions module is used before it is wired');
  });

  it('refuses to be wired twice', () => {
    const late = lateBound<{ ping(): string }>('orders');
    late.bind({ ping: () => 'a' });
    expect(() => late.bind({ ping: () => 'b' })).toThrow('the orders module is wired twice');
  });
});

// Checked by the type check: no module's ports, nor any member of a port, may be optional, and a
// late-bound port never answers null. (Making one optional again fails `tsc`.)
describe('every port between modules is required', () => {
  it('has no optional dependency or member', () => {
    expectTypeOf<AdminPorts>().toEqualTypeOf<Required<AdminPorts>>();
    expectTypeOf<AdminIdentityPort>().toEqualTypeOf<Required<AdminIdentityPort>>();
    expectTypeOf<AdminStoriesPort>().toEqualTypeOf<Required<AdminStoriesPort>>();
    expectTypeOf<AnalyticsPorts>().toEqualTypeOf<Required<AnalyticsPorts>>();
    expectTypeOf<AnalyticsStoriesPort>().toEqualTypeOf<Required<AnalyticsStoriesPort>>();
    expectTypeOf<AnalyticsAuctionsPort>().toEqualTypeOf<Required<AnalyticsAuctionsPort>>();
    expectTypeOf<AnalyticsOrdersPort>().toEqualTypeOf<Required<AnalyticsOrdersPort>>();
    expectTypeOf<AuctionsPorts>().toEqualTypeOf<Required<AuctionsPorts>>();
    expectTypeOf<AuctionsStoriesPort>().toEqualTypeOf<Required<AuctionsStoriesPort>>();
    expectTypeOf<AuctionsNotificationsPort>().toEqualTypeOf<Required<AuctionsNotificationsPort>>();
    expectTypeOf<AuctionsPaymentsPort>().toEqualTypeOf<Required<AuctionsPaymentsPort>>();
    expectTypeOf<AuctionsAnalyticsPort>().toEqualTypeOf<Required<AuctionsAnalyticsPort>>();
    expectTypeOf<AuctionsBlocksPort>().toEqualTypeOf<Required<AuctionsBlocksPort>>();
    expectTypeOf<ConversationsPorts>().toEqualTypeOf<Required<ConversationsPorts>>();
    expectTypeOf<ConversationsStoriesPort>().toEqualTypeOf<Required<ConversationsStoriesPort>>();
    expectTypeOf<ConversationsOrdersPort>().toEqualTypeOf<Required<ConversationsOrdersPort>>();
    expectTypeOf<IdentityPorts>().toEqualTypeOf<Required<IdentityPorts>>();
    expectTypeOf<MediaPorts>().toEqualTypeOf<Required<MediaPorts>>();
    expectTypeOf<NotificationsPorts>().toEqualTypeOf<Required<NotificationsPorts>>();
    expectTypeOf<OrdersPorts>().toEqualTypeOf<Required<OrdersPorts>>();
    expectTypeOf<PaymentsPorts>().toEqualTypeOf<Required<PaymentsPorts>>();
    expectTypeOf<PaymentsAuctionsPort>().toEqualTypeOf<Required<PaymentsAuctionsPort>>();
    expectTypeOf<PaymentsOrdersPort>().toEqualTypeOf<Required<PaymentsOrdersPort>>();
    expectTypeOf<PaymentsStoriesPort>().toEqualTypeOf<Required<PaymentsStoriesPort>>();
    expectTypeOf<PaymentsAnalyticsPort>().toEqualTypeOf<Required<PaymentsAnalyticsPort>>();
    expectTypeOf<StoriesPorts>().toEqualTypeOf<Required<StoriesPorts>>();
    expectTypeOf<StoriesAuctionsPort>().toEqualTypeOf<Required<StoriesAuctionsPort>>();
  });

  it('answers a late-bound port, never null', () => {
    expectTypeOf<ReturnType<IdentityPorts['media']>>().toEqualTypeOf<IdentityMediaPort>();
    expectTypeOf<ReturnType<StoriesPorts['auctions']>>().toEqualTypeOf<StoriesAuctionsPort>();
    expectTypeOf<ReturnType<AuctionsPorts['payments']>>().toEqualTypeOf<AuctionsPaymentsPort>();
    expectTypeOf<ReturnType<AuctionsPorts['analytics']>>().toEqualTypeOf<AuctionsAnalyticsPort>();
    expectTypeOf<ReturnType<AuctionsPorts['blocks']>>().toEqualTypeOf<AuctionsBlocksPort>();
    expectTypeOf<ReturnType<PaymentsPorts['orders']>>().toEqualTypeOf<PaymentsOrdersPort>();
    expectTypeOf<ReturnType<PaymentsPorts['analytics']>>().toEqualTypeOf<PaymentsAnalyticsPort>();
  });
});
