import { liveMessage, userChannel } from '@vw/domain';
import { afterCommit } from '../../platform/db/unit-of-work';
import type { MediaDeps } from './deps';
import { queueFileRemoval } from './delete-media';
import { findVersion, lockMedia, updateMedia, updateVersion } from './repo';

/**
 * Records why a version could not be made. Media with nothing playing becomes `failed` with the
 * reason; media already playing an earlier version stays ready and the edit shows the failure.
 */
export async function failVersion(
  deps: Pick<MediaDeps, 'db' | 'clock' | 'realtime'>,
  mediaId: string,
  version: number,
  error: { code: string; message: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const media = await lockMedia(tx, mediaId);
    const row = await findVersion(tx, mediaId, version);
    if (!media || !row || row.status !== 'processing') return;
    await updateVersion(tx, mediaId, version, {
      status: 'failed',
      errorCode: error.code,
      errorMessage: error.message,
      leaseExpiresAt: null,
    });
    // Whatever an interrupted attempt stored for this version is of no use now.
    await queueFileRemoval(tx, { mediaId, prefix: row.prefix });
    if (media.readyVersion === null && media.latestVersion === version) {
      await updateMedia(tx, mediaId, {
        status: 'failed',
        errorCode: error.code,
        errorMessage: error.message,
        updatedAt: deps.clock.now(),
      });
    }
    const status = media.readyVersion === null ? 'failed' : 'ready';
    afterCommit(tx, () =>
      deps.realtime.publishMessage(
        liveMessage(userChannel(media.ownerId), 'media.progress', { mediaId, version, status, progress: 0, error }),
      ),
    );
  });
}
