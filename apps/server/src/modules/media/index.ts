import type { Executor } from '../../platform/db/client';
import type { AppContext, AppModule } from '../../platform/module';
import { removeFilesTask, scheduleMediaDeletion } from './delete-media';
import type { MediaDeps, MediaPorts } from './deps';
import { importMediaFile } from './import-file';
import { createMediaStorage } from './media-storage';
import { mediaRoutes } from './media-routes';
import { playRoutes } from './play-routes';
import { processMediaTask } from './process-version';
import { recoverStalledTask, RECOVER_TASK } from './recover-stalled';
import { uploadRoutes } from './upload-routes';
import { PlaybackUrls } from './playback-urls';
import { previewImageUrl } from './preview-image';
import type { MediaView } from './present';
import { isUuid } from '../../platform/ids';
import { readMedia, readMediaMany, type MediaViewer } from './read-media';
import { findMedia, findMediaOwnedBy, withholdMedia } from './repo';
import { createUploadStore } from './upload-store';

export type { MediaView, MediaError } from './present';
export type { MediaViewer } from './read-media';
export type { IdentityPort, MediaPorts } from './deps';

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
  /**
   * The poster of ready media for a shared link's preview, signed for SHARE_IMAGE_TOKEN_SECONDS at
   * least (relative unless a CDN or public URL is configured); null when not ready, gone or withheld.
   */
  previewImageUrl(mediaId: string): Promise<string | null>;
  /** Processes a local file as if `ownerId` had uploaded it (demo data); returns the media id. */
  importFile(input: { ownerId: string; file: string; filename: string; contentType: string }): Promise<string>;
}

/** Uploads (tus), the processing pipeline's jobs, playback with path-scoped tokens, studio edits. */
export function createMediaModule(ctx: AppContext, ports: MediaPorts): { module: AppModule; service: MediaService } {
  const { identity } = ports;
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
    previewImageUrl: (mediaId) => previewImageUrl(deps, mediaId),
  };

  const module: AppModule = {
    name: 'media',
    routes: async (app) => {
      await uploadRoutes(app, deps, identity.guard);
      mediaRoutes(app, deps, identity.guard);
      playRoutes(app, deps);
    },
    tasks: [processMediaTask(deps), removeFilesTask(deps), recoverStalledTask(deps)],
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
