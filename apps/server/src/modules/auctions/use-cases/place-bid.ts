/**
 * A bid, end to end: the auction, the bidder's standing and whether the idempotency key was seen,
 * read in one statement outside any transaction → a bid that lost the race (the usual fate of a
 * bid on a hot auction) is answered from that read, with no write → otherwise the key is claimed,
 * the rules applied, state, bids and events written (taking the auction's row lock only if the
 * state read is still current) → effects (timers re-armed, notices) → live messages registered
 * with afterCommit → commit → published. The 201 goes out only after the commit, so an
 * acknowledged bid is durable.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client';
import { idempotencyKeySeen, withIdempotency } from '../../../platform/http/idempotency';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { presentOwnBid } from '../present';
import { refusalError } from '../refusal-error';
import { DomainError } from '../../../platform/errors';
import { bidPlaceholders, readForBid, type BidderStanding, type LoadedAuction } from '../repo/auction-repo';
import {
  placeBid as placeBidRule,
  type AuctionState,
  type PlaceBidInput,
  type Refusal,
  type RefusalCode,
} from '../rules';
import type { bidAnswer } from '../schemas';
import { auctions } from '../tables';
import { blockedByMaker } from './maker-blocks';
import { auctionAnswer } from './read-auction';
import { auctionShipping, destinationFor, rememberDestination, type Destination } from './shipping';
import { tryTransition } from './transition';

export interface PlaceBidRequest {
  auctionId: string;
  bidderId: string;
  amountMinor: number;
  maxAmountMinor?: number | undefined;
  shippingCountry?: string | undefined;
  idempotencyKey: string | null;
}

export async function placeBid(
  deps: AuctionsDeps,
  request: PlaceBidRequest,
): Promise<{ status: number; body: z.infer<typeof bidAnswer> }> {
  const scope = `auctions.bid:${request.auctionId}`;
  const known = await readForBid(
    deps.db,
    () => ({
      blocked: deps.blocks().blockedCondition(auctions.makerId, bidPlaceholders.bidderId),
      keySeen: idempotencyKeySeen({ ...bidPlaceholders, userId: bidPlaceholders.bidderId }),
    }),
    { auctionId: request.auctionId, bidderId: request.bidderId, scope, key: request.idempotencyKey },
  );
  if (known === null) throw new DomainError('auction_not_found', 'No such auction');
  const input: PlaceBidInput = {
    bidId: randomUUID(),
    bidderId: request.bidderId,
    amountMinor: request.amountMinor,
    ...(request.maxAmountMinor === undefined ? {} : { maxAmountMinor: request.maxAmountMinor }),
    bidderStrikes: known.strikes,
    bidderIsNewBuyer: !known.purchased,
  };
  // A refusal that changes nothing, for a key never seen, needs no record: a retry is decided afresh.
  if (!known.keySeen) refuseSettled(deps, known, input);
  const answer = await withIdempotency<z.infer<typeof bidAnswer>, BidRead>(
    deps.db,
    {
      scope,
      userId: request.bidderId,
      key: request.idempotencyKey,
      request: {
        amountMinor: request.amountMinor,
        maxAmountMinor: request.maxAmountMinor ?? null,
        shippingCountry: request.shippingCountry ?? null,
      },
      successStatus: 201,
    },
    async (tx, { destination }) => {
      const outcome = await tryTransition(
        deps,
        tx,
        request.auctionId,
        'none',
        ({ state }, now) => placeBidRule(state, input, now, deps.rules),
        { known, settled: settledRefusal },
      );
      if (!outcome.ok) {
        deps.metrics.bidRefused(outcome.code);
        throw refusalError(outcome);
      }
      const bid = outcome.state.bids.find((candidate) => candidate.id === input.bidId);
      if (bid === undefined) throw new Error('an accepted bid is always recorded');
      await rememberDestination(tx, {
        storyId: outcome.row.storyId,
        userId: request.bidderId,
        country: destination.country,
        at: bid.createdAt,
      });
      publishLiveAfterCommit(deps, tx, outcome.live);
      // A leader raising their own maximum places no bid anyone sees: not a bid in the funnel.
      if (bid.kind !== 'max_raise') {
        await deps.analytics().record(tx, {
          type: 'bid',
          storyId: outcome.row.storyId,
          makerId: outcome.row.makerId,
          userId: request.bidderId,
          auctionId: request.auctionId,
          amountMinor: bid.amountMinor,
          currency: outcome.row.currency,
        });
      }
      return {
        bid: presentOwnBid(request.auctionId, bid),
        auction: await auctionAnswer(deps, tx, outcome.state, outcome.row, request.bidderId, outcome.leaderAlias),
      };
    },
    (tx) => readBid(deps, tx, request, known, input),
  );
  if (!answer.replayed) deps.metrics.bidAccepted();
  return { status: answer.status, body: answer.body };
}

interface BidRead {
  destination: Destination;
}

/**
 * Throws the refusals the state read without the lock answers for good (see `settledRefusal`):
 * the bid is then ordered before whatever committed since that read.
 */
function refuseSettled(deps: AuctionsDeps, known: LoadedAuction & BidderStanding, input: PlaceBidInput): void {
  if (known.blocked) throw blockedByMaker();
  const early = placeBidRule(known.state, input, deps.clock.now(), deps.rules);
  if (!early.ok && settledRefusal(early, known.state)) {
    deps.metrics.bidRefused(early.code);
    throw refusalError(early);
  }
}

/**
 * The first step under the idempotency key, from the statement read before it (a fresh bid id can
 * never repeat an earlier bid: no bid history is needed). The refusals are checked again, so a key
 * seen before but never answered records its refusal. Then, for a bid that may win, where the piece
 * would ship; the rest is decided by `tryTransition`, which writes only if the state read is still
 * current.
 */
async function readBid(
  deps: AuctionsDeps,
  tx: Executor,
  request: PlaceBidRequest,
  known: LoadedAuction & BidderStanding,
  input: PlaceBidInput,
): Promise<BidRead> {
  refuseSettled(deps, known, input);
  const destination = await destinationFor(deps, tx, {
    userId: request.bidderId,
    named: request.shippingCountry,
    shipping: await auctionShipping(deps, tx, known.row.id, known.row.storyId),
  });
  return { destination };
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
