/** Every kind of notification the product sends (SPEC §3–§7). */
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
] as const;

export type NotificationKind = (typeof notificationKinds)[number];

export const deliveryChannels = ['in_app', 'email', 'web_push', 'sms', 'mobile_push'] as const;
export type DeliveryChannel = (typeof deliveryChannels)[number];

/** Channels a user can switch per kind; in-app is the notification centre itself and always on. */
export const optionalChannels = ['email', 'web_push', 'sms', 'mobile_push'] as const;
export type OptionalChannel = (typeof optionalChannels)[number];

export const deliveryStatuses = ['pending', 'sent', 'failed', 'skipped'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];
