/**
 * Which of the maker's decisions the server would take on an auction right now (accept the
 * leading bid, second chance, relist), so the maker is offered exactly those. Each answer comes
 * from the same rule the decision itself runs; the second factor is checked when deciding.
 */
import type { Executor } from '../../../platform/db/client';
import type { AuctionsDeps } from '../deps';
import { biddersOf, loadAuction } from '../repo/auction-repo';
import { readMarket } from '../repo/market-repo';
import { strikeCounts } from '../repo/payment-repo';
import {
  acceptLeadingBid,
  isBlockedForNonPayment,
  secondChance,
  type AuctionRulesConfig,
  type AuctionState,
} from '../rules';

export type MakerAction = 'accept' | 'second_chance' | 'relist';

/** True when `rule` would move the auction on (not refuse it, not leave it as it is). */
const moves = (before: AuctionState, result: ReturnType<typeof acceptLeadingBid>): boolean =>
  result.ok && result.state.status !== before.status;

export function canAccept(state: AuctionState, now: Date, rules: AuctionRulesConfig): boolean {
  return (state.status === 'active' || state.status === 'ended') && moves(state, acceptLeadingBid(state, now, rules));
}

export async function makerActionsOf(
  deps: Pick<AuctionsDeps, 'rules'>,
  tx: Executor,
  state: AuctionState,
  now: Date,
): Promise<MakerAction[]> {
  const actions: MakerAction[] = [];
  if (canAccept(state, now, deps.rules)) actions.push('accept');
  if (state.status === 'payment_expired') {
    // The rule ranks bidders by their bids, which a plain read of the auction does not carry.
    const full = await loadAuction(tx, state.id, { lock: false, bids: 'all' });
    const bidderIds = await biddersOf(tx, state.id);
    const counts = await strikeCounts(tx, bidderIds);
    const blocked = bidderIds.filter((id) => isBlockedForNonPayment(counts.get(id) ?? 0, deps.rules));
    if (full !== null && moves(full.state, secondChance(full.state, now, deps.rules, blocked))) {
      actions.push('second_chance');
    }
  }
  if (await canRelist(tx, state)) actions.push('relist');
  return actions;
}

/**
 * Relisting closes an auction that ended without a sale and frees the story for new offers; a
 * lapsed or cancelled auction that is still the story's current one only needs the freeing.
 */
async function canRelist(tx: Executor, state: AuctionState): Promise<boolean> {
  if (state.status === 'ended' || state.status === 'payment_expired') return true;
  if (state.status !== 'lapsed' && state.status !== 'cancelled') return false;
  const market = await readMarket(tx, state.storyId);
  return market?.currentAuctionId === state.id;
}
