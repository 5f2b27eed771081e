import { queryInt } from '../../platform/http/query-int.js';
import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import { DomainError } from '../../platform/errors';
import { callerOf } from '../../platform/http/auth';
import { errorBody, errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { RefundView } from '../payments';
import { cancelOrder } from './cancel-order';
import { confirmDelivery } from './confirm-delivery';
import type { OrdersDeps } from './deps';
import { disputeOrder } from './dispute-order';
import { orderView, presentOrder } from './present';
import { getOrder, listOrdersFor, orderReceipt } from './read-orders';
import { refundOrder } from './refund-order';
import { shipOrder } from './ship-order';
import { ORDER_STATUSES } from './tables';

const tags = ['orders'];
const secured = [{ bearer: [] }];
const orderParams = z.object({ id: idSchema });
const withPayments = { ...errorResponses, 503: errorBody };

const refundView = z
  .object({
    id: z.string(),
    amountMinor: z.number().int(),
    status: z.enum(['pending', 'succeeded', 'failed']),
    reason: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'Refund' });

const presentRefund = (r: RefundView) => ({
  id: r.id,
  amountMinor: r.amountMinor,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
});

export function orderRoutes(app: HttpApp, deps: OrdersDeps): void {
  const { guard } = deps.identity;
  const present = (
    result: { order: Parameters<typeof presentOrder>[1]; relation: Parameters<typeof presentOrder>[2] },
    viewerId: string,
  ) => presentOrder(deps, result.order, result.relation, viewerId);

  app.get(
    '/v1/orders',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'Orders where the caller is the buyer (`as=buyer`, the default) or the maker (`as=maker`); admins see all with `as=admin`. Newest first, in keyset pages.',
        summary: 'My orders as buyer or maker (admins: as=admin for all), newest first',
        querystring: z.object({
          as: z.enum(['buyer', 'maker', 'admin']).default('buyer'),
          status: z.enum(ORDER_STATUSES).optional(),
          cursor: z.string().max(200).optional(),
          limit: queryInt({ min: 1, max: 50 }).default(20),
        }),
        response: {
          200: z.object({ items: z.array(orderView), nextCursor: z.string().nullable() }),
          ...errorResponses,
        },
      },
    },
    async (req) => listOrdersFor(deps, callerOf(req), req.query),
  );

  app.get(
    '/v1/orders/:id',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'An order with its amounts (piece and shipping apart), shipping address, status, tracking and refunds; only its buyer, its maker or an admin may read it.',
        summary: 'An order (buyer, maker or admin)',
        params: orderParams,
        response: { 200: orderView, ...errorResponses },
      },
    },
    async (req) => getOrder(deps, callerOf(req), req.params.id),
  );

  app.post(
    '/v1/orders/:id/shipment',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'The maker marks the order shipped with its carrier and tracking number, which the buyer then sees on the order.',
        examples: { request: { carrier: 'USPS', trackingNumber: '9400111899223856923481' } },
        summary: 'Maker: add the carrier and tracking number (ships the order)',
        params: orderParams,
        body: z.object({
          carrier: z.string().trim().min(1).max(100),
          trackingNumber: z.string().trim().min(1).max(100),
        }),
        response: { 200: orderView, ...errorResponses },
      },
    },
    async (req) => present(await shipOrder(deps, callerOf(req), req.params.id, req.body), callerOf(req).userId),
  );

  app.post(
    '/v1/orders/:id/delivery-confirmation',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'The buyer confirms the piece arrived; the order is marked delivered.',
        summary: 'Buyer: confirm delivery',
        params: orderParams,
        response: { 200: orderView, ...errorResponses },
      },
    },
    async (req) => present(await confirmDelivery(deps, callerOf(req), req.params.id), callerOf(req).userId),
  );

  app.post(
    '/v1/orders/:id/dispute',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'The buyer reports a problem with the order, with a reason; an admin looks into it and resolves it.',
        examples: { request: { reason: 'The bowl arrived cracked along the rim.' } },
        summary: 'Buyer: report a problem with the order (an admin resolves it)',
        params: orderParams,
        body: z.object({ reason: z.string().trim().min(3).max(2000) }),
        response: { 200: orderView, ...errorResponses },
      },
    },
    async (req) =>
      present(await disputeOrder(deps, callerOf(req), req.params.id, req.body.reason), callerOf(req).userId),
  );

  app.post(
    '/v1/orders/:id/cancel',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'Cancels the order and refunds the buyer in full; a maker may do so only before shipping.',
        examples: { request: { reason: 'The piece broke in the final firing.' } },
        summary: 'Maker (before shipping) or admin: cancel the order and refund the buyer in full',
        params: orderParams,
        body: z
          .object({ reason: z.string().trim().min(1).max(2000).default('cancelled') })
          .default({ reason: 'cancelled' }),
        response: { 200: z.object({ order: orderView, refund: refundView.nullable() }), ...withPayments },
      },
    },
    async (req) => {
      const result = await cancelOrder(deps, callerOf(req), req.params.id, req.body.reason);
      const order = await getOrder(deps, callerOf(req), req.params.id);
      return { order, refund: result.refund ? presentRefund(result.refund) : null };
    },
  );

  app.post(
    '/v1/orders/:id/refunds',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'Refunds the amount given, or the whole order without one, with the reason; a maker may do so only before shipping.',
        examples: { request: { amountMinor: 1500, reason: 'Shipping was slower than promised.' } },
        summary: 'Admin (any time) or maker (before shipping): refund all or part of the order',
        params: orderParams,
        body: z.object({
          amountMinor: z.number().int().positive().optional().describe('Omitted: everything still refundable'),
          reason: z.string().trim().min(1).max(2000),
        }),
        response: {
          201: z.object({ refund: refundView, order: orderView }),
          202: z.object({ refund: refundView, order: orderView }),
          ...withPayments,
        },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      const result = await refundOrder(deps, caller, req.params.id, req.body);
      if (result.refund.status === 'failed') {
        throw new DomainError('refund_failed', 'The payment provider refused this refund', {
          refundId: result.refund.id,
        });
      }
      // Re-read: a refund that settled at once changed the order's refunded total and maybe its status.
      const order = await getOrder(deps, caller, req.params.id);
      return reply
        .status(result.refund.status === 'pending' ? 202 : 201)
        .send({ refund: presentRefund(result.refund), order });
    },
  );

  app.get(
    '/v1/orders/:id/receipt',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        description:
          'The order’s receipt as a printable HTML page, for a signed-in party or anyone holding the link from the receipt email; written in the reader’s language (their account’s, else the Accept-Language, else English).',
        summary: 'The receipt page (HTML): for a signed-in party, or with the receipt link token',
        params: orderParams,
        querystring: z.object({ token: z.string().max(200).optional() }),
        response: { 200: z.string().describe('An HTML page'), ...errorResponses },
      },
    },
    async (req, reply) => {
      const html = await orderReceipt(deps, req.params.id, {
        caller: req.caller,
        token: req.query.token,
        acceptLanguage: req.headers['accept-language'],
      });
      return reply
        .header('cache-control', 'private, no-store')
        .header('referrer-policy', 'no-referrer')
        .type('text/html; charset=utf-8')
        .send(html);
    },
  );
}
