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

export type Attempt = TransitionOutcome | (Refusal & { loaded: LoadedAuction; now: Date });

/**
 * One try at a transition from a state read without the lock, for transitions that usually meet
 * no competition for it (most bids): the outcome is written only if nobody changed the auction
 * since that read — the write takes the lock, waits out a concurrent writer and re-checks. When
 * another transition committed first, the save throws (see `overtaken`): the caller's
 * transaction rolls back and the caller reads again. `lock`: decide under the lock instead
 * (`tryTransition`) — the refusal found is not one the read answers for good (`settled`), or the
 * rule changed nothing.
 */
export async function tryUnchanged(
  deps: AuctionsDeps,
  tx: Executor,
  known: LoadedAuction,
  rule: Rule,
  settled: (refusal: Refusal, read: AuctionState) => boolean,
): Promise<Attempt | 'lock'> {
  // "Now" is read after the state it applies to, so acceptance order and time agree.
  const now = deps.clock.now();
  const result = await rule(known, now);
  if (!result.ok) return settled(result, known.state) ? { ...result, loaded: known, now } : 'lock';
  if (result.events.length === 0) return 'lock';
  const saved = await saveAuction(tx, known, result.state, result.events, { ifUnchanged: true });
  return finish(deps, tx, known, result.state, result.events, saved, now);
}

/**
 * Runs `rule` on the auction under its row lock and writes the outcome; a refusal is returned
 * (with the loaded state) for the caller to handle. "Now" is read after the lock, so acceptance
 * order and time always agree.
 */
export async function tryTransition(
  deps: AuctionsDeps,
  tx: Executor,
  auctionId: string,
  bids: BidLoad,
  rule: Rule,
): Promise<Attempt> {
  const loaded = await loadAuction(tx, auctionId, { lock: true, bids });
  if (loaded === null) throw new DomainError('auction_not_found', 'No such auction');
  const now = deps.clock.now();
  const result = await rule(loaded, now);
  if (!result.ok) return { ...result, loaded, now };
  if (result.events.length === 0) {
    return { ok: true, before: loaded.state, state: loaded.state, row: loaded.row, events: [], live: [], now };
  }
  const saved = await saveAuction(tx, loaded, result.state, result.events);
  return finish(deps, tx, loaded, result.state, result.events, saved, now);
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
