import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import type { OrderStatus } from '../../shared/api/types';

/** The list of orders in one state, as assistive technology names it. */
export const LIST_LABELS: Record<OrderStatus, MessageDescriptor> = {
  paid: msg`paid orders`,
  shipped: msg`shipped orders`,
  delivered: msg`delivered orders`,
  completed: msg`completed orders`,
  cancelled: msg`cancelled orders`,
  refunded: msg`refunded orders`,
  disputed: msg`disputed orders`,
};

/** What an empty list of orders in one state says. */
export const EMPTY_TITLES: Record<OrderStatus, MessageDescriptor> = {
  paid: msg`No paid orders`,
  shipped: msg`No shipped orders`,
  delivered: msg`No delivered orders`,
  completed: msg`No completed orders`,
  cancelled: msg`No cancelled orders`,
  refunded: msg`No refunded orders`,
  disputed: msg`No open disputes`,
};
