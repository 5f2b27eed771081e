import { z } from 'zod';
import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { createStory } from './create-story';
import { deleteStory } from './delete-story';
import type { StoriesDeps } from './deps';
import { editStory } from './edit-story';
import { getStory } from './get-story';
import { listMakerStories } from './list-maker-stories';
import { publishStory } from './publish-story';
import * as s from './schemas';
import { withdrawStory } from './withdraw-story';

const tags = ['stories'];
const secured = [{ bearer: [] }];

/** Writing and reading stories: create, edit, publish, unpublish, archive, delete, maker listing. */
export function storyRoutes(app: HttpApp, deps: StoriesDeps): void {
  const { guard } = deps.identity;

  app.post(
    '/v1/stories',
    {
      preHandler: guard.requireRole('maker'),
      schema: {
        tags,
        security: secured,
        description:
          'Creates a draft story owned by the signed-in maker; it stays invisible to others until published.',
        examples: {
          request: {
            title: 'Wood-fired moon jar',
            description: 'Thrown in two halves and joined, fired for three days.',
            category: 'ceramics',
            heroMediaId: '0b7e4c91-3d2a-4e5f-9a8b-7c6d5e4f3a21',
            materials: ['stoneware', 'ash glaze'],
            offerPolicy: { minOfferMinor: 12000, currency: 'USD' },
            shipping: {
              fromCountry: 'US',
              options: [
                { region: 'domestic', amountMinor: 1800, dispatchDays: 3 },
                { region: 'international', amountMinor: 6500, dispatchDays: 5 },
              ],
            },
          },
        },
        summary: 'Start a story (a draft)',
        body: s.createStoryBody,
        response: { 201: s.story, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createStory(deps, callerOf(req), req.body)),
  );

  app.get(
    '/v1/stories/:id',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        description:
          'A story page: title, text, process steps, media, maker, offer policy, shipping (quoted for `?country=` when given) and the auction state.',
        summary: 'A story (drafts and archived ones only for their maker; the reserve only for the maker)',
        params: s.storyIdParam,
        querystring: s.storyQuery,
        response: { 200: s.story, ...errorResponses },
      },
    },
    async (req) => getStory(deps, req.caller, req.params.id, req.query.country),
  );

  app.patch(
    '/v1/stories/:id',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'Changes the fields given and keeps the others; prices, reserve and shipping cannot change while an auction runs.',
        examples: { request: { title: 'Wood-fired moon jar, 40 cm', buyNowMinor: 48000 } },
        summary: 'Edit a story (its maker only; terms are frozen during an auction)',
        params: s.storyIdParam,
        body: s.storyFieldsInput,
        response: { 200: s.story, ...errorResponses },
      },
    },
    async (req) => editStory(deps, callerOf(req), req.params.id, req.body),
  );

  app.delete(
    '/v1/stories/:id',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'Deletes a story its maker owns, with its videos and images; refused while an auction runs.',
        summary: 'Delete a story and its media (not during an auction)',
        params: s.storyIdParam,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteStory(deps, callerOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/stories/:id/publish',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'Puts a draft in the feed and search; refused until its hero video is processed and it has an offer policy and shipping.',
        summary: 'Publish a story (needs a ready hero video and an offer policy)',
        params: s.storyIdParam,
        response: { 200: s.story, ...errorResponses },
      },
    },
    async (req) => publishStory(deps, callerOf(req), req.params.id),
  );

  for (const [action, to] of [
    ['unpublish', 'draft'],
    ['archive', 'archived'],
  ] as const) {
    app.post(
      `/v1/stories/:id/${action}`,
      {
        preHandler: guard.requireUser,
        schema: {
          tags,
          security: secured,
          description:
            action === 'archive'
              ? 'Takes the story out of the feed for good: an archived story is kept for its orders and history, visible to its maker only.'
              : 'Takes the story back to a draft, out of the feed and search, until it is published again.',
          summary: `${action === 'archive' ? 'Archive' : 'Unpublish'} a story (not during an auction)`,
          params: s.storyIdParam,
          response: { 200: s.story, ...errorResponses },
        },
      },
      async (req) => withdrawStory(deps, callerOf(req), req.params.id, to),
    );
  }

  app.get(
    '/v1/makers/:id/stories',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        description:
          'A maker’s published stories as cards, newest first, in keyset pages; the maker may list their drafts and archived stories with `?status=`.',
        summary: "A maker's stories, newest first (the maker may ask for drafts with ?status=)",
        params: s.storyIdParam,
        querystring: s.makerStoriesQuery,
        response: { 200: s.storyPage, ...errorResponses },
      },
    },
    async (req) => listMakerStories(deps, req.caller, req.params.id, req.query),
  );
}
