import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { StoriesDeps } from './deps';
import * as s from './schemas';
import { searchMakers } from './search-makers';
import { searchStories } from './search-stories';

const tags = ['search'];

/** Search over published stories and makers (what a signed-out viewer may see). */
export function searchRoutes(app: HttpApp, deps: StoriesDeps): void {
  const { guard } = deps.identity;

  app.get(
    '/v1/search',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        description:
          'Full-text search over published stories with filters and sorts; answers the matching cards and a count per category.',
        summary:
          'Search published stories: words (accent-insensitive, English stems, one typo in longer words), filters, sorts, category facets; keyset pages (pass nextCursor back as cursor)',
        querystring: s.searchQuery,
        response: { 200: s.searchPage, ...errorResponses },
      },
    },
    async (req) =>
      searchStories(deps, req.caller, {
        q: req.query.q,
        category: req.query.category ?? null,
        mode: req.query.mode ?? null,
        minPriceMinor: req.query.minPriceMinor ?? null,
        maxPriceMinor: req.query.maxPriceMinor ?? null,
        country: req.query.country ?? null,
        sort: req.query.sort,
        cursor: req.query.cursor ?? null,
        limit: req.query.limit,
      }),
  );

  app.get(
    '/v1/search/makers',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        description: 'Makers whose display name or city matches the words, best match first, in keyset pages.',
        summary: 'Search makers by display name and city (accent-insensitive, one typo tolerated), best match first',
        querystring: s.makerSearchQuery,
        response: { 200: s.makerSearchPage, ...errorResponses },
      },
    },
    async (req) => searchMakers(deps, { q: req.query.q, cursor: req.query.cursor ?? null, limit: req.query.limit }),
  );
}
