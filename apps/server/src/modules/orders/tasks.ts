import { z } from 'zod';
import { declareTask } from '../../platform/jobs';

const orderPayload = z.object({ orderId: z.string().min(1) });

/** The orders module's jobs and their job keys. */
export const ORDER_TASKS = {
  shippingReminder: declareTask('orders:shipping-reminder', orderPayload),
  shippingOverdue: declareTask('orders:shipping-overdue', orderPayload),
  autoDeliver: declareTask('orders:auto-deliver', orderPayload),
  complete: declareTask('orders:complete', orderPayload),
  emailReceipt: declareTask('orders:email-receipt', orderPayload),
  slaSweep: declareTask('orders:sla-sweep', z.object({})),
  rewrap: declareTask('orders:rewrap-personal-data', z.object({})),
};

/** One pending job per order and purpose: re-arming replaces it, a repeat adds nothing. */
export const orderJobKey = {
  shippingReminder: (orderId: string) => `orders:shipping-reminder:${orderId}`,
  shippingOverdue: (orderId: string) => `orders:shipping-overdue:${orderId}`,
  autoDeliver: (orderId: string) => `orders:auto-deliver:${orderId}`,
  complete: (orderId: string) => `orders:complete:${orderId}`,
  emailReceipt: (orderId: string) => `orders:email-receipt:${orderId}`,
};
