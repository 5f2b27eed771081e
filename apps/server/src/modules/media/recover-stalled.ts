import { z } from 'zod';
import { defineTask, enqueue, type TaskDefinition } from '../../platform/jobs';
import { PROCESS_TASK, processJobKey } from './complete-upload';
import { scheduleMediaDeletion } from './delete-media';
import type { MediaDeps } from './deps';
import { findAbandonedUploads, findStalledVersions } from './repo';

export const RECOVER_TASK = 'media:recover-stalled';
/** Uploads never finished after this long are given up. */
const ABANDONED_UPLOAD_MS = 24 * 3600 * 1000;

/**
 * Cron job: a version whose lease expired lost its worker (killed, crashed, machine gone). Its
 * job may stay locked in the queue for hours, so a fresh job is queued under the same key and
 * another worker takes the version over at once. Uploads abandoned for a day are deleted.
 */
export function recoverStalledTask(deps: MediaDeps): TaskDefinition {
  return defineTask(RECOVER_TASK, z.object({}), async () => {
    const now = deps.clock.now();
    const stalled = await findStalledVersions(deps.db, now, 50);
    for (const { mediaId, version } of stalled) {
      deps.logger.warn({ mediaId, version }, 'taking over stalled media processing');
      await enqueue(
        deps.db,
        PROCESS_TASK,
        { mediaId, version },
        { jobKey: processJobKey(mediaId, version), maxAttempts: 5 },
      );
    }
    const abandoned = await findAbandonedUploads(deps.db, new Date(now.getTime() - ABANDONED_UPLOAD_MS), 100);
    if (abandoned.length) {
      await deps.db.transaction((tx) =>
        scheduleMediaDeletion(
          deps,
          tx,
          abandoned.map((a) => a.id),
        ),
      );
    }
  });
}
