import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { OrderStatus } from '../api/types';

/** The order's path, in order, for the progress display (each step's words: the orders feature's). */
export const ORDER_STEPS = [
  { status: 'paid' },
  { status: 'shipped' },
  { status: 'delivered' },
  { status: 'completed' },
] as const;

const CHIP: Record<string, string> = {
  paid: 'chip-accent',
  shipped: 'chip-accent',
  delivered: 'chip-success',
  completed: 'chip-success',
  cancelled: 'chip-danger',
  refunded: 'chip-danger',
  disputed: 'chip-danger',
};

export const statusChip = (status: string) => `chip ${CHIP[status] ?? ''}`;

/** An order's state in a word, as its chip (and the admin's state picker) shows it. */
export const STATUS_LABELS: Record<OrderStatus, MessageDescriptor> = {
  paid: msg({ message: 'paid', context: 'order status' }),
  shipped: msg({ message: 'shipped', context: 'order status' }),
  delivered: msg({ message: 'delivered', context: 'order status' }),
  completed: msg({ message: 'completed', context: 'order status' }),
  cancelled: msg({ message: 'cancelled', context: 'order status' }),
  refunded: msg({ message: 'refunded', context: 'order status' }),
  disputed: msg({ message: 'disputed', context: 'order status' }),
};
