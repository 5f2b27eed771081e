import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { DomainError } from '../../platform/errors';
import { callerOf, type AuthGuard } from '../../platform/http/auth';
import type { HttpApp } from '../../platform/http/types';
import { perUserLimit } from '../../platform/http/user-rate-limit';
import { scheduleMediaDeletion } from './delete-media';
import type { MediaDeps } from './deps';
import { isUuid } from '../../platform/ids';
import { findMedia } from './repo';
import { createTusServer, UPLOADS_PATH, type PendingCreation } from './tus-uploads';
import { checkUploadCreation } from './upload-rules';
import { watchUploadPace } from './upload-pace';

const tags = ['media'];
const secured = [{ bearer: [] }];
const header = (req: FastifyRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

/**
 * tus 1.0 at `/v1/uploads`. Each route authorizes and validates like any other route (uniform
 * error bodies, limits checked before a byte is read), then hands the raw request to tus.
 */
export async function uploadRoutes(app: HttpApp, deps: MediaDeps, guard: AuthGuard): Promise<void> {
  const pending = new WeakMap<IncomingMessage, PendingCreation>();
  const limitCreations = perUserLimit(app, {
    name: 'uploads',
    what: 'uploads',
    max: deps.config.UPLOAD_RATE_LIMIT_PER_HOUR,
    windowMs: 3_600_000,
  });
  const routed = new WeakMap<IncomingMessage, string>();
  const tus = createTusServer(deps, pending, routed);

  const pace = {
    windowMs: deps.config.UPLOAD_IDLE_TIMEOUT_SECONDS * 1000,
    minBytesPerSecond: deps.config.UPLOAD_MIN_BYTES_PER_SECOND,
  };

  const handOver = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    reply.hijack();
    const stopWatching = watchUploadPace(req.raw, pace, (cut) =>
      req.log.warn({ ...cut, url: req.url }, 'upload cut off: its body stalled or arrived too slowly'),
    );
    try {
      await tus.handle(req.raw, reply.raw);
    } catch (err) {
      req.log.error({ err }, 'tus request failed');
      if (!reply.raw.headersSent) {
        reply.raw.writeHead(500, { 'content-type': 'application/json' });
        reply.raw.end(JSON.stringify({ error: { code: 'upload_failed', message: 'The upload failed; resume it.' } }));
      } else reply.raw.destroy();
    } finally {
      stopWatching();
    }
  };

  await app.register(async (scope) => {
    // tus reads the body itself, straight into the upload store: Fastify must leave it unread.
    scope.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

    scope.post(
      UPLOADS_PATH,
      {
        preHandler: [guard.requireUser, limitCreations],
        schema: {
          tags,
          security: secured,
          summary: 'Create an upload (tus 1.0 creation, creation-with-upload)',
          description:
            'Headers: Tus-Resumable: 1.0.0, Upload-Length, Upload-Metadata (filetype, filename). Answers 201 with ' +
            'Location: /v1/uploads/<mediaId>; 413 over MAX_UPLOAD_BYTES (images: MAX_IMAGE_UPLOAD_BYTES), 415 unless ' +
            'video/* or image/*, 403 unless the caller is a maker.',
        },
      },
      async (req, reply) => {
        const caller = callerOf(req);
        const declared = checkUploadCreation(
          {
            uploadLength: header(req, 'upload-length'),
            uploadDeferLength: header(req, 'upload-defer-length'),
            metadata: header(req, 'upload-metadata'),
          },
          caller,
          { maxBytes: deps.config.MAX_UPLOAD_BYTES, maxImageBytes: deps.config.MAX_IMAGE_UPLOAD_BYTES },
        );
        pending.set(req.raw, { mediaId: randomUUID(), ownerId: caller.userId, declared });
        await handOver(req, reply);
      },
    );

    scope.route({
      method: ['HEAD', 'PATCH', 'DELETE'],
      url: `${UPLOADS_PATH}/:mediaId`,
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'The tus 1.0 protocol on an upload the caller created: HEAD answers the offset received so far, PATCH appends bytes at that offset, DELETE cancels the upload and drops what was received.',
        summary: 'Resume (HEAD, PATCH) or cancel (DELETE) an upload (tus 1.0)',
        params: z.object({ mediaId: z.string().max(64) }),
      },
      handler: async (req, reply) => {
        const { mediaId } = req.params as { mediaId: string };
        const media = isUuid(mediaId) ? await findMedia(deps.db, mediaId) : undefined;
        if (!media) throw new DomainError('upload_not_found', 'No such upload.');
        if (media.ownerId !== callerOf(req).userId)
          throw new DomainError('upload_forbidden', 'This upload is not yours.');
        if (req.method === 'DELETE') {
          // Termination is for unfinished uploads; finished media is deleted with DELETE /v1/media/:id.
          if (media.status !== 'uploading')
            throw new DomainError('upload_finished', 'This upload is finished; delete the media instead.');
          // Recorded before tus answers, so the media is gone by the time the client hears 204; tus
          // removes the bytes, and the removal job, a minute later, whatever it may have left.
          await deps.db.transaction((tx) => scheduleMediaDeletion(deps, tx, [mediaId], { removeAfterMs: 60_000 }));
        }
        routed.set(req.raw, mediaId);
        await handOver(req, reply);
      },
    });

    scope.options(UPLOADS_PATH, { schema: { hide: true } }, handOver);
  });
}
