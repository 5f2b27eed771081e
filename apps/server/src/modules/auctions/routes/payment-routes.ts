import { z } from 'zod';
import { callerOf, type AuthGuard } from '../../../platform/http/auth';
import { errorResponses } from '../../../platform/http/error-body';
import { idempotencyKeyOf } from '../../../platform/http/idempotency';
import type { HttpApp } from '../../../platform/http/types';
import type { AuctionsDeps } from '../deps';
import * as s from '../schemas';
import { buyNow } from '../use-cases/buy-now';
import { auctionPayment, paymentWindow, windowAnswer } from '../use-cases/payment-windows';
import { findWindow } from '../repo/payment-repo';

const tags = ['payments'];
const security = [{ bearer: [] }];

export function paymentRoutes(app: HttpApp, deps: AuctionsDeps, guard: AuthGuard): void {
  app.post(
    '/v1/stories/:id/buy',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'Buys the piece at its buy-now price, shipping to the country given (or the account’s); the story is held for the buyer while they pay within the payment window.',
        examples: { request: { shippingCountry: 'US' } },
        summary: 'Buy now (only before an auction starts): opens a payment window and holds the story',
        params: s.idParam,
        headers: s.idempotencyHeaders,
        body: s.buyBody,
        response: { 201: z.object({ paymentWindow: s.paymentWindowView }), ...errorResponses },
      },
    },
    async (req, reply) => {
      const answer = await buyNow(deps, {
        storyId: req.params.id,
        buyerId: callerOf(req).userId,
        shippingCountry: req.body?.shippingCountry,
        idempotencyKey: idempotencyKeyOf(req),
      });
      // The window is committed whatever happens next; a checkout the provider cannot make yet is
      // fetched again through GET /v1/payment-windows/:id.
      const window = await findWindow(deps.db, answer.body.id);
      const checkoutUrl = window === null ? null : (await windowAnswer(deps, window, { tolerant: true })).checkoutUrl;
      return reply.status(201).send({ paymentWindow: { ...answer.body, checkoutUrl } });
    },
  );

  app.get(
    '/v1/auctions/:id/payment',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'The payment window of an auction’s winner: the amount (piece and shipping), the deadline and the checkout URL; for the winner and the maker only.',
        summary: "The auction's payment window (winner or maker)",
        params: s.idParam,
        response: { 200: s.paymentWindowView, ...errorResponses },
      },
    },
    async (req) => auctionPayment(deps, req.params.id, callerOf(req)),
  );

  app.get(
    '/v1/payment-windows/:id',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'A payment window by its id, for its buyer or the maker: amount, deadline, state and checkout URL.',
        summary: 'A payment window (its buyer or the maker), e.g. after buy now',
        params: s.idParam,
        response: { 200: s.paymentWindowView, ...errorResponses },
      },
    },
    async (req) => paymentWindow(deps, req.params.id, callerOf(req)),
  );
}
