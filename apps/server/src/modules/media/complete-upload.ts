import { liveMessage, userChannel } from '@vw/domain';
import { z } from 'zod';
import { afterCommit } from '../../platform/db/unit-of-work';
import { idSchema } from '../../platform/ids';
import { declareTask, enqueue } from '../../platform/jobs';
import type { MediaDeps } from './deps';
import { addVersion, lockMedia, updateMedia } from './repo';

/** Runs the pipeline for one version of one media item: a transcode, in the media lane. */
export const PROCESS_TASK = declareTask(
  'media:process',
  z.object({ mediaId: idSchema, version: z.number().int().positive() }),
  { formerNames: ['media.process'], lane: 'media' },
);

/** One job per media version: re-enqueueing the same version replaces, never duplicates. */
export const processJobKey = (mediaId: string, version: number): string => `media.process:${mediaId}:v${version}`;

/**
 * The last byte of an upload arrived: the media item starts processing (version 1) and the
 * processing job is queued in the same transaction. Repeated calls change nothing.
 */
export async function completeUpload(
  deps: Pick<MediaDeps, 'db' | 'clock' | 'realtime' | 'uploads'>,
  mediaId: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const media = await lockMedia(tx, mediaId);
    if (!media || media.status !== 'uploading') return;
    await updateMedia(tx, mediaId, {
      status: 'processing',
      progress: 0,
      sourceKey: deps.uploads.uploadId(mediaId),
      uploadedAt: now,
      updatedAt: now,
    });
    const version = await addVersion(tx, media, {}, now);
    await enqueue(tx, PROCESS_TASK, { mediaId, version }, { jobKey: processJobKey(mediaId, version), maxAttempts: 5 });
    afterCommit(tx, () =>
      deps.realtime.publishMessage(
        liveMessage(userChannel(media.ownerId), 'media.progress', { mediaId, status: 'processing', progress: 0 }),
      ),
    );
  });
}
