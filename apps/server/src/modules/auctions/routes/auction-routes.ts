import type { FastifyRequest } from 'fastify';
import { callerOf, type AuthGuard } from '../../../platform/http/auth';
import { errorResponses } from '../../../platform/http/error-body';
import { idempotencyKeyOf } from '../../../platform/http/idempotency';
import type { HttpApp } from '../../../platform/http/types';
import type { AuctionsDeps } from '../deps';
import * as s from '../schemas';
import { acceptLeadingBid, offerSecondChance, relist } from '../use-cases/maker-decisions';
import { placeBid } from '../use-cases/place-bid';
import { getAuction, getStoryAuction, listBids } from '../use-cases/read-auction';

const tags = ['auctions'];
const security = [{ bearer: [] }];

export function auctionRoutes(
  app: HttpApp,
  deps: AuctionsDeps,
  guard: AuthGuard,
  limits: { bids: (req: FastifyRequest) => Promise<void> },
): void {
  app.get(
    '/v1/auctions/:id',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        summary: 'An auction (the caller’s own proxy maximum included when signed in)',
        params: s.idParam,
        response: { 200: s.auctionView, ...errorResponses },
      },
    },
    async (req) => getAuction(deps, req.params.id, req.caller?.userId ?? null),
  );

  app.get(
    '/v1/stories/:id/auction',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        summary: 'The current auction of a story',
        params: s.idParam,
        response: { 200: s.auctionView, ...errorResponses },
      },
    },
    async (req) => getStoryAuction(deps, req.params.id, req.caller?.userId ?? null),
  );

  app.post(
    '/v1/auctions/:id/bids',
    {
      preHandler: [guard.requireUser, limits.bids],
      schema: {
        tags,
        security,
        summary: 'Bid; with maxAmountMinor the system bids for you up to it (proxy bidding)',
        params: s.idParam,
        headers: s.idempotencyHeaders,
        body: s.bidBody,
        response: { 201: s.bidAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await placeBid(deps, {
        auctionId: req.params.id,
        bidderId: callerOf(req).userId,
        amountMinor: req.body.amountMinor,
        maxAmountMinor: req.body.maxAmountMinor,
        shippingCountry: req.body.shippingCountry,
        idempotencyKey: idempotencyKeyOf(req),
      });
      return reply.status(201).send(answer.body);
    },
  );

  app.get(
    '/v1/auctions/:id/bids',
    {
      schema: {
        tags,
        summary: 'Bids in order of acceptance (voided ones flagged); bidders appear by id and per-auction pseudonym',
        params: s.idParam,
        querystring: s.bidListQuery,
        response: { 200: s.bidList, ...errorResponses },
      },
    },
    async (req) => listBids(deps, req.params.id, { afterSequence: req.query.afterSequence, limit: req.query.limit }),
  );

  const makerAction = (path: string, summary: string, action: typeof acceptLeadingBid) =>
    app.post(
      path,
      {
        preHandler: guard.requireUser,
        schema: { tags, security, summary, params: s.idParam, response: { 200: s.auctionView, ...errorResponses } },
      },
      async (req) => action(deps, { auctionId: req.params.id, callerId: callerOf(req).userId }),
    );
  makerAction(
    '/v1/auctions/:id/accept',
    'The maker accepts the leading bid (early, or within the decision window after reserve not met); needs TOTP',
    acceptLeadingBid,
  );
  makerAction(
    '/v1/auctions/:id/second-chance',
    'After an unpaid window: offer the piece to the next-highest bidder at their last bid; needs TOTP',
    offerSecondChance,
  );
  makerAction(
    '/v1/auctions/:id/relist',
    'Close an auction that ended without a sale; the story takes offers again',
    relist,
  );
}
