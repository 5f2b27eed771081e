import { z } from 'zod';
import { callerOf, type AuthGuard } from '../../../platform/http/auth';
import { errorResponses } from '../../../platform/http/error-body';
import { idempotencyKeyOf } from '../../../platform/http/idempotency';
import type { HttpApp } from '../../../platform/http/types';
import type { AuctionsDeps } from '../deps';
import * as s from '../schemas';
import { acceptOffer, declineOffer, withdrawOffer } from '../use-cases/decide-offer';
import { listOffers } from '../use-cases/list-offers';
import { submitOffer } from '../use-cases/submit-offer';

const tags = ['offers'];
const security = [{ bearer: [] }];

export function offerRoutes(app: HttpApp, deps: AuctionsDeps, guard: AuthGuard): void {
  app.post(
    '/v1/stories/:id/offers',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'Offers an amount for the piece, shipping to the country given (or the account’s). An offer at or above the maker’s minimum opens a 72-hour auction with the offer as its opening bid; below it, the offer waits for the maker or is declined at once, as the maker chose. Needs an `Idempotency-Key` header.',
        examples: { request: { amountMinor: 15000, currency: 'USD', shippingCountry: 'US' } },
        summary: 'Make an offer; the first one at or above the minimum opens the auction as its opening bid',
        params: s.idParam,
        headers: s.idempotencyHeaders,
        body: s.offerBody,
        response: { 201: s.offerAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await submitOffer(deps, {
        storyId: req.params.id,
        userId: callerOf(req).userId,
        amountMinor: req.body.amountMinor,
        currency: req.body.currency,
        shippingCountry: req.body.shippingCountry,
        idempotencyKey: idempotencyKeyOf(req),
      });
      return reply.status(201).send(answer.body);
    },
  );

  app.get(
    '/v1/stories/:id/offers',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'For the story’s maker, the offers waiting on the story (or those of `?status=`); for anyone else, their own offers on it.',
        summary: 'The maker: offers waiting on their story (or ?status=); anyone else: their own offers',
        params: s.idParam,
        querystring: s.offerListQuery,
        response: { 200: s.offerList, ...errorResponses },
      },
    },
    async (req) =>
      listOffers(deps, { storyId: req.params.id, callerId: callerOf(req).userId, status: req.query.status }),
  );

  app.post(
    '/v1/offers/:id/accept',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'The maker accepts an offer below the minimum that waits for them; it opens the auction with the offer as its opening bid.',
        summary: 'The maker accepts a held offer: it opens the auction',
        params: s.idParam,
        response: { 200: s.offerAnswer, ...errorResponses },
      },
    },
    async (req) => acceptOffer(deps, { offerId: req.params.id, callerId: callerOf(req).userId }),
  );

  app.post(
    '/v1/offers/:id/decline',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description: 'The maker declines an offer that waits for them; the offerer is notified.',
        summary: 'The maker declines a held offer',
        params: s.idParam,
        response: { 200: z.object({ offer: s.offerView }), ...errorResponses },
      },
    },
    async (req) => ({ offer: await declineOffer(deps, { offerId: req.params.id, callerId: callerOf(req).userId }) }),
  );

  app.post(
    '/v1/offers/:id/withdraw',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description: 'The offerer takes back an offer that has not opened an auction.',
        summary: 'The offerer withdraws their offer (until it opens an auction)',
        params: s.idParam,
        response: { 200: z.object({ offer: s.offerView }), ...errorResponses },
      },
    },
    async (req) => ({ offer: await withdrawOffer(deps, { offerId: req.params.id, callerId: callerOf(req).userId }) }),
  );
}
