import { z } from 'zod';
import { idSchema } from '../../platform/ids';
import type { Executor } from '../../platform/db/client';
import { declareTask, defineTask, enqueue, type TaskDefinition } from '../../platform/jobs';
import type { MediaDeps } from './deps';
import { mediaPrefix } from './media-storage';
import { markDeleted } from './repo';

const removeFilesPayload = z.object({
  mediaId: idSchema,
  /** One version's folder; the whole media folder when absent. */
  prefix: z.string().optional(),
  /** Also delete the original upload. */
  source: z.boolean().default(false),
});
export type RemoveFilesPayload = z.input<typeof removeFilesPayload>;

export const REMOVE_FILES_TASK = declareTask('media:remove-files', removeFilesPayload, {
  formerNames: ['media.remove-files'],
});

/**
 * Marks media deleted inside the caller's transaction and queues the removal of every file
 * (renditions and original), which happens once the transaction commits.
 */
export async function scheduleMediaDeletion(
  deps: Pick<MediaDeps, 'clock'>,
  tx: Executor,
  mediaIds: string[],
  options: { removeAfterMs?: number } = {},
): Promise<void> {
  const now = deps.clock.now();
  const deleted = await markDeleted(tx, [...new Set(mediaIds)], now);
  const runAt = options.removeAfterMs ? new Date(now.getTime() + options.removeAfterMs) : undefined;
  for (const row of deleted) {
    await queueFileRemoval(tx, { mediaId: row.id, source: true }, runAt);
  }
}

export async function queueFileRemoval(tx: Executor, payload: RemoveFilesPayload, runAt?: Date): Promise<void> {
  const key = `media.remove-files:${payload.prefix ?? mediaPrefix(payload.mediaId)}`;
  await enqueue(tx, REMOVE_FILES_TASK, payload, { jobKey: key, maxAttempts: 10, ...(runAt ? { runAt } : {}) });
}

/** Job: deletes files from storage (idempotent: deleting what is gone is not an error). */
export function removeFilesTask(deps: MediaDeps): TaskDefinition {
  return defineTask(REMOVE_FILES_TASK, async (payload) => {
    const prefix = payload.prefix ?? mediaPrefix(payload.mediaId);
    if (!prefix.startsWith(mediaPrefix(payload.mediaId))) throw new Error('prefix outside the media folder');
    const removed = await deps.storage.deletePrefix(prefix);
    if (payload.source) await deps.uploads.remove(payload.mediaId);
    deps.logger.info({ mediaId: payload.mediaId, prefix, removed, source: payload.source }, 'media files removed');
  });
}
