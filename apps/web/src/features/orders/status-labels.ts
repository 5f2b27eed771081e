import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { OrderStatus } from '../../shared/api/types';
import type { ORDER_STEPS } from '../../shared/ui/order-status';

/** An order's state in a word, as its chip shows it. */
export const STATUS_LABELS: Record<OrderStatus, MessageDescriptor> = {
  paid: msg({ message: 'paid', context: 'order status' }),
  shipped: msg({ message: 'shipped', context: 'order status' }),
  delivered: msg({ message: 'delivered', context: 'order status' }),
  completed: msg({ message: 'completed', context: 'order status' }),
  cancelled: msg({ message: 'cancelled', context: 'order status' }),
  refunded: msg({ message: 'refunded', context: 'order status' }),
  disputed: msg({ message: 'disputed', context: 'order status' }),
};

/** The steps of an order's progress display. */
export const STEP_LABELS: Record<(typeof ORDER_STEPS)[number]['status'], MessageDescriptor> = {
  paid: msg({ message: 'Paid', context: 'order step' }),
  shipped: msg({ message: 'Shipped', context: 'order step' }),
  delivered: msg({ message: 'Delivered', context: 'order step' }),
  completed: msg({ message: 'Completed', context: 'order step' }),
};
