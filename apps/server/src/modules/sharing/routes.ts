import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isUuid } from '../../platform/ids';
import type { HttpApp } from '../../platform/http/types';
import type { SharingDeps } from './deps';
import { pageWithPreview, type LinkPreview } from './link-preview';
import { makerPreview, storyPreview } from './read-preview';

const tags = ['sharing'];
const page = z.string().describe('The app’s HTML page, with Open Graph and Twitter card tags when the link is live');

/**
 * Shared links: `/s/<storyId>` and `/m/<makerId>` answer the app's page with the link's preview
 * tags, for chat apps and social sites; in a browser the app then opens the story or maker. A
 * link to something that is not (or no longer) public answers 404 with the plain app page, whose
 * router shows that it is not found.
 */
export function sharingRoutes(app: HttpApp, deps: SharingDeps): void {
  const origin = (req: FastifyRequest): string => deps.config.PUBLIC_URL ?? `${req.protocol}://${req.host}`;

  const send = async (reply: FastifyReply, preview: LinkPreview | null) => {
    const shell = await deps.appShell();
    return reply
      .status(preview ? 200 : 404)
      .header('cache-control', 'no-cache')
      .type('text/html; charset=utf-8')
      .send(preview ? pageWithPreview(shell, preview) : shell);
  };

  app.get(
    '/s/:storyId',
    {
      schema: {
        tags,
        description:
          'An HTML page with the story’s title, image and price for link previews (Open Graph), which sends a browser on to the story in the app.',
        summary: 'A shared story link: its preview for chat apps, then the app at the story',
        params: z.object({ storyId: z.string().max(64) }),
        response: { 200: page, 404: page },
      },
    },
    async (req, reply) => {
      const { storyId } = req.params;
      return send(reply, isUuid(storyId) ? await storyPreview(deps, storyId, origin(req)) : null);
    },
  );

  app.get(
    '/m/:makerId',
    {
      schema: {
        tags,
        description:
          'An HTML page with the maker’s name and picture for link previews (Open Graph), which sends a browser on to their page in the app.',
        summary: 'A shared maker link: the maker’s preview for chat apps, then the app at their page',
        params: z.object({ makerId: z.string().max(64) }),
        response: { 200: page, 404: page },
      },
    },
    async (req, reply) => {
      const { makerId } = req.params;
      return send(reply, isUuid(makerId) ? await makerPreview(deps, makerId, origin(req)) : null);
    },
  );
}
