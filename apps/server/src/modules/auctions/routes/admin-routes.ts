import { callerOf, type AuthGuard } from '../../../platform/http/auth';
import { errorResponses } from '../../../platform/http/error-body';
import type { HttpApp } from '../../../platform/http/types';
import type { AuctionsDeps } from '../deps';
import * as s from '../schemas';
import { voidBid } from '../use-cases/void-bid';

export function adminRoutes(app: HttpApp, deps: AuctionsDeps, guard: AuthGuard): void {
  app.post(
    '/v1/admin/auctions/:id/bids/:bidId/void',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags: ['admin'],
        security: [{ bearer: [] }],
        description:
          'Voids a bid: it stays in the history, flagged, and the lead and the current price are recomputed from the remaining bids.',
        examples: { request: { reason: 'Bidder account linked to the maker' } },
        summary: 'Void a fraudulent bid (the lead is recomputed); recorded in the audit log',
        params: s.voidParams,
        body: s.voidBody,
        response: { 200: s.auctionView, ...errorResponses },
      },
    },
    async (req) =>
      voidBid(deps, {
        auctionId: req.params.id,
        bidId: req.params.bidId,
        adminId: callerOf(req).userId,
        reason: req.body.reason,
      }),
  );
}
