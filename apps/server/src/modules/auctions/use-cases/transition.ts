/**
 * The one way an existing auction changes: lock its row, read "now" (after the lock, so time and
 * acceptance order agree), apply a pure rule, write the state, bids and events, and do the
 * transition's effects — all in the caller's transaction.
 */
import type { Executor } from '../../../platform/db/client';
import { notFound } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';
import { applyEffects } from '../effects/apply-effects';
import type { LiveMessage } from '../effects/live';
import { refusalError } from '../refusal-error';
import { loadAuction, saveAuction, type BidLoad, type LoadedAuction } from '../repo/auction-repo';
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

/** Runs `rule` on the locked auction; a refusal is returned (with the loaded state) for the caller to handle. */
export async function tryTransition(
  deps: AuctionsDeps,
  tx: Executor,
  auctionId: string,
  bids: BidLoad,
  rule: Rule,
  known?: LoadedAuction,
): Promise<TransitionOutcome | (Refusal & { loaded: LoadedAuction; now: Date })> {
  const loaded = await loadAuction(tx, auctionId, { lock: true, bids, known });
  if (loaded === null) throw notFound('auction_not_found', 'No such auction');
  const now = deps.clock.now();
  const result = await rule(loaded, now);
  if (!result.ok) return { ...result, loaded, now };
  if (result.events.length === 0) {
    return { ok: true, before: loaded.state, state: loaded.state, row: loaded.row, events: [], live: [], now };
  }
  const row = await saveAuction(tx, loaded, result.state, result.events);
  const effects = await applyEffects(deps, tx, { after: result.state, row, events: result.events, now });
  return {
    ok: true,
    before: loaded.state,
    state: result.state,
    row,
    events: result.events,
    live: effects.live,
    leaderAlias: effects.leaderAlias,
    now,
  };
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
