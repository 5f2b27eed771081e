import { enqueue } from '../../platform/jobs';
import type { MediaDeps } from './deps';
import { addVersion, lockMedia, updateMedia } from './repo';

export const PROCESS_TASK = 'media.process';

/** One job per media version: re-enqueueing the same version replaces, never duplicates. */
export const processJobKey = (mediaId: string, version: number): string => `${PROCESS_TASK}:${mediaId}:v${version}`;

/**
 * The last byte of an upload arrived: the media item starts processing (version 1) and the
 * processing job is queued in the same transaction. Repeated calls change nothing.
 */
export async function completeUpload(
  deps: Pick<MediaDeps, 'db' | 'clock' | 'realtime' | 'uploads'>,
  mediaId: string,
): Promise<void> {
  const started = await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const media = await lockMedia(tx, mediaId);
    if (!media || media.status !== 'uploading') return null;
    await updateMedia(tx, mediaId, {
      status: 'processing',
      progress: 0,
      sourceKey: deps.uploads.uploadId(mediaId),
      uploadedAt: now,
      updatedAt: now,
    });
    const version = await addVersion(tx, media, {}, now);
    await enqueue(tx, PROCESS_TASK, { mediaId, version }, { jobKey: processJobKey(mediaId, version), maxAttempts: 5 });
    return media;
  });
  if (started) {
    await deps.realtime.publish(`user:${started.ownerId}`, 'media.progress', {
      mediaId,
      status: 'processing',
      progress: 0,
    });
  }
}
