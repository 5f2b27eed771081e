/**
 * A bid, end to end. One statement, outside any transaction, reads the auction, the bidder's
 * standing and whether the idempotency key was seen (shared by the bids on the auction that arrive
 * together: see `readForBid`); a bid that lost the race (the usual fate of a bid on a hot auction)
 * is answered from it, with no transaction (only its refusal recorded under its idempotency key, in
 * one statement with the refusals recorded at the same time). A bid that may win writes its outcome
 * in a transaction only if the auction is still as read: that write (one statement: the auction
 * row, its bids, maximums, pseudonyms and events) takes the row lock, and a bid overtaken
 * meanwhile rolls back at once and reads again (after a few tries it queues for the lock
 * instead). The winner's effects and recorded answer follow, and the live messages go out
 * once it has committed. The 201 goes out only after the commit, so an acknowledged bid is durable.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client';
import { DomainError } from '../../../platform/errors';
import {
  answerTaken,
  deferAnswer,
  idempotencyKeySeen,
  recordRefusal,
  replayAnswer,
  type IdempotentAnswer,
  type KeyedRequest,
} from '../../../platform/http/idempotency';
import { errorStatus } from '../../../platform/http/error-status';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { presentOwnBid } from '../present';
import { refusalError } from '../refusal-error';
import { bidderRefs, overtaken, readForBid, type BidderStanding, type LoadedAuction } from '../repo/auction-repo';
import {
  placeBid as placeBidRule,
  type AuctionState,
  type PlaceBidInput,
  type Refusal,
  type RefusalCode,
} from '../rules';
import type { bidAnswer } from '../schemas';
import { auctions } from '../tables';
import { BidLanes } from './bid-lanes';
import { blockedByMaker } from './maker-blocks';
import { auctionAnswer } from './read-auction';
import { auctionShipping, destinationFor, rememberDestination, type Destination } from './shipping';
import { tryTransition, tryUnchanged, type Attempt } from './transition';

export interface PlaceBidRequest {
  auctionId: string;
  bidderId: string;
  amountMinor: number;
  maxAmountMinor?: number | undefined;
  shippingCountry?: string | undefined;
  idempotencyKey: string | null;
}

type BidAnswer = z.infer<typeof bidAnswer>;
type Known = LoadedAuction & BidderStanding;

/** Writes tried from a state read without the lock before queueing for it. */
const UNLOCKED_ATTEMPTS = 3;

export async function placeBid(
  deps: AuctionsDeps,
  request: PlaceBidRequest,
): Promise<{ status: number; body: BidAnswer }> {
  const scope = `auctions.bid:${request.auctionId}`;
  const keyed: KeyedRequest | null =
    request.idempotencyKey === null
      ? null
      : {
          scope,
          userId: request.bidderId,
          key: request.idempotencyKey,
          request: {
            amountMinor: request.amountMinor,
            maxAmountMinor: request.maxAmountMinor ?? null,
            shippingCountry: request.shippingCountry ?? null,
          },
        };
  const read = () =>
    readForBid(
      deps.db,
      () => ({
        blocked: deps.blocks().blockedCondition(auctions.makerId, bidderRefs.bidderId),
        keySeen: idempotencyKeySeen({ ...bidderRefs, userId: bidderRefs.bidderId }),
        accountCountry: deps.identity.countryExpression(bidderRefs.bidderId),
      }),
      { auctionId: request.auctionId, bidderId: request.bidderId, scope, key: request.idempotencyKey },
    );
  const bidId = randomUUID();
  for (let attempt = 0; ; attempt++) {
    const found = await read();
    if (found === null) throw new DomainError('auction_not_found', 'No such auction');
    let known: Known = found;
    if (known.keySeen && keyed !== null) {
      const replay = await replayAnswer<BidAnswer>(deps.db, keyed);
      if (replay !== null) return replay;
    }
    const input: PlaceBidInput = {
      bidId,
      bidderId: request.bidderId,
      amountMinor: request.amountMinor,
      ...(request.maxAmountMinor === undefined ? {} : { maxAmountMinor: request.maxAmountMinor }),
      bidderStrikes: known.strikes,
      bidderIsNewBuyer: !known.purchased,
    };
    const locked = attempt >= UNLOCKED_ATTEMPTS;
    let answer: IdempotentAnswer<BidAnswer> | 'changed';
    try {
      refuseSettled(deps, known, input);
      const destination = await destinationFor(deps, deps.db, {
        userId: request.bidderId,
        named: request.shippingCountry,
        shipping: await auctionShipping(deps, deps.db, known.row.id, known.row.storyId),
        accountCountry: known.accountCountry,
      });
      const turn = await lanesOf(deps).take(request.auctionId);
      try {
        const newer = turn.newerThan(known.row.version);
        if (newer !== null) {
          known = { ...known, ...newer };
          refuseSettled(deps, known, input);
        }
        const written = await deps.db
          .transaction((tx) => writeBid(deps, tx, { request, keyed, known, input, destination, locked }))
          .catch((err: unknown) => {
            // Overtaken since the read (by a bid of another process): rolled back; read again.
            if (overtaken(err)) return 'changed' as const;
            throw err;
          });
        if (written !== 'changed') turn.committed(written.committed);
        answer = written === 'changed' ? written : written.answer;
      } finally {
        turn.leave();
      }
    } catch (err) {
      if (keyed === null) throw err;
      // A refusal wrote nothing (its transaction, if any, rolled back): it is recorded on its own.
      const refusal = err instanceof DomainError && errorStatus(err.code) < 500;
      if (refusal && (await recordRefusal(deps.db, keyed, err))) throw err;
      if (!refusal && !answerTaken(err)) throw err;
      // A request with the same key was answered first: its answer is this one's.
      const replay = await replayAnswer<BidAnswer>(deps.db, keyed);
      if (replay === null) throw new DomainError('idempotency_conflict', 'Retry the request');
      return replay;
    }
    if (answer === 'changed') continue;
    deps.metrics.bidAccepted();
    return answer;
  }
}

/**
 * The bid's write: from the state read (`tryUnchanged`; when it was overtaken the save throws and
 * the transaction rolls back), or under the lock; then the bidder's destination, the funnel's
 * event and the answer recorded under the key, in the same transaction. With the answer, the
 * auction as this write left it, for the next bid's turn.
 */
async function writeBid(
  deps: AuctionsDeps,
  tx: Executor,
  bid: {
    request: PlaceBidRequest;
    keyed: KeyedRequest | null;
    known: Known;
    input: PlaceBidInput;
    destination: Destination;
    locked: boolean;
  },
): Promise<{ answer: IdempotentAnswer<BidAnswer>; committed: LoadedAuction }> {
  const { request, input } = bid;
  const rule = ({ state }: LoadedAuction, now: Date) => placeBidRule(state, input, now, deps.rules);
  let outcome: Attempt | 'lock' = bid.locked ? 'lock' : await tryUnchanged(deps, tx, bid.known, rule, settledRefusal);
  if (outcome === 'lock') outcome = await tryTransition(deps, tx, request.auctionId, 'none', rule);
  if (!outcome.ok) {
    deps.metrics.bidRefused(outcome.code);
    throw refusalError(outcome);
  }
  const placed = outcome.state.bids.find((candidate) => candidate.id === input.bidId);
  if (placed === undefined) throw new Error('an accepted bid is always recorded');
  await rememberDestination(tx, {
    storyId: outcome.row.storyId,
    userId: request.bidderId,
    country: bid.destination.country,
    at: placed.createdAt,
  });
  // A leader raising their own maximum places no bid anyone sees: not a bid in the funnel.
  if (placed.kind !== 'max_raise') {
    await deps.analytics().record(tx, {
      type: 'bid',
      storyId: outcome.row.storyId,
      makerId: outcome.row.makerId,
      userId: request.bidderId,
      auctionId: request.auctionId,
      amountMinor: placed.amountMinor,
      currency: outcome.row.currency,
    });
  }
  const body: BidAnswer = {
    bid: presentOwnBid(request.auctionId, placed),
    auction: await auctionAnswer(deps, tx, outcome.state, outcome.row, request.bidderId, outcome.leaderAlias),
  };
  // Recorded as the transaction's last write: a key recorded first fails it (see `answerTaken`).
  if (bid.keyed !== null) await deferAnswer(tx, bid.keyed, 201, body);
  publishLiveAfterCommit(deps, tx, outcome.live);
  // As a read after the commit would find it: the row at its new version, no bids loaded.
  const committed = { row: outcome.row, state: { ...outcome.state, bids: [] } };
  return { answer: { status: 201, body, replayed: false }, committed };
}

const bidLanes = new WeakMap<AuctionsDeps['db'], BidLanes>();

/** The turns of this process's bids that may win (see `BidLanes`), one set per database. */
function lanesOf(deps: AuctionsDeps): BidLanes {
  let lanes = bidLanes.get(deps.db);
  if (lanes === undefined) {
    lanes = new BidLanes();
    bidLanes.set(deps.db, lanes);
  }
  return lanes;
}

/**
 * Throws the refusals the state read without the lock answers for good (see `settledRefusal`):
 * the bid is then ordered before whatever committed since that read.
 */
function refuseSettled(deps: AuctionsDeps, known: Known, input: PlaceBidInput): void {
  if (known.blocked) throw blockedByMaker();
  const early = placeBidRule(known.state, input, deps.clock.now(), deps.rules);
  if (!early.ok && settledRefusal(early, known.state)) {
    deps.metrics.bidRefused(early.code);
    throw refusalError(early);
  }
}

/**
 * Refusals that may be answered from the committed state read without the lock: the bid is then
 * ordered before whatever commits meanwhile, which is a valid order because none of these depends
 * on the clock against a deadline another bid may move, nor on the bidder's own standing. Not
 * among them: "ended" by the clock while still active (a bid committing meanwhile may have
 * extended the end) and "already leading".
 */
const SETTLED: ReadonlySet<RefusalCode> = new Set<RefusalCode>([
  'bid_too_low',
  'bid_above_new_buyer_cap',
  'invalid_amount',
  'max_below_amount',
  'maker_cannot_bid',
  'bidder_blocked',
  'auction_not_active',
  'auction_not_started',
]);

function settledRefusal(refusal: Refusal, peeked: AuctionState): boolean {
  if (refusal.code === 'auction_ended') return peeked.status !== 'active';
  return SETTLED.has(refusal.code);
}
