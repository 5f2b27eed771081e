/**
 * Loading and saving auctions. `loadAuction(…, { lock: true })` takes the auction row FOR UPDATE:
 * that row lock is what serialises every bid, end, accept and void of one auction. `saveAuction`
 * writes the new state, the new bids, flag changes, maximums, pseudonyms and events in the caller's
 * transaction, so a transition is committed whole or not at all.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/client';
import type { AuctionEvent, AuctionState } from '../rules';
import { auctionEvents, auctions, bidders, bids, maxima, type AuctionRow } from '../tables';
import { auctionColumns, bidRowOf, countsAsShown, eventRowOf, stateOf } from './auction-rows';

/** Which bids to read: all (voids, second chances), none, or just some ids (a bid's retry check). */
export type BidLoad = 'all' | 'none' | { ids: string[] };

export interface LoadedAuction {
  state: AuctionState;
  row: AuctionRow;
}

/**
 * `known`: the same auction read earlier without the lock. Every change of its maxima bumps the
 * row's version, so when the locked row still has that version its maxima are reused unread.
 */
export async function loadAuction(
  tx: Executor,
  auctionId: string,
  options: { lock: boolean; bids: BidLoad; known?: LoadedAuction | undefined },
): Promise<LoadedAuction | null> {
  const query = tx.select().from(auctions).where(eq(auctions.id, auctionId));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) return null;
  const known = options.known?.row.version === row.version ? options.known : undefined;
  if (known !== undefined && options.bids === 'none') {
    return { state: { ...stateOf(row, [], []), maxima: known.state.maxima }, row };
  }
  const [bidRows, maximumRows] = await Promise.all([
    loadBids(tx, auctionId, options.bids),
    tx.select().from(maxima).where(eq(maxima.auctionId, auctionId)),
  ]);
  return { state: stateOf(row, bidRows, maximumRows), row };
}

async function loadBids(tx: Executor, auctionId: string, load: BidLoad) {
  if (load === 'none') return [];
  if (load === 'all') return tx.select().from(bids).where(eq(bids.auctionId, auctionId)).orderBy(asc(bids.sequence));
  if (load.ids.length === 0) return [];
  return tx
    .select()
    .from(bids)
    .where(and(eq(bids.auctionId, auctionId), inArray(bids.id, load.ids)));
}

/** Writes a just-opened auction with its opening bid and events. */
export async function insertAuction(tx: Executor, state: AuctionState, events: AuctionEvent[]): Promise<AuctionRow> {
  const [row] = await tx
    .insert(auctions)
    .values({ ...auctionColumns(state), bidCount: state.bids.filter(countsAsShown).length, version: 1 })
    .returning();
  if (state.bids.length > 0) await tx.insert(bids).values(state.bids.map((bid) => bidRowOf(state.id, bid)));
  if (state.maxima.length > 0) {
    await tx.insert(maxima).values(state.maxima.map((m) => ({ auctionId: state.id, ...m })));
  }
  await addPseudonyms(
    tx,
    state.id,
    state.bids.map((bid) => bid.bidderId),
  );
  await appendEvents(tx, state.storyId, events);
  return row!;
}

/**
 * Saves `after` over `before` (loaded under lock in this transaction). Only bids after the loaded
 * sequence are inserted and only loaded bids can change flags, so a partial bid load is safe.
 */
export async function saveAuction(
  tx: Executor,
  before: LoadedAuction,
  after: AuctionState,
  events: AuctionEvent[],
): Promise<AuctionRow> {
  const previous = before.state;
  const added = after.bids.filter((bid) => bid.sequence > previous.lastSequence);
  const flagged = after.bids.filter((bid) => {
    const old = previous.bids.find((candidate) => candidate.id === bid.id);
    return old !== undefined && (old.voided !== bid.voided || old.voidReason !== bid.voidReason);
  });
  const lostShown = flagged.filter((bid) => !countsAsShown(bid) && bid.kind !== 'max_raise').length;
  const bidCount = before.row.bidCount + added.filter(countsAsShown).length - lostShown;

  const [row] = await tx
    .update(auctions)
    .set({ ...auctionColumns(after), bidCount, version: sql`${auctions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(auctions.id, after.id))
    .returning();
  if (added.length > 0) await tx.insert(bids).values(added.map((bid) => bidRowOf(after.id, bid)));
  for (const bid of flagged) {
    await tx
      .update(bids)
      .set({ voided: bid.voided, voidReason: bid.voidReason })
      .where(and(eq(bids.auctionId, after.id), eq(bids.id, bid.id)));
  }
  await saveMaxima(tx, previous, after);
  const newcomers = added
    .filter((bid) => bid.kind !== 'proxy')
    .map((bid) => bid.bidderId)
    .filter((id) => !previous.maxima.some((m) => m.bidderId === id));
  await addPseudonyms(tx, after.id, newcomers);
  await appendEvents(tx, after.storyId, events);
  return row!;
}

async function saveMaxima(tx: Executor, previous: AuctionState, after: AuctionState): Promise<void> {
  const gone = previous.maxima.filter((old) => !after.maxima.some((m) => m.bidderId === old.bidderId));
  if (gone.length > 0) {
    await tx.delete(maxima).where(
      and(
        eq(maxima.auctionId, after.id),
        inArray(
          maxima.bidderId,
          gone.map((m) => m.bidderId),
        ),
      ),
    );
  }
  const changed = after.maxima.filter((m) => {
    const old = previous.maxima.find((candidate) => candidate.bidderId === m.bidderId);
    return (
      old === undefined ||
      old.maxAmountMinor !== m.maxAmountMinor ||
      old.setSequence !== m.setSequence ||
      old.setAt.getTime() !== m.setAt.getTime()
    );
  });
  if (changed.length === 0) return;
  await tx
    .insert(maxima)
    .values(changed.map((m) => ({ auctionId: after.id, ...m })))
    .onConflictDoUpdate({
      target: [maxima.auctionId, maxima.bidderId],
      set: {
        maxAmountMinor: sql`excluded.max_amount_minor`,
        setAt: sql`excluded.set_at`,
        setSequence: sql`excluded.set_sequence`,
      },
    });
}

/** Numbers first-time bidders in order ("Bidder 1", "Bidder 2", …); the auction lock keeps numbers unique. */
async function addPseudonyms(tx: Executor, auctionId: string, userIds: string[]): Promise<void> {
  for (const userId of new Set(userIds)) {
    await tx.execute(sql`
      insert into auctions.bidders (auction_id, user_id, alias_number)
      select ${auctionId}, ${userId}, coalesce(max(alias_number), 0) + 1 from auctions.bidders where auction_id = ${auctionId}
      on conflict do nothing`);
  }
}

/** Appends events to the log. */
export async function appendEvents(tx: Executor, storyId: string, events: readonly AuctionEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auctionEvents).values(events.map((event) => eventRowOf(storyId, event)));
}

/** Pseudonyms of some bidders of an auction. */
export async function pseudonymsOf(tx: Executor, auctionId: string, userIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select({ userId: bidders.userId, n: bidders.aliasNumber })
    .from(bidders)
    .where(and(eq(bidders.auctionId, auctionId), inArray(bidders.userId, ids)));
  return new Map(rows.map((r) => [r.userId, aliasOf(r.n)]));
}

export const aliasOf = (n: number): string => `Bidder ${n}`;

/** Every user who ever bid on the auction (for "won/lost" notices). */
export async function biddersOf(tx: Executor, auctionId: string): Promise<string[]> {
  const rows = await tx.select({ userId: bidders.userId }).from(bidders).where(eq(bidders.auctionId, auctionId));
  return rows.map((r) => r.userId);
}

/** Marks the "ending soon" notice as sent; false when it already was. */
export async function claimEndingSoon(tx: Executor, auctionId: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(auctions)
    .set({ endingSoonNotifiedAt: now })
    .where(and(eq(auctions.id, auctionId), sql`${auctions.endingSoonNotifiedAt} is null`))
    .returning({ id: auctions.id });
  return rows.length > 0;
}

/** A story-level entry in the log (a buy-now window's life), with no auction. */
export async function appendStoryEvent(
  tx: Executor,
  event: { storyId: string; type: string; at: Date; data: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auctionEvents).values({ auctionId: null, ...event });
}
