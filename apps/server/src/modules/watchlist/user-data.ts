import type { Executor } from '../../platform/db/client';
import type { WatchlistDeps } from './deps';
import { allWatchesOf, eraseWatchesOf } from './repo';

/** The stories a user watches, for their data export. */
export async function exportWatchlistData(deps: WatchlistDeps, userId: string): Promise<Record<string, unknown>> {
  const rows = await allWatchesOf(deps.db, userId);
  return { watches: rows.map((r) => ({ storyId: r.storyId, watchedAt: r.watchedAt.toISOString() })) };
}

/** A deleted account watches nothing. */
export async function eraseWatchlistData(tx: Executor, userId: string): Promise<void> {
  await eraseWatchesOf(tx, userId);
}
