import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { ORDER_STEPS } from '../../shared/ui/order-status';

/** The steps of an order's progress display. */
export const STEP_LABELS: Record<(typeof ORDER_STEPS)[number]['status'], MessageDescriptor> = {
  paid: msg({ message: 'Paid', context: 'order step' }),
  shipped: msg({ message: 'Shipped', context: 'order step' }),
  delivered: msg({ message: 'Delivered', context: 'order step' }),
  completed: msg({ message: 'Completed', context: 'order step' }),
};
