import { callerOf, type AuthGuard } from '../../../platform/http/auth';
import { errorResponses } from '../../../platform/http/error-body';
import type { HttpApp } from '../../../platform/http/types';
import type { AuctionsDeps } from '../deps';
import * as s from '../schemas';
import { listMyBids } from '../use-cases/my-bids';
import { listMyOffers } from '../use-cases/my-offers';

const tags = ['activity'];
const security = [{ bearer: [] }];

/** My activity: the auctions I bid on and the offers I made. */
export function activityRoutes(app: HttpApp, deps: AuctionsDeps, guard: AuthGuard): void {
  app.get(
    '/v1/me/bids',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description: 'The auctions the caller bid on, latest bid first, with their standing in each.',
        summary: 'The auctions I bid on, latest bid first, with my standing (leading, outbid, won, lost)',
        querystring: s.activityQuery,
        response: { 200: s.bidActivityPage, ...errorResponses },
      },
    },
    async (req) => listMyBids(deps, { userId: callerOf(req).userId, cursor: req.query.cursor, limit: req.query.limit }),
  );

  app.get(
    '/v1/me/offers',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        description:
          'The offers the caller made, newest first, with their state (waiting, declined, withdrawn, opened an auction).',
        summary: 'The offers I made, newest first, with their state',
        querystring: s.activityQuery,
        response: { 200: s.offerActivityPage, ...errorResponses },
      },
    },
    async (req) =>
      listMyOffers(deps, { userId: callerOf(req).userId, cursor: req.query.cursor, limit: req.query.limit }),
  );
}
