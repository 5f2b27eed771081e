import type { IncomingMessage } from 'node:http';
import { Server, type ServerOptions } from '@tus/server';
import type { MediaDeps } from './deps';
import { completeUpload } from './complete-upload';
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
export function createTusServer(deps: MediaDeps, pending: WeakMap<IncomingMessage, PendingCreation>): Server {
  const creationOf = (req: TusRequest): PendingCreation => {
    const raw = req.runtime?.node?.req;
    const creation = raw ? pending.get(raw as IncomingMessage) : undefined;
    // Unreachable through the routes, which register every creation before tus sees it.
    if (!creation) throw new Error('upload creation was not authorized');
    return creation;
  };
  return new Server({
    path: UPLOADS_PATH,
    datastore: deps.uploads.datastore,
    maxSize: deps.config.MAX_UPLOAD_BYTES,
    allowedOrigins: deps.config.CORS_ORIGINS,
    disableTerminationForFinishedUploads: true,
    namingFunction: (req) => deps.uploads.uploadId(creationOf(req).mediaId),
    generateUrl: (_req, { id }) => `${UPLOADS_PATH}/${mediaIdOfUpload(id)}`,
    getFileIdFromRequest: (_req, lastPath) => (lastPath ? deps.uploads.uploadId(lastPath) : undefined),
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
    onResponseError: (_req, err) => {
      if (err instanceof Error) deps.logger.error({ err }, 'upload store failed');
      return undefined;
    },
    onUploadFinish: async (_req, upload) => {
      await completeUpload(deps, mediaIdOfUpload(upload.id));
      return {};
    },
  });
}

/** The media id inside a tus upload id (`<id>` on disk, `uploads/<id>` in S3). */
export function mediaIdOfUpload(uploadId: string): string {
  return uploadId.slice(uploadId.lastIndexOf('/') + 1);
}
