import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { SocialDeps } from './deps';
import { setFollow } from './follow-maker';
import { listFollowing } from './list-following';
import * as s from './schemas';

const tags = ['social'];
const secured = [{ bearer: [] }];

/** Following makers and the list of makers one follows. */
export function socialRoutes(app: HttpApp, deps: SocialDeps): void {
  const { guard } = deps.identity;

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/v1/makers/:id/follow',
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          method === 'PUT'
            ? 'Adds the maker to the caller’s follows: their new stories reach the following feed and, if enabled, a notification. Following twice changes nothing.'
            : 'Removes the maker from the caller’s follows; unfollowing a maker not followed changes nothing.',
        examples: { response: { following: true, followerCount: 42 } },
        summary:
          method === 'PUT'
            ? 'Follow a maker (idempotent; not yourself, not a suspended maker)'
            : 'Stop following a maker (idempotent)',
        params: s.makerIdParam,
        response: { 200: s.followState, ...errorResponses },
      },
      handler: async (req) => setFollow(deps, callerOf(req), req.params.id, method === 'PUT'),
    });
  }

  app.get(
    '/v1/me/following',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'The makers the caller follows, most recently followed first, in keyset pages.',
        summary: 'The makers I follow, most recently followed first (keyset pagination)',
        querystring: s.followingQuery,
        response: { 200: s.followingPage, ...errorResponses },
      },
    },
    async (req) => listFollowing(deps, callerOf(req), req.query),
  );
}
