import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import { keyedLimit } from '../../platform/http/address-limit';
import type { HttpApp } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import { setLike } from './like-story';
import { readAnonymousFeed, readFeed, readViewerFeed } from './read-feed';
import { recordView } from './record-view';
import * as s from './schemas';

const secured = [{ bearer: [] }];

/** The feed, likes and view counting. */
export function feedRoutes(app: HttpApp, deps: StoriesDeps): void {
  const { guard } = deps.identity;
  // A flood of fresh client ids from one address would otherwise count as as many viewers.
  const anonymousViews = keyedLimit(app, {
    name: 'anonymous-views',
    max: deps.config.ANONYMOUS_VIEWS_PER_ADDRESS_PER_STORY_PER_DAY,
    windowMs: 24 * 3600 * 1000,
    key: (req) => `${req.ip}:${(req.params as { id?: string }).id ?? ''}`,
  });

  app.get(
    '/v1/feed',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags: ['feed'],
        description:
          'The feed: published stories as cards (hero video, maker, price state, likes), newest first. Signed-in viewers see whether they liked each one; `following=true` keeps the makers they follow.',
        summary:
          'Published stories, newest first (keyset pagination: pass nextCursor back as cursor); following=true: only the makers the caller follows',
        querystring: s.feedQuery,
        response: { 200: s.storyPage, ...errorResponses },
      },
    },
    async (req, reply) => {
      // The followed makers' stories are the viewer's own selection: no page to share.
      if (req.query.following === 'true') return readFeed(deps, req.caller, req.query);
      // The shared page (serialised through the page schema once), as bytes for signed-out viewers
      // and as JSON text with the viewer's overlay for signed-in ones: Fastify sends either as it is.
      const body =
        req.caller === null
          ? await readAnonymousFeed(deps, req.query)
          : await readViewerFeed(deps, req.caller, req.query);
      return reply.type('application/json; charset=utf-8').send(body as never);
    },
  );

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/v1/stories/:id/like',
      preHandler: guard.requireUser,
      schema: {
        tags: ['feed'],
        security: secured,
        description:
          method === 'PUT'
            ? 'Adds the caller’s like to the story and answers the new count; liking twice counts once.'
            : 'Removes the caller’s like from the story and answers the new count.',
        examples: { response: { liked: true, likeCount: 18 } },
        summary: method === 'PUT' ? 'Like a story (idempotent)' : 'Unlike a story (idempotent)',
        params: s.storyIdParam,
        response: { 200: s.likeState, ...errorResponses },
      },
      handler: async (req) => setLike(deps, callerOf(req), req.params.id, method === 'PUT'),
    });
  }

  app.post(
    '/v1/stories/:id/views',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags: ['feed'],
        description:
          'Counts the viewer once per story per UTC day; anonymous views are also limited per address, so a flood of fresh client ids does not inflate the count.',
        examples: {
          request: { clientId: 'c0ffee00-4a1b-4c2d-9e8f-0123456789ab' },
          response: { counted: true, viewCount: 311 },
        },
        summary:
          'Count a view (once per viewer per story per UTC day). Anonymous viewers send a stable client id: X-Client-Id header or clientId.',
        params: s.storyIdParam,
        body: s.viewBody,
        response: { 200: s.viewResult, ...errorResponses },
      },
    },
    async (req) => {
      const header = req.headers['x-client-id'];
      const clientId =
        (typeof header === 'string' && header.length >= 8 && header.length <= 128 ? header : null) ??
        req.body?.clientId ??
        null;
      const countable = req.caller !== null || (await anonymousViews.take(req)).allowed;
      return recordView(deps, req.caller, req.params.id, clientId, countable);
    },
  );
}
