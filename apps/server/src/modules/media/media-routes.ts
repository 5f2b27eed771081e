import { z } from 'zod';
import { DomainError } from '../../platform/errors';
import { callerOf, type AuthGuard } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { perUserLimit } from '../../platform/http/user-rate-limit';
import { scheduleMediaDeletion } from './delete-media';
import type { MediaDeps } from './deps';
import type { MediaView } from './present';
import { isUuid } from '../../platform/ids';
import { readMedia } from './read-media';
import { findMedia } from './repo';
import { requestEdit } from './request-edit';
import { editBody, mediaParams, mediaView } from './schemas';

const tags = ['media'];
const secured = [{ bearer: [] }];

/** What a viewer other than the owner may see: only ready media, without the studio's state. */
function visibleTo(view: MediaView | null, callerId: string | null): MediaView | null {
  if (!view) return null;
  if (view.ownerId === callerId) return view;
  if (view.status !== 'ready') return null;
  const { edit: _edit, error: _error, ...publicView } = view;
  return publicView;
}

export function mediaRoutes(app: HttpApp, deps: MediaDeps, guard: AuthGuard): void {
  // Every edit queues a full transcode: each user gets a budget of them, whatever address they use.
  const limitEdits = perUserLimit(app, {
    name: 'edits',
    what: 'edits',
    max: deps.config.EDIT_RATE_LIMIT_PER_HOUR,
    windowMs: 3_600_000,
  });
  app.get(
    '/v1/media/:mediaId',
    {
      preHandler: guard.optionalUser,
      schema: {
        tags,
        description:
          'A video or image the caller uploaded: its processing status and progress, and once ready, signed URLs to play it (they expire, so ask again for fresh ones).',
        summary: 'A media item: status, progress and fresh signed URLs',
        params: mediaParams,
        response: { 200: mediaView, ...errorResponses },
      },
    },
    async (req) => {
      const caller = req.caller;
      const viewer = caller ? { userId: caller.userId, admin: caller.roles.includes('admin') } : null;
      const view = visibleTo(
        await readMedia(deps, req.params.mediaId, caller?.sessionId, viewer),
        caller?.userId ?? null,
      );
      if (!view) throw new DomainError('media_not_found', 'No such media.');
      return view;
    },
  );

  app.post(
    '/v1/media/:mediaId/edits',
    {
      preHandler: [guard.requireUser, limitEdits],
      schema: {
        tags,
        security: secured,
        description:
          'Trims the video and sets its captions (as cues or WebVTT); the video is processed again and the current version keeps playing until the new one is ready.',
        examples: {
          request: {
            trimStartMs: 1200,
            trimEndMs: 31500,
            captions: [{ startMs: 1200, endMs: 4800, text: 'Centring the clay on the wheel' }],
          },
        },
        summary: 'Studio edit (trim, captions): re-processes the video; the current version plays meanwhile',
        params: mediaParams,
        body: editBody,
        response: { 202: mediaView, ...errorResponses },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      await requestEdit(deps, { mediaId: req.params.mediaId, callerId: caller.userId, edit: req.body });
      const view = await readMedia(deps, req.params.mediaId, caller.sessionId);
      return reply.status(202).send(view!);
    },
  );

  app.delete(
    '/v1/media/:mediaId',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'Deletes a media item the caller owns and all its files.',
        summary: 'Delete a media item and all its files',
        params: mediaParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { mediaId } = req.params;
      const media = isUuid(mediaId) ? await findMedia(deps.db, mediaId) : undefined;
      if (!media) throw new DomainError('media_not_found', 'No such media.');
      if (media.ownerId !== callerOf(req).userId) throw new DomainError('media_forbidden', 'This media is not yours.');
      await deps.db.transaction((tx) => scheduleMediaDeletion(deps, tx, [mediaId]));
      return reply.status(204).send(null);
    },
  );
}
