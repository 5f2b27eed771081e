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
