import type { IncomingMessage } from 'node:http';
import { Server, type ServerOptions } from '@tus/server';
import type { MediaDeps } from './deps';
import { completeUpload } from './complete-upload';
import { scheduleMediaDeletion } from './delete-media';
import { insertMedia } from './repo';
import type { DeclaredUpload } from './upload-rules';

export const UPLOADS_PATH = '/v1/uploads';

/** What the route learned about a creation request before handing it to tus. */
export interface PendingCreation {
  mediaId: string;
  ownerId: string;
  declared: DeclaredUpload;
}

type TusRequest = Parameters<NonNullable<ServerOptions['onUploadCreate']>>[0];

/**
 * The tus 1.0 server (creation, creation-with-upload, termination, resumable PATCH). The routes
 * authorize and validate every request first and register creations in `pending`; tus only moves
 * bytes. Locks are per process: a client resumes against any process, but two processes must
 * not receive PATCHes for the same upload at once (tus clients send one at a time).
 */
export function createTusServer(
  deps: MediaDeps,
  pending: WeakMap<IncomingMessage, PendingCreation>,
  routed: WeakMap<IncomingMessage, string>,
): Server {
  const creationOf = (req: TusRequest): PendingCreation => {
    const raw = req.runtime?.node?.req;
    const creation = raw ? pending.get(raw as IncomingMessage) : undefined;
    // Unreachable through the routes, which register every creation before tus sees it.
    if (!creation) throw new Error('upload creation was not authorized');
    return creation;
  };
  const pendingMediaId = (req: TusRequest): string | null => {
    const raw = req.runtime?.node?.req;
    return (raw && pending.get(raw as IncomingMessage)?.mediaId) ?? null;
  };
  // The upload a HEAD, PATCH or DELETE acts on is the one its route authorized, never one tus
  // would re-parse from the raw URL (whose last `/` segment may sit in the query string).
  const routedMediaId = (req: TusRequest): string | null => {
    const raw = req.runtime?.node?.req;
    return (raw && routed.get(raw as IncomingMessage)) ?? null;
  };
  return new Server({
    path: UPLOADS_PATH,
    datastore: deps.uploads.datastore,
    maxSize: deps.config.MAX_UPLOAD_BYTES,
    allowedOrigins: deps.config.CORS_ORIGINS,
    disableTerminationForFinishedUploads: true,
    namingFunction: (req) => deps.uploads.uploadId(creationOf(req).mediaId),
    generateUrl: (_req, { id }) => `${UPLOADS_PATH}/${mediaIdOfUpload(id)}`,
    getFileIdFromRequest: (req) => {
      const mediaId = routedMediaId(req);
      return mediaId ? deps.uploads.uploadId(mediaId) : undefined;
    },
    onUploadCreate: async (req, upload) => {
      const { mediaId, ownerId, declared } = creationOf(req);
      await insertMedia(deps.db, {
        id: mediaId,
        ownerId,
        kind: declared.kind,
        declaredSize: declared.size,
        declaredType: declared.type,
        filename: declared.filename,
        now: deps.clock.now(),
      });
      return { metadata: upload.metadata ?? {} };
    },
    onResponseError: async (req, err) => {
      const oversized = (err as { status_code?: number }).status_code === 413;
      if (oversized) {
        // More bytes than the upload declared: a creation-with-upload whose client never learned
        // the upload's address, or a PATCH whose first bytes filled the upload before the excess
        // was noticed. Either way the upload is refused whole rather than left looking complete.
        const mediaId =
          req.method === 'POST'
            ? pendingMediaId(req)
            : req.method === 'PATCH' && err instanceof Error
              ? routedMediaId(req)
              : null;
        if (mediaId) await discardUpload(deps, mediaId);
        return undefined;
      }
      if (err instanceof Error) deps.logger.error({ err }, 'upload store failed');
      return undefined;
    },
    onUploadFinish: async (_req, upload) => {
      await completeUpload(deps, mediaIdOfUpload(upload.id));
      return {};
    },
  });
}

/** Removes an upload refused half-way: its media is deleted and its bytes go now. */
async function discardUpload(deps: MediaDeps, mediaId: string): Promise<void> {
  try {
    await deps.db.transaction((tx) => scheduleMediaDeletion(deps, tx, [mediaId]));
    await deps.uploads.remove(mediaId);
    deps.logger.warn({ mediaId }, 'upload refused: the client sent more bytes than it declared');
  } catch (err) {
    // The removal job queued above retries whatever could not be removed now.
    deps.logger.warn({ err, mediaId }, 'could not discard a refused upload at once');
  }
}

/** The media id inside a tus upload id (`<id>` on disk, `uploads/<id>` in S3). */
export function mediaIdOfUpload(uploadId: string): string {
  return uploadId.slice(uploadId.lastIndexOf('/') + 1);
}
