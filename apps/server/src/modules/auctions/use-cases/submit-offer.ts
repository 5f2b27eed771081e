/** An offer on a story: held for the maker, refused, or — the first qualifying one — the auction's opening bid. */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { withIdempotency } from '../../../platform/http/idempotency';
import type { AuctionsDeps } from '../deps';
import { publishLiveAfterCommit } from '../effects/apply-effects';
import { presentOffer } from '../present';
import { refusalError } from '../refusal-error';
import { buyerStanding } from '../repo/payment-repo';
import { submitOffer as submitOfferRule } from '../rules';
import type { offerAnswer } from '../schemas';
import { refuseIfMakerBlocked } from './maker-blocks';
import { auctionAnswer } from './read-auction';
import { noticeOfferReceived, recordOfferOutcome } from './record-offer-outcome';
import { destinationFor, rememberDestination } from './shipping';
import { lockStoryMarket } from './story-market';

export interface SubmitOfferRequest {
  storyId: string;
  userId: string;
  amountMinor: number;
  currency?: string | undefined;
  shippingCountry?: string | undefined;
  idempotencyKey: string | null;
}

export async function submitOffer(
  deps: AuctionsDeps,
  request: SubmitOfferRequest,
): Promise<{ status: number; body: z.infer<typeof offerAnswer> }> {
  const answer = await withIdempotency(
    deps.db,
    {
      scope: `auctions.offer:${request.storyId}`,
      userId: request.userId,
      key: request.idempotencyKey,
      request: {
        amountMinor: request.amountMinor,
        currency: request.currency ?? null,
        shippingCountry: request.shippingCountry ?? null,
      },
      successStatus: 201,
    },
    async (tx) => {
      const standing = await buyerStanding(tx, request.userId);
      const { terms, market } = await lockStoryMarket(deps, tx, request.storyId);
      await refuseIfMakerBlocked(deps, tx, terms.makerId, request.userId);
      const destination = await destinationFor(deps, tx, {
        userId: request.userId,
        named: request.shippingCountry,
        shipping: terms.shipping,
      });
      const now = deps.clock.now();
      const result = submitOfferRule(
        market,
        {
          offerId: randomUUID(),
          auctionId: randomUUID(),
          userId: request.userId,
          amountMinor: request.amountMinor,
          ...(request.currency === undefined ? {} : { currency: request.currency }),
          userStrikes: standing.strikes,
          userIsNewBuyer: !standing.purchased,
        },
        now,
        deps.rules,
      );
      if (!result.ok) throw refusalError(result);
      await rememberDestination(tx, {
        storyId: request.storyId,
        userId: request.userId,
        country: destination.country,
        at: now,
      });
      const recorded = await recordOfferOutcome(deps, tx, result, { isNew: true, storyTitle: terms.title, now });
      if (recorded.auction === null) await noticeOfferReceived(deps, tx, result.offer, terms.makerId, terms.title);
      await deps.analytics().record(tx, {
        type: 'offer',
        storyId: request.storyId,
        makerId: terms.makerId,
        userId: request.userId,
        auctionId: recorded.auction?.row.id ?? null,
        amountMinor: result.offer.amountMinor,
        currency: result.offer.currency,
      });
      publishLiveAfterCommit(deps, tx, recorded.live);
      return {
        offer: presentOffer(result.offer),
        auction:
          recorded.auction === null
            ? null
            : await auctionAnswer(deps, tx, recorded.auction.state, recorded.auction.row, request.userId),
      };
    },
  );
  return { status: answer.status, body: answer.body };
}
