import type { MediaRow, VersionRow } from './repo';
import type { MediaStatus } from './tables';
import { IMAGE_FILE, MASTER_FILE, type PlaybackUrls } from './playback-urls';

export interface MediaError {
  code: string;
  message: string;
}

/** A media item as clients see it; URLs are freshly signed for every answer. */
export interface MediaView {
  id: string;
  ownerId: string;
  kind: 'video' | 'image';
  status: MediaStatus;
  /** Whole percent; 100 once ready. */
  progress: number;
  error?: MediaError;
  posterUrl?: string;
  /** The poster at 320 px wide, for small previews. */
  thumbUrl?: string;
  playbackUrl?: string;
  /** Full-size file of an image. */
  imageUrl?: string;
  durationMs?: number;
  width?: number;
  height?: number;
  /** The version now playing. */
  version?: number;
  /** A studio edit on its way (or failed) while the current version keeps playing. */
  edit?: { version: number; status: 'processing' | 'failed'; progress: number; error?: MediaError };
}

const errorOf = (code: string | null, message: string | null): MediaError | undefined =>
  code ? { code, message: message ?? code } : undefined;

/** The view of a media item; `pending` is its latest version when that is not the one playing. */
export function presentMedia(
  row: MediaRow,
  pending: VersionRow | undefined,
  urls: PlaybackUrls,
  sessionId?: string | null,
): MediaView {
  // Withheld media is presented only to its owner and admins, with tokens that still play it.
  const privileged = row.withheldAt !== null;
  const view: MediaView = {
    id: row.id,
    ownerId: row.ownerId,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
  };
  const error = errorOf(row.errorCode, row.errorMessage);
  if (error && row.status === 'failed') view.error = error;
  if (row.readyVersion !== null) {
    view.version = row.readyVersion;
    if (row.posterKey) {
      const posterFile = row.posterKey.slice(row.readyPrefix?.length ?? 0);
      view.posterUrl = urls.fileUrl(row.id, row.readyVersion, posterFile, sessionId, privileged);
    }
    if (row.thumbKey) {
      const thumbFile = row.thumbKey.slice(row.readyPrefix?.length ?? 0);
      view.thumbUrl = urls.fileUrl(row.id, row.readyVersion, thumbFile, sessionId, privileged);
    }
    if (row.kind === 'video')
      view.playbackUrl = urls.fileUrl(row.id, row.readyVersion, MASTER_FILE, sessionId, privileged);
    else view.imageUrl = urls.fileUrl(row.id, row.readyVersion, IMAGE_FILE, sessionId, privileged);
    if (row.durationMs !== null) view.durationMs = row.durationMs;
    if (row.width !== null) view.width = row.width;
    if (row.height !== null) view.height = row.height;
  }
  if (pending && row.readyVersion !== null && pending.version > row.readyVersion) {
    if (pending.status === 'processing' || pending.status === 'failed') {
      const editError = errorOf(pending.errorCode, pending.errorMessage);
      view.edit = {
        version: pending.version,
        status: pending.status,
        progress: pending.progress,
        ...(editError ? { error: editError } : {}),
      };
    }
  }
  return view;
}
