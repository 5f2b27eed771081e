/**
 * A bid, end to end: idempotency key claimed → auction row locked → rules → state, bids and events
 * written → effects (timers re-armed, notices) → commit → live messages. The 201 goes out only
 * after the commit, so an acknowledged bid is durable.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withIdempotency } from '../../../platform/http/idempotency';
import type { AuctionsDeps } from '../deps';
import { publishLive } from '../effects/apply-effects';
import type { LiveMessage } from '../effects/live';
import { presentOwnBid } from '../present';
import { refusalError } from '../refusal-error';
import { strikeCount } from '../repo/payment-repo';
import { placeBid as placeBidRule } from '../rules';
import type { bidAnswer } from '../schemas';
import { auctionAnswer } from './read-auction';
import { tryTransition } from './transition';

export interface PlaceBidRequest {
  auctionId: string;
  bidderId: string;
  amountMinor: number;
  maxAmountMinor?: number | undefined;
  idempotencyKey: string | null;
}

export async function placeBid(
  deps: AuctionsDeps,
  request: PlaceBidRequest,
): Promise<{ status: number; body: z.infer<typeof bidAnswer> }> {
  let live: LiveMessage[] = [];
  const answer = await withIdempotency(
    deps.db,
    {
      scope: `auctions.bid:${request.auctionId}`,
      userId: request.bidderId,
      key: request.idempotencyKey,
      request: { amountMinor: request.amountMinor, maxAmountMinor: request.maxAmountMinor ?? null },
      successStatus: 201,
    },
    async (tx) => {
      const bidId = randomUUID();
      const strikes = await strikeCount(tx, request.bidderId);
      // A fresh id can never repeat an earlier bid, so none of the bid history needs reading.
      const outcome = await tryTransition(deps, tx, request.auctionId, 'none', ({ state }, now) =>
        placeBidRule(
          state,
          {
            bidId,
            bidderId: request.bidderId,
            amountMinor: request.amountMinor,
            ...(request.maxAmountMinor === undefined ? {} : { maxAmountMinor: request.maxAmountMinor }),
            bidderStrikes: strikes,
          },
          now,
          deps.rules,
        ),
      );
      if (!outcome.ok) {
        deps.metrics.bidRefused(outcome.code);
        throw refusalError(outcome);
      }
      const bid = outcome.state.bids.find((candidate) => candidate.id === bidId);
      if (bid === undefined) throw new Error('an accepted bid is always recorded');
      live = outcome.live;
      // A leader raising their own maximum places no bid anyone sees: not a bid in the funnel.
      if (bid.kind !== 'max_raise') {
        await deps.analytics()?.record(tx, {
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
  );
  if (!answer.replayed) {
    deps.metrics.bidAccepted();
    await publishLive(deps, live);
  }
  return { status: answer.status, body: answer.body };
}
