/**
 * The one way an existing auction changes: lock its row (or, for transitions that start from a
 * state read without the lock, write only if that state is still current), read "now", apply a
 * pure rule, write the state, bids and events, and do the transition's effects — all in the
 * caller's transaction.
 */
import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';
import { applyEffects } from '../effects/apply-effects';
import type { LiveMessage } from '../effects/live';
import { refusalError } from '../refusal-error';
import { loadAuction, saveAuction, type BidLoad, type LoadedAuction, type SavedAuction } from '../repo/auction-repo';
import type { AuctionEvent, AuctionRuleResult, AuctionState, Refusal } from '../rules';
import type { AuctionRow } from '../tables';

export interface TransitionOutcome {
  ok: true;
  before: AuctionState;
  state: AuctionState;
  row: AuctionRow;
  events: AuctionEvent[];
  live: LiveMessage[];
  /** The leader's pseudonym after the transition (undefined when nothing changed). */
  leaderAlias?: string | null;
  now: Date;
}

export type Rule = (loaded: LoadedAuction, now: Date) => AuctionRuleResult | Promise<AuctionRuleResult>;

/**
 * Transitions that usually meet no competition for the lock (most bids) start from the auction
 * as read without it, and write only if nobody changed it meanwhile.
 */
export interface Optimistic {
  /** The auction read in this transaction without the lock. */
  known: LoadedAuction;
  /**
   * Refusals the state read without the lock answers for good (the request is then ordered
   * before whatever commits meanwhile); any other refusal is checked again under the lock.
   */
  settled: (refusal: Refusal, read: AuctionState) => boolean;
}

/** Reads-and-writes tried without the lock before queueing for it. */
const OPTIMISTIC_ATTEMPTS = 3;

type Attempt = TransitionOutcome | (Refusal & { loaded: LoadedAuction; now: Date });

/**
 * Runs `rule` on the auction and writes the outcome; a refusal is returned (with the loaded state)
 * for the caller to handle. "Now" is read after the state it applies to: after the lock, or after
 * the read whose version the write then requires, so acceptance order and time always agree.
 */
export async function tryTransition(
  deps: AuctionsDeps,
  tx: Executor,
  auctionId: string,
  bids: BidLoad,
  rule: Rule,
  optimistic?: Optimistic,
): Promise<Attempt> {
  let known = optimistic?.known;
  for (let attempt = 0; optimistic && known && attempt < OPTIMISTIC_ATTEMPTS; attempt++) {
    const now = deps.clock.now();
    const result = await rule(known, now);
    if (!result.ok) {
      if (optimistic.settled(result, known.state)) return { ...result, loaded: known, now };
      break;
    }
    if (result.events.length === 0) break;
    const saved = await saveAuction(tx, known, result.state, result.events, { ifUnchanged: true });
    if (saved !== null) return finish(deps, tx, known, result.state, result.events, saved, now);
    // Another transition committed first: read again, without the lock.
    const reread = await loadAuction(tx, auctionId, { lock: false, bids });
    if (reread === null) throw new DomainError('auction_not_found', 'No such auction');
    known = reread;
  }
  const loaded = await loadAuction(tx, auctionId, { lock: true, bids });
  if (loaded === null) throw new DomainError('auction_not_found', 'No such auction');
  const now = deps.clock.now();
  const result = await rule(loaded, now);
  if (!result.ok) return { ...result, loaded, now };
  if (result.events.length === 0) {
    return { ok: true, before: loaded.state, state: loaded.state, row: loaded.row, events: [], live: [], now };
  }
  const saved = await saveAuction(tx, loaded, result.state, result.events);
  return finish(deps, tx, loaded, result.state, result.events, saved!, now);
}

async function finish(
  deps: AuctionsDeps,
  tx: Executor,
  before: LoadedAuction,
  state: AuctionState,
  events: AuctionEvent[],
  saved: SavedAuction,
  now: Date,
): Promise<TransitionOutcome> {
  const { row, leaderAlias } = saved;
  const effects = await applyEffects(deps, tx, { after: state, row, events, now, leaderAlias });
  return { ok: true, before: before.state, state, row, events, live: effects.live, leaderAlias, now };
}

/** As `tryTransition`, with a refusal thrown as the typed error the HTTP layer answers with. */
export async function transitionAuction(
  deps: AuctionsDeps,
  tx: Executor,
  auctionId: string,
  bids: BidLoad,
  rule: Rule,
): Promise<TransitionOutcome> {
  const outcome = await tryTransition(deps, tx, auctionId, bids, rule);
  if (!outcome.ok) throw refusalError(outcome);
  return outcome;
}
