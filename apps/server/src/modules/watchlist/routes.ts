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
        description:
          method === 'PUT'
            ? 'Adds the story to the caller’s watchlist: they are notified when its auction opens, shortly before it ends and when it ends. Watching twice changes nothing.'
            : 'Removes the story from the caller’s watchlist; it changes nothing when it was not watched.',
        examples: { response: { watching: true } },
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
        description: 'The stories the caller watches, as feed cards, most recently watched first, in keyset pages.',
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
        description: 'Of the story ids given (`storyIds`, comma-separated), the ones the caller watches.',
        examples: { response: { storyIds: ['6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d'] } },
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
