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
        description:
          'An auction’s live state: the current price, the leading bidder’s pseudonym, the next minimum bid, the reserve state and when it ends (a late bid extends it).',
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
        description: 'The story’s running or latest auction, as `GET /v1/auctions/{id}` answers it.',
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
        description:
          'Bids at least the next minimum; with `maxAmountMinor` the server bids for the caller, one increment at a time, up to that maximum. A bid in the last minutes extends the end (soft close). Needs an `Idempotency-Key` header.',
        examples: { request: { amountMinor: 16000, maxAmountMinor: 22000, shippingCountry: 'US' } },
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
        description:
          'The bids of an auction in the order they were accepted, after a sequence number when given, so a client catches up after a reconnection.',
        summary: 'Bids in order of acceptance (voided ones flagged); bidders appear by id and per-auction pseudonym',
        params: s.idParam,
        querystring: s.bidListQuery,
        response: { 200: s.bidList, ...errorResponses },
      },
    },
    async (req) => listBids(deps, req.params.id, { afterSequence: req.query.afterSequence, limit: req.query.limit }),
  );

  const makerAction = (path: string, summary: string, description: string, action: typeof acceptLeadingBid) =>
    app.post(
      path,
      {
        preHandler: guard.requireUser,
        schema: {
          tags,
          security,
          summary,
          description,
          params: s.idParam,
          response: { 200: s.auctionView, ...errorResponses },
        },
      },
      async (req) => action(deps, { auctionId: req.params.id, callerId: callerOf(req).userId }),
    );
  makerAction(
    '/v1/auctions/:id/accept',
    'The maker accepts the leading bid (early, or within the decision window after reserve not met); needs TOTP',
    'Ends the auction with a sale to the leading bidder, who gets a payment window; while it runs, or after it ended below the reserve and within the decision window.',
    acceptLeadingBid,
  );
  makerAction(
    '/v1/auctions/:id/second-chance',
    'After an unpaid window: offer the piece to the next-highest bidder at their last bid; needs TOTP',
    'When the winner let the payment window expire, offers the piece to the next-highest bidder at their last bid, with a payment window of their own.',
    offerSecondChance,
  );
  makerAction(
    '/v1/auctions/:id/relist',
    'Close an auction that ended without a sale; the story takes offers again',
    'Closes an auction that ended without a sale (no bid, reserve not met or unpaid) and returns the story to taking offers.',
    relist,
  );
}
