/** The orders module's job names (colon-separated: the crontab refuses dots) and their job keys. */
export const ORDER_TASKS = {
  shippingReminder: 'orders:shipping-reminder',
  shippingOverdue: 'orders:shipping-overdue',
  autoDeliver: 'orders:auto-deliver',
  complete: 'orders:complete',
  emailReceipt: 'orders:email-receipt',
  slaSweep: 'orders:sla-sweep',
  rewrap: 'orders:rewrap-personal-data',
} as const;

/** One pending job per order and purpose: re-arming replaces it, a repeat adds nothing. */
export const orderJobKey = {
  shippingReminder: (orderId: string) => `orders:shipping-reminder:${orderId}`,
  shippingOverdue: (orderId: string) => `orders:shipping-overdue:${orderId}`,
  autoDeliver: (orderId: string) => `orders:auto-deliver:${orderId}`,
  complete: (orderId: string) => `orders:complete:${orderId}`,
  emailReceipt: (orderId: string) => `orders:email-receipt:${orderId}`,
};
