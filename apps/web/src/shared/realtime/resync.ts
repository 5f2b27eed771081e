import type { QueryClient } from '@tanstack/react-query';

/**
 * What the realtime channels keep current: auctions and their bids, stories and the feed's
 * summaries, and what the user's channel updates (notifications, payments, orders, media).
 */
const LIVE_ROOTS = ['auction', 'story', 'feed', 'notifications', 'payment', 'orders', 'order', 'media'] as const;

/**
 * After the realtime connection was lost, messages sent meanwhile are gone: the live queries are
 * marked stale and the ones on screen fetched again, so what is shown is the server's current state.
 */
export function resyncLiveQueries(queryClient: QueryClient): Promise<void> {
  return Promise.all(LIVE_ROOTS.map((root) => queryClient.invalidateQueries({ queryKey: [root] }))).then(
    () => undefined,
  );
}
