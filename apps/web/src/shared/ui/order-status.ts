/** The order's path, in order, for the progress display. */
export const ORDER_STEPS = [
  { status: 'paid', label: 'Paid' },
  { status: 'shipped', label: 'Shipped' },
  { status: 'delivered', label: 'Delivered' },
  { status: 'completed', label: 'Completed' },
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
export const statusLabel = (status: string) => status.replace(/_/g, ' ');
