/**
 * A bid, end to end: idempotency key claimed → auction read → rules → state, bids and events
 * written (taking the auction's row lock) → effects (timers re-armed, notices) → live messages
 * registered with afterCommit → commit → published. The 201 goes out only after the commit, so an
 * acknowledged bid is durable.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db/client';
import { withIdempotency } from '../../../platform/http/idempotency';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { presentOwnBid } from '../present';
import { refusalError } from '../refusal-error';
import { DomainError } from '../../../platform/errors';
import { loadAuction, type LoadedAuction } from '../repo/auction-repo';
import {
  placeBid as placeBidRule,
  type AuctionState,
  type PlaceBidInput,
  type Refusal,
  type RefusalCode,
} from '../rules';
import type { bidAnswer } from '../schemas';
import { refuseIfMakerBlocked } from './maker-blocks';
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
  const answer = await withIdempotency<z.infer<typeof bidAnswer>, BidRead>(
    deps.db,
    {
      scope: `auctions.bid:${request.auctionId}`,
      userId: request.bidderId,
      key: request.idempotencyKey,
      request: {
        amountMinor: request.amountMinor,
        maxAmountMinor: request.maxAmountMinor ?? null,
        shippingCountry: request.shippingCountry ?? null,
      },
      successStatus: 201,
    },
    async (tx, { known, input, destination }) => {
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
    (tx) => readBid(deps, tx, request),
  );
  if (!answer.replayed) deps.metrics.bidAccepted();
  return { status: answer.status, body: answer.body };
}

interface BidRead {
  known: LoadedAuction;
  input: PlaceBidInput;
  destination: Destination;
}

/**
 * Reads the auction without the lock (with the bidder's strikes and whether they ever paid for a
 * purchase, in the same statement). Most bids on a hot auction lose
 * the race for the minimum and are refused for good from that read, before any write (see
 * `settledRefusal`); the rest write only if the state they were decided on is still current (see
 * `tryTransition`). A fresh id can never repeat an earlier bid: no bid history is read.
 */
async function readBid(deps: AuctionsDeps, tx: Executor, request: PlaceBidRequest): Promise<BidRead> {
  const known = await loadAuction(tx, request.auctionId, { lock: false, bids: 'none', strikesOf: request.bidderId });
  if (known === null) throw new DomainError('auction_not_found', 'No such auction');
  await refuseIfMakerBlocked(deps, tx, known.row.makerId, request.bidderId);
  const input: PlaceBidInput = {
    bidId: randomUUID(),
    bidderId: request.bidderId,
    amountMinor: request.amountMinor,
    ...(request.maxAmountMinor === undefined ? {} : { maxAmountMinor: request.maxAmountMinor }),
    bidderStrikes: known.strikes,
    bidderIsNewBuyer: !known.purchased,
  };
  const early = placeBidRule(known.state, input, deps.clock.now(), deps.rules);
  if (!early.ok && settledRefusal(early, known.state)) {
    deps.metrics.bidRefused(early.code);
    throw refusalError(early);
  }
  // After the refusals the read settles: a bid that lost the race costs no shipping look-up.
  const destination = await destinationFor(deps, tx, {
    userId: request.bidderId,
    named: request.shippingCountry,
    shipping: await auctionShipping(deps, tx, known.row.id, known.row.storyId),
  });
  return { known, input, destination };
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
