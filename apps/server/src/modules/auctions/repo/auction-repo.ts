/**
 * Loading and saving auctions. `loadAuction(…, { lock: true })` takes the auction row FOR UPDATE:
 * that row lock is what serialises every bid, end, accept and void of one auction. `saveAuction`
 * writes the new state, the new bids, flag changes, maximums, pseudonyms and events in the caller's
 * transaction, so a transition is committed whole or not at all, in one statement. `saveAuction(…,
 * { ifUnchanged })` saves over a state read without the lock, and takes the lock with its write.
 */
import { and, asc, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { preparedStatement, type Database, type Executor } from '../../../platform/db/client';
import { StatementGroups } from '../../../platform/db/statement-groups';
import type { AuctionBid, AuctionEvent, AuctionState, ProxyMaximum } from '../rules';
import { auctionEvents, auctions, bidders, bids, maxima, type AuctionRow } from '../tables';
import { auctionColumns, bidRowOf, countsAsShown, eventRowOf, stateOf } from './auction-rows';

/** Which bids to read: all (voids, second chances), none, or just some ids (a bid's retry check). */
export type BidLoad = 'all' | 'none' | { ids: string[] };

export interface LoadedAuction {
  state: AuctionState;
  row: AuctionRow;
}

interface MaximumJson {
  bidderId: string;
  maxAmountMinor: number;
  setAtMs: number;
  setSequence: number;
}

/** The maximums as one JSON array, read in the same statement as the auction row. */
const maximaJson = sql<MaximumJson[]>`coalesce(
  (select json_agg(json_build_object(
     'bidderId', m.bidder_id, 'maxAmountMinor', m.max_amount_minor,
     'setAtMs', (extract(epoch from m.set_at) * 1000)::float8, 'setSequence', m.set_sequence))
   from auctions.maxima m where m.auction_id = ${auctions.id}),
  '[]'::json)`;

/**
 * True when the user has paid for a purchase (a paid payment window): an indexed look-up on the
 * windows' winner, small enough to ride along in the statement that reads the auction.
 */
export const hasPaidWindow = (userId: SQLWrapper | string) =>
  sql<boolean>`exists (select 1 from auctions.payment_windows w where w.winner_id = ${userId} and w.status = 'paid')`;

/** The auction row with its maximums, in one statement, and the bids asked for. */
export async function loadAuction(
  tx: Executor,
  auctionId: string,
  options: { lock: boolean; bids: BidLoad },
): Promise<LoadedAuction | null> {
  const query = tx.select({ row: auctions, maxima: maximaJson }).from(auctions).where(eq(auctions.id, auctionId));
  const [found] = options.lock ? await query.for('update') : await query;
  if (!found) return null;
  return loadedFrom(found, await loadBids(tx, auctionId, options.bids));
}

function loadedFrom(
  found: { row: AuctionRow; maxima: MaximumJson[] },
  bidRows: (typeof bids.$inferSelect)[],
): LoadedAuction {
  const maximumRows = found.maxima.map((m) => ({
    auctionId: found.row.id,
    bidderId: m.bidderId,
    maxAmountMinor: m.maxAmountMinor,
    setAt: new Date(m.setAtMs),
    setSequence: m.setSequence,
  }));
  return { state: stateOf(found.row, bidRows, maximumRows), row: found.row };
}

/**
 * What a bid needs to know of its bidder, as conditions owned by other modules, written with the
 * bidder's columns `bidderRefs` (see `readForBid`).
 */
export interface BidderChecks {
  /** True when the maker (`auctions.maker_id`) blocked the bidder. */
  blocked: SQL<boolean>;
  /** True when the bid's idempotency key was seen before. */
  keySeen: SQL<boolean>;
  /** The country on the bidder's account. */
  accountCountry: SQL<string | null>;
}

export interface BidderStanding {
  /** Non-payment strikes. */
  strikes: number;
  /** Whether they ever paid for a purchase. */
  purchased: boolean;
  blocked: boolean;
  keySeen: boolean;
  accountCountry: string | null;
}

/** A bidder of the group read (`readForBid`): their id, the bid's scope and idempotency key (or null). */
export const bidderRefs = {
  bidderId: sql`b.bidder_id`,
  scope: sql`b.scope`,
  key: sql`b.key`,
};

function bidReadQuery(db: Database, checks: BidderChecks) {
  const { bidderId } = bidderRefs;
  const standing = sql`json_build_object(
    'strikes', (select count(*)::int from auctions.strikes s where s.user_id = ${bidderId}),
    'purchased', ${hasPaidWindow(bidderId)},
    'blocked', ${checks.blocked},
    'keySeen', ${checks.keySeen},
    'accountCountry', ${checks.accountCountry})`;
  return db
    .select({
      row: auctions,
      maxima: maximaJson,
      standings: sql<BidderStanding[]>`(select json_agg(${standing} order by b.at)
        from jsonb_to_recordset(${sql.placeholder('bidders')}::jsonb) as b(at int, bidder_id uuid, scope text, key text))`,
    })
    .from(auctions)
    .where(eq(auctions.id, sql.placeholder('auctionId')))
    .prepare('auctions_read_for_bids');
}

interface BidderRead {
  bidderId: string;
  scope: string;
  key: string | null;
}

/** The bid reads of each database, grouped by auction (see `StatementGroups`). */
const bidReads = new WeakMap<Database, StatementGroups<string, BidderRead, (LoadedAuction & BidderStanding) | null>>();

/**
 * The auction with its maximums and what a bid needs to know of its bidder. Every bid on a hot
 * auction starts with this read, and a bid that lost the race makes no other: the bids of one
 * auction that arrive while its read is in flight are read together next, in one statement
 * (prepared once per process) that reads the auction once and each of their bidders.
 */
export function readForBid(
  db: Database,
  checks: () => BidderChecks,
  params: { auctionId: string; bidderId: string; scope: string; key: string | null },
): Promise<(LoadedAuction & BidderStanding) | null> {
  let reads = bidReads.get(db);
  if (reads === undefined) {
    reads = new StatementGroups(async (auctionId, bidders) => {
      const query = preparedStatement(db, 'auctions_read_for_bids', (owner) => bidReadQuery(owner, checks()));
      const rows = bidders.map(({ bidderId, scope, key }, at) => ({ at, bidder_id: bidderId, scope, key }));
      const [found] = await query.execute({ auctionId, bidders: JSON.stringify(rows) });
      if (!found) return bidders.map(() => null);
      const loaded = loadedFrom(found, []);
      return found.standings.map((standing) => ({ ...loaded, ...standing }));
    });
    bidReads.set(db, reads);
  }
  const { auctionId, ...bidder } = params;
  return reads.submit(auctionId, bidder);
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
  await writeRows(tx, state, {
    added: state.bids,
    changedMaxima: state.maxima,
    goneBidderIds: [],
    newcomerIds: state.bids.map((bid) => bid.bidderId),
    events,
  });
  return row!;
}

export interface SavedAuction {
  row: AuctionRow;
  /** The leader's pseudonym after the save ("Bidder 3"); null when nobody leads. */
  leaderAlias: string | null;
}

/**
 * Thrown inside the transaction by a save over a state read without the lock when the auction
 * changed since that read: the transaction rolls back and nothing of it is written.
 */
export class AuctionChanged extends Error {
  constructor(auctionId: string) {
    super(`auction ${auctionId} changed since it was read`);
    this.name = 'AuctionChanged';
  }
}

/**
 * Whether a failed save over a state read without the lock was overtaken by another write to the
 * auction (`AuctionChanged`; or the new bid's sequence already taken by a bid another process
 * committed while this save waited for the row lock, which fails the save's single statement).
 */
export function overtaken(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    if (e instanceof AuctionChanged) return true;
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'bids_auction_sequence_key') return true;
  }
  return false;
}

/**
 * Saves `after` over `before` in one statement: the auction row and every other row the
 * transition adds (bids, maximums, pseudonyms, events), then (rarely) bids whose flags changed.
 * Only bids after the loaded sequence are inserted and only loaded bids can change flags, so a
 * partial bid load is safe.
 *
 * `before` was either loaded under the row lock in this transaction, or (`ifUnchanged`) read
 * without it: then the row is written only if its version is still the one read — the update
 * takes the row lock, waits out a concurrent writer and re-checks — and otherwise the save throws
 * `AuctionChanged` (see `overtaken`), for the caller's transaction to roll back: the statement's
 * other rows went in with it. The update comes first in the statement (its answer is the
 * statement's rows), so the rows after it are written under the row lock.
 */
export async function saveAuction(
  tx: Executor,
  before: LoadedAuction,
  after: AuctionState,
  events: AuctionEvent[],
  options: { ifUnchanged?: boolean } = {},
): Promise<SavedAuction> {
  const previous = before.state;
  const added = after.bids.filter((bid) => bid.sequence > previous.lastSequence);
  const flagged = after.bids.filter((bid) => {
    const old = previous.bids.find((candidate) => candidate.id === bid.id);
    return old !== undefined && (old.voided !== bid.voided || old.voidReason !== bid.voidReason);
  });
  const lostShown = flagged.filter((bid) => !countsAsShown(bid) && bid.kind !== 'max_raise').length;
  const bidCount = before.row.bidCount + added.filter(countsAsShown).length - lostShown;
  const columns = { ...auctionColumns(after), bidCount };
  const update = tx
    .update(auctions)
    .set({ ...columns, version: sql`${auctions.version} + 1`, updatedAt: sql`now()` })
    .where(
      options.ifUnchanged
        ? and(eq(auctions.id, after.id), eq(auctions.version, before.row.version))
        : eq(auctions.id, after.id),
    );
  const { saved, leaderAlias } = await writeRows(
    tx,
    after,
    {
      added,
      changedMaxima: after.maxima.filter((m) => {
        const old = previous.maxima.find((candidate) => candidate.bidderId === m.bidderId);
        return (
          old === undefined ||
          old.maxAmountMinor !== m.maxAmountMinor ||
          old.setSequence !== m.setSequence ||
          old.setAt.getTime() !== m.setAt.getTime()
        );
      }),
      goneBidderIds: previous.maxima
        .filter((old) => !after.maxima.some((m) => m.bidderId === old.bidderId))
        .map((m) => m.bidderId),
      newcomerIds: added
        .filter((bid) => bid.kind !== 'proxy')
        .map((bid) => bid.bidderId)
        .filter((id) => !previous.maxima.some((m) => m.bidderId === id)),
      events,
    },
    sql`${update.getSQL()} returning version, (extract(epoch from updated_at) * 1000)::float8 as updated_ms`,
  );
  if (saved === null) {
    if (options.ifUnchanged) throw new AuctionChanged(after.id);
    throw new Error(`auction ${after.id} vanished while locked`);
  }
  for (const bid of flagged) {
    await tx
      .update(bids)
      .set({ voided: bid.voided, voidReason: bid.voidReason })
      .where(and(eq(bids.auctionId, after.id), eq(bids.id, bid.id)));
  }
  // The row as the update left it: the state's columns as written, the rest as they were.
  const row: AuctionRow = { ...before.row, ...columns, version: saved.version, updatedAt: new Date(saved.updatedMs) };
  return { row, leaderAlias };
}

interface NewRows {
  added: readonly AuctionBid[];
  changedMaxima: readonly ProxyMaximum[];
  goneBidderIds: readonly string[];
  /** Bidders who may be bidding here for the first time: numbered in order ("Bidder 1", …). */
  newcomerIds: readonly string[];
  events: readonly AuctionEvent[];
}

/**
 * One statement for all of a transition's new rows, answering the leader's pseudonym (a newcomer
 * leading gets theirs in this same statement). Pseudonym numbers stay unique because the caller
 * holds the auction's row lock. With `save` (the auction row's update, answering its version and
 * update time), the update is the statement's first step and its answer the statement's rows:
 * `saved` is null when it updated nothing.
 */
async function writeRows(
  tx: Executor,
  state: AuctionState,
  rows: NewRows,
  save?: SQL,
): Promise<{ saved: { version: number; updatedMs: number } | null; leaderAlias: string | null }> {
  const steps: SQL[] = [];
  if (save !== undefined) steps.push(sql`saved as (${save})`);
  if (rows.added.length > 0) {
    steps.push(
      sql`added_bids as (${tx
        .insert(bids)
        .values(rows.added.map((bid) => bidRowOf(state.id, bid)))
        .getSQL()})`,
    );
  }
  if (rows.goneBidderIds.length > 0) {
    steps.push(
      sql`gone_maxima as (${tx
        .delete(maxima)
        .where(and(eq(maxima.auctionId, state.id), inArray(maxima.bidderId, [...rows.goneBidderIds])))
        .getSQL()})`,
    );
  }
  if (rows.changedMaxima.length > 0) {
    steps.push(
      sql`changed_maxima as (${tx
        .insert(maxima)
        .values(rows.changedMaxima.map((m) => ({ auctionId: state.id, ...m })))
        .onConflictDoUpdate({
          target: [maxima.auctionId, maxima.bidderId],
          set: {
            maxAmountMinor: sql`excluded.max_amount_minor`,
            setAt: sql`excluded.set_at`,
            setSequence: sql`excluded.set_sequence`,
          },
        })
        .getSQL()})`,
    );
  }
  const newcomers = [...new Set(rows.newcomerIds)];
  steps.push(sql`new_aliases as (
    insert into auctions.bidders (auction_id, user_id, alias_number)
    select ${state.id}::uuid, fresh.id, taken.n + row_number() over (order by fresh.ord)
      from (select u.id, u.ord from unnest(${sql.param(newcomers)}::uuid[]) with ordinality as u(id, ord)
             where not exists (select 1 from auctions.bidders b where b.auction_id = ${state.id} and b.user_id = u.id)) fresh
     cross join (select coalesce(max(alias_number), 0) as n from auctions.bidders where auction_id = ${state.id}) taken
    on conflict do nothing
    returning user_id, alias_number)`);
  if (rows.events.length > 0) {
    steps.push(
      sql`logged_events as (${tx
        .insert(auctionEvents)
        .values(rows.events.map((event) => eventRowOf(state.storyId, event)))
        .getSQL()})`,
    );
  }
  const leader = state.leaderId;
  const alias = sql`coalesce(
      (select alias_number from new_aliases where user_id = ${leader}::uuid),
      (select alias_number from auctions.bidders where auction_id = ${state.id} and user_id = ${leader}::uuid)
    )`;
  const result = await tx.execute<{ n: number | null; version?: number; updated_ms?: number }>(
    save === undefined
      ? sql`with ${sql.join(steps, sql`, `)} select ${alias} as n`
      : sql`with ${sql.join(steps, sql`, `)} select ${alias} as n, saved.version, saved.updated_ms from saved`,
  );
  const answer = result.rows[0];
  const n = answer?.n;
  return {
    saved:
      save === undefined || answer === undefined
        ? null
        : { version: Number(answer.version), updatedMs: Number(answer.updated_ms) },
    leaderAlias: leader === null || n === null || n === undefined ? null : aliasOf(n),
  };
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

/** The leader's per-auction pseudonym. */
export async function leaderAliasOf(tx: Executor, state: AuctionState): Promise<string | null> {
  if (state.leaderId === null) return null;
  return (await pseudonymsOf(tx, state.id, [state.leaderId])).get(state.leaderId) ?? null;
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

/** An auction's story, status and current end, read without a lock. */
export interface AuctionTiming {
  auctionId: string;
  storyId: string;
  status: AuctionState['status'];
  endsAt: Date;
}

export async function auctionTiming(db: Executor, auctionId: string): Promise<AuctionTiming | null> {
  const [row] = await db
    .select({ auctionId: auctions.id, storyId: auctions.storyId, status: auctions.status, endsAt: auctions.endsAt })
    .from(auctions)
    .where(eq(auctions.id, auctionId));
  return row ?? null;
}
