/** Every kind of notification the product sends: auctions, offers, payments, orders, moderation, followed makers, messages and reviews. */
export const notificationKinds = [
  'offer_received',
  'offer_declined',
  'auction_started',
  'bid_placed',
  'outbid',
  'ending_soon',
  'won',
  'lost',
  'reserve_not_met',
  'payment_reminder',
  'payment_received',
  'payment_expired',
  'second_chance_offer',
  'shipped',
  'delivered',
  'order_completed',
  'shipping_reminder',
  'shipping_overdue',
  'refunded',
  'moderation_outcome',
  'payout_released',
  'watched_auction_started',
  'watched_ending_soon',
  'watched_auction_ended',
  'new_story',
  'message',
  'review_received',
  'review_reply',
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export const deliveryChannels = ['in_app', 'email', 'web_push', 'sms', 'mobile_push'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** Channels a user can switch per kind; in-app is the notification centre itself and always on. */
export const optionalChannels = ['email', 'web_push', 'sms', 'mobile_push'] as const;
export type OptionalChannel = (typeof optionalChannels)[number];

export const deliveryStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
