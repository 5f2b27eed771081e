import { callerOf, type AuthGuard } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { WatchlistDeps } from './deps';
import { listWatchlist } from './list-watchlist';
import * as s from './schemas';
import { watchedStories } from './watched-among';
import { setWatching } from './watch-story';

const tags = ['watchlist'];
const security = [{ bearer: [] }];

export function watchlistRoutes(app: HttpApp, deps: WatchlistDeps, guard: AuthGuard): void {
  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/v1/stories/:id/watch',
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        summary:
          method === 'PUT'
            ? 'Watch a story: hear when its auction opens, an hour and 10 minutes before it ends, and when it ends (idempotent)'
            : 'Stop watching a story (idempotent)',
        params: s.storyIdParam,
        response: { 200: s.watchState, ...errorResponses },
      },
      handler: async (req) => setWatching(deps, callerOf(req), req.params.id, method === 'PUT'),
    });
  }

  app.get(
    '/v1/me/watchlist',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        summary: 'The stories I watch, as feed items, most recently watched first',
        querystring: s.watchlistQuery,
        response: { 200: s.watchlistPage, ...errorResponses },
      },
    },
    async (req) => listWatchlist(deps, callerOf(req), { cursor: req.query.cursor, limit: req.query.limit }),
  );

  app.get(
    '/v1/me/watching',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security,
        summary: 'Which of the given stories I watch (for the watch toggles)',
        querystring: s.watchingQuery,
        response: { 200: s.watchingAnswer, ...errorResponses },
      },
    },
    async (req) => ({
      storyIds: await watchedStories(deps, callerOf(req).userId, req.query.storyIds.toLowerCase().split(',')),
    }),
  );
}
