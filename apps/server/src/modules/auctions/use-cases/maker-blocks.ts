import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';

/**
 * Refuses (403 `blocked_by_maker`) an offer, bid or buy-now from a user the story's maker blocked. Read in
 * the caller's transaction, so a block that committed before the offer or bid is always seen.
 */
export async function refuseIfMakerBlocked(
  deps: AuctionsDeps,
  tx: Executor,
  makerId: string,
  userId: string,
): Promise<void> {
  if (await deps.blocks().hasBlocked(makerId, userId, tx)) throw blockedByMaker();
}

export function blockedByMaker(): DomainError {
  return new DomainError(
    'blocked_by_maker',
    "The maker blocked you: you cannot offer, bid or buy on this maker's stories",
  );
}
