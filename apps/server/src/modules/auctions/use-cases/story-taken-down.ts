/**
 * An admin took a story down: an auction still running (or waiting for the maker's decision) on it
 * is cancelled in the same transaction. A window already open for payment is left to the payments
 * flow and admins (a refund or an order may follow).
 */
import type { Executor } from '../../../platform/db/client';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { lockMarket, updateMarket } from '../repo/market-repo';
import { cancelAuction, unchanged } from '../rules';
import { tryTransition } from './transition';

export async function cancelForTakedown(deps: AuctionsDeps, tx: Executor, storyId: string): Promise<void> {
  const market = await lockMarket(tx, storyId);
  if (market.currentAuctionId === null) return;
  const outcome = await tryTransition(deps, tx, market.currentAuctionId, 'none', ({ state }, now) =>
    state.status === 'active' || state.status === 'ended'
      ? cancelAuction(state, now, 'story_taken_down')
      : unchanged(state),
  );
  if (!outcome.ok || outcome.events.length === 0) return;
  await updateMarket(tx, storyId, { currentAuctionId: null });
  // The caller commits, not us: the update goes out once its transaction has.
  publishLiveAfterCommit(deps, tx, outcome.live);
}
