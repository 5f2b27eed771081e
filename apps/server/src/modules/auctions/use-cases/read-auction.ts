/** Reading auctions and their bid history (no locks: a committed snapshot). */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';
import { presentAuction, presentPublicBid } from '../present';
import { aliasOf, leaderAliasOf, loadAuction, type LoadedAuction } from '../repo/auction-repo';
import { readMarket } from '../repo/market-repo';
import type { AuctionState } from '../rules';
import type { auctionView, bidList } from '../schemas';
import { bidders, bids, type AuctionRow } from '../tables';
import { makerActionsOf } from './maker-actions';

export type AuctionAnswer = z.infer<typeof auctionView>;

/** The auction as `callerId` may see it (their own maximum included). */
export async function auctionAnswer(
  deps: AuctionsDeps,
  tx: Executor,
  state: AuctionState,
  row: Pick<AuctionRow, 'bidCount' | 'version'>,
  callerId: string | null,
  knownLeaderAlias?: string | null,
): Promise<AuctionAnswer> {
  const leaderAlias = knownLeaderAlias !== undefined ? knownLeaderAlias : await leaderAliasOf(tx, state);
  const now = deps.clock.now();
  const makerActions =
    callerId !== null && callerId === state.makerId ? await makerActionsOf(deps, tx, state, now) : [];
  return presentAuction(state, row, { callerId, leaderAlias, now, rules: deps.rules, makerActions });
}

async function mustLoad(deps: AuctionsDeps, auctionId: string): Promise<LoadedAuction> {
  const loaded = await loadAuction(deps.db, auctionId, { lock: false, bids: 'none' });
  if (loaded === null) throw new DomainError('auction_not_found', 'No such auction');
  return loaded;
}

export async function getAuction(
  deps: AuctionsDeps,
  auctionId: string,
  callerId: string | null,
): Promise<AuctionAnswer> {
  const { state, row } = await mustLoad(deps, auctionId);
  return auctionAnswer(deps, deps.db, state, row, callerId);
}

/** The story's current auction (the one its page shows). */
export async function getStoryAuction(
  deps: AuctionsDeps,
  storyId: string,
  callerId: string | null,
): Promise<AuctionAnswer> {
  const market = await readMarket(deps.db, storyId);
  if (market?.currentAuctionId == null) throw new DomainError('no_auction', 'No auction has started on this story');
  return getAuction(deps, market.currentAuctionId, callerId);
}

/** Shown bids in acceptance order (voided ones flagged, private max raises left out). */
export async function listBids(
  deps: AuctionsDeps,
  auctionId: string,
  page: { afterSequence?: number | undefined; limit: number },
): Promise<z.infer<typeof bidList>> {
  await mustLoad(deps, auctionId);
  const rows = await deps.db
    .select({ bid: bids, aliasNumber: bidders.aliasNumber })
    .from(bids)
    .innerJoin(bidders, and(eq(bidders.auctionId, bids.auctionId), eq(bidders.userId, bids.bidderId)))
    .where(and(eq(bids.auctionId, auctionId), gt(bids.sequence, page.afterSequence ?? 0)))
    .orderBy(asc(bids.sequence))
    .limit(page.limit + 1);
  const more = rows.length > page.limit;
  const pageRows = rows.slice(0, page.limit);
  const items = pageRows
    .filter((r) => r.bid.kind !== 'max_raise')
    .map((r) => presentPublicBid(r.bid, aliasOf(r.aliasNumber)));
  return { items, nextAfterSequence: more ? (pageRows.at(-1)?.bid.sequence ?? null) : null };
}
