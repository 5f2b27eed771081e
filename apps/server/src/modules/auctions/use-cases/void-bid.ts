/** An admin voids a fraudulent bid: the lead is recomputed from the remaining bids, and the act is audited. */
import { recordAudit } from '../../../platform/audit';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { voidBid as voidBidRule } from '../rules';
import { auctionAnswer, type AuctionAnswer } from './read-auction';
import { transitionAuction } from './transition';

export async function voidBid(
  deps: AuctionsDeps,
  input: { auctionId: string; bidId: string; adminId: string; reason: string },
): Promise<AuctionAnswer> {
  return deps.db.transaction(async (tx) => {
    const outcome = await transitionAuction(deps, tx, input.auctionId, 'all', ({ state }, now) =>
      voidBidRule(state, input.bidId, now, deps.rules),
    );
    if (outcome.events.length > 0) {
      const target = outcome.before.bids.find((bid) => bid.id === input.bidId);
      await recordAudit(tx, {
        actorId: input.adminId,
        action: 'auction.bid_voided',
        targetType: 'bid',
        targetId: input.bidId,
        reason: input.reason,
        details: {
          auctionId: input.auctionId,
          bidderId: target?.bidderId ?? null,
          amountMinor: target?.amountMinor ?? null,
          previousLeaderId: outcome.before.leaderId,
          leaderId: outcome.state.leaderId,
          highBidMinor: outcome.state.highBidMinor,
        },
      });
    }
    publishLiveAfterCommit(deps, tx, outcome.live);
    return auctionAnswer(deps, tx, outcome.state, outcome.row, null);
  });
}
