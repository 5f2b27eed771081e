import path from 'node:path';
import type { Executor } from '../../platform/db/client';
import type { AppContext, AppModule } from '../../platform/module';
import type { IdentityService } from '../identity';
import { PROCESS_TASK } from './complete-upload';
import { removeFilesTask, REMOVE_FILES_TASK, scheduleMediaDeletion } from './delete-media';
import type { MediaDeps } from './deps';
import { importMediaFile } from './import-file';
import { createMediaStorage } from './media-storage';
import { mediaRoutes } from './media-routes';
import { playRoutes } from './play-routes';
import { processMediaTask } from './process-version';
import { recoverStalledTask, RECOVER_TASK } from './recover-stalled';
import { uploadRoutes } from './upload-routes';
import { PlaybackUrls } from './playback-urls';
import type { MediaView } from './present';
import { readMedia, readMediaMany, isUuid, type MediaViewer } from './read-media';
import { findMedia, findMediaOwnedBy, withholdMedia } from './repo';
import { createUploadStore } from './upload-store';

export type { MediaView, MediaError } from './present';
export type { MediaViewer } from './read-media';

/** The media module's public face for other modules. */
export interface MediaService {
  /** A media item with freshly signed URLs, or null when it does not exist. */
  get(mediaId: string): Promise<MediaView | null>;
  /** Views of many media items (the feed), keyed by id; URLs signed for the viewer's session. */
  views(
    mediaIds: string[],
    viewerSessionId?: string | null,
    viewer?: MediaViewer | null,
  ): Promise<Map<string, MediaView>>;
  /** True when the media exists, belongs to `ownerId`, has a version ready to play and is not withheld. */
  isReadyAndOwnedBy(mediaId: string, ownerId: string): Promise<boolean>;
  /**
   * Withholds media inside `tx` (an admin took down a story using it): from then on only its
   * owner and admins get its URLs, and URLs already handed out stop playing.
   */
  withhold(tx: Executor, mediaIds: string[]): Promise<void>;
  /** Marks media deleted inside `tx` and queues the removal of all its files. */
  scheduleDeletion(tx: Executor, mediaIds: string[]): Promise<void>;
  /** Processes a local file as if `ownerId` had uploaded it (demo data); returns the media id. */
  importFile(input: { ownerId: string; file: string; filename: string; contentType: string }): Promise<string>;
}

/** Uploads (tus), the processing pipeline's jobs, playback with path-scoped tokens, studio edits. */
export function createMediaModule(
  ctx: AppContext,
  identity: Pick<IdentityService, 'guard' | 'displayName'>,
): { module: AppModule; service: MediaService } {
  const deps = createMediaDeps(ctx, identity.displayName);

  const service: MediaService = {
    get: (mediaId) => readMedia(deps, mediaId),
    views: (mediaIds, viewerSessionId, viewer) => readMediaMany(deps, mediaIds, viewerSessionId, viewer),
    withhold: (tx, mediaIds) => withholdMedia(tx, mediaIds.filter(isUuid), deps.clock.now()),
    isReadyAndOwnedBy: async (mediaId, ownerId) => {
      if (!isUuid(mediaId)) return false;
      const row = await findMedia(deps.db, mediaId);
      return row?.ownerId === ownerId && row.readyVersion !== null && row.withheldAt === null;
    },
    scheduleDeletion: (tx, mediaIds) => scheduleMediaDeletion(deps, tx, mediaIds.filter(isUuid)),
    importFile: (input) => importMediaFile(deps, input),
  };

  const module: AppModule = {
    name: 'media',
    migrations: path.join(import.meta.dirname, 'migrations'),
    routes: async (app) => {
      await uploadRoutes(app, deps, identity.guard);
      mediaRoutes(app, deps, identity.guard);
      playRoutes(app, deps);
    },
    tasks: {
      [PROCESS_TASK]: processMediaTask(deps),
      [REMOVE_FILES_TASK]: removeFilesTask(deps),
      [RECOVER_TASK]: recoverStalledTask(deps),
    },
    crontab: [`* * * * * ${RECOVER_TASK}`],
    exportUserData: async (userId) => ({
      media: (await findMediaOwnedBy(deps.db, userId)).map((m) => ({
        id: m.id,
        kind: m.kind,
        status: m.status,
        filename: m.filename,
        createdAt: m.createdAt.toISOString(),
      })),
    }),
    // A deleted account's videos and images go, files included.
    eraseUserData: async (tx, userId) => {
      const owned = await findMediaOwnedBy(tx, userId);
      await scheduleMediaDeletion(
        deps,
        tx,
        owned.map((m) => m.id),
      );
    },
  };
  return { module, service };
}

/** The module's internals, as built from the process context (also used by test fixtures). */
export function createMediaDeps(ctx: AppContext, displayName: MediaDeps['displayName']): MediaDeps {
  const storage = createMediaStorage(ctx.config);
  const signingSecret = ctx.secrets.internalSigningSecret;
  return {
    db: ctx.db,
    clock: ctx.clock,
    config: ctx.config,
    logger: ctx.logger.child({ module: 'media' }),
    realtime: ctx.realtime,
    metrics: ctx.metrics,
    storage,
    uploads: createUploadStore(ctx.config, storage),
    signingSecret,
    urls: new PlaybackUrls({
      secret: signingSecret,
      clock: ctx.clock,
      tokenSeconds: ctx.config.PLAYBACK_TOKEN_SECONDS,
      baseUrl: (ctx.config.CDN_BASE_URL ?? ctx.config.PUBLIC_URL)?.replace(/\/+$/, '') ?? null,
    }),
    displayName,
  };
}
