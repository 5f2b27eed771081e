import { liveMessage, userChannel } from '@vw/domain';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '../../platform/errors';
import { defineTask, type TaskDefinition } from '../../platform/jobs';
import { PROCESS_TASK } from './complete-upload';
import type { MediaDeps } from './deps';
import { failVersion } from './fail-version';
import { MediaRejection } from './pipeline/media-rejection';
import { addThumbnail } from './make-thumbnail';
import { processImage } from './process-image';
import { ProcessingProgress, TRANSCODE_SHARE } from './processing-progress';
import { publishVersion, uploadOutputs, type VersionOutcome } from './publish-version';
import {
  claimVersion,
  findMedia,
  findVersion,
  updateMedia,
  updateVersion,
  type MediaRow,
  type VersionRow,
} from './repo';
import { transcodeEdits } from './transcode-edits';

/**
 * Job `media:process`: runs the pipeline for one version of one media item. Idempotent — every
 * attempt starts in a fresh scratch folder and overwrites whatever an interrupted attempt stored;
 * a version no longer processing (done, failed, superseded, deleted) is left alone. Transient
 * failures are retried by the job queue with backoff; the last attempt records the failure.
 */
export function processMediaTask(deps: MediaDeps): TaskDefinition {
  return defineTask(PROCESS_TASK, async ({ mediaId, version }, helpers) => {
    const lastAttempt = helpers.job.attempts >= helpers.job.max_attempts;
    await processVersion(deps, mediaId, version, { lastAttempt });
  });
}

export async function processVersion(
  deps: MediaDeps,
  mediaId: string,
  version: number,
  options: { lastAttempt: boolean },
): Promise<void> {
  const media = await findMedia(deps.db, mediaId);
  if (!media) return;
  const progress = new ProcessingProgress(
    deps,
    { id: media.id, ownerId: media.ownerId, playing: media.readyVersion !== null },
    version,
  );
  const claimed = await claimVersion(deps.db, mediaId, version, deps.clock.now(), progress.leaseUntil());
  if (!claimed) {
    await progress.close();
    const row = await findVersion(deps.db, mediaId, version);
    if (row?.status !== 'processing') return;
    // Another worker holds a live lease; the queue retries this job later, when it may have died.
    throw new Error(`media ${mediaId} v${version} is being processed elsewhere`);
  }
  const scratch = await mkdtemp(path.join(tmpdir(), `media-${mediaId}-v${version}-`));
  try {
    const outcome = await runPipeline(deps, media, claimed, scratch, progress);
    await progress.close();
    const result = await publishVersion(deps, mediaId, version, outcome);
    if (result === 'published') {
      await deps.realtime.publishMessage(
        liveMessage(userChannel(media.ownerId), 'media.progress', {
          mediaId,
          version,
          status: 'ready',
          progress: 100,
        }),
      );
    }
  } catch (err) {
    await progress.close();
    if (err instanceof DomainError && err.code === 'transcode_cancelled') return;
    if (err instanceof MediaRejection) {
      await failVersion(deps, mediaId, version, { code: err.code, message: err.message });
      return;
    }
    if (options.lastAttempt) {
      deps.logger.error({ err, mediaId, version }, 'media processing failed for good');
      await failVersion(deps, mediaId, version, {
        code: 'processing_failed',
        message: 'The video could not be processed. Try uploading it again.',
      });
      return;
    }
    // Free the lease so the retry can start at once.
    await updateVersion(deps.db, mediaId, version, { leaseExpiresAt: null });
    throw err;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function runPipeline(
  deps: MediaDeps,
  media: MediaRow,
  version: VersionRow,
  scratch: string,
  progress: ProcessingProgress,
): Promise<VersionOutcome> {
  const source = await deps.uploads.localCopy(media.id, scratch);
  const outputDir = path.join(scratch, 'out');
  const transcodeTimer = deps.metrics
    .histogram(
      'transcode_seconds',
      'Media processing time (probe, transcode, renditions), by kind',
      ['kind'],
      [1, 2, 5, 10, 20, 40, 80, 160, 320, 640],
    )
    .startTimer({ kind: media.kind });
  const made =
    media.kind === 'image'
      ? await processImage(deps, source, outputDir, progress.signal)
      : await transcodeEdits(deps, {
          media,
          version,
          source,
          outputDir,
          signal: progress.signal,
          onProbed: (sourceDurationMs) => updateMedia(deps.db, media.id, { sourceDurationMs }),
          onProgress: (percent) => progress.report(percent * TRANSCODE_SHARE),
        });
  const withThumbnail = await addThumbnail(made, outputDir, progress.signal);
  transcodeTimer();
  progress.report(TRANSCODE_SHARE * 100);
  await uploadOutputs(deps.storage, outputDir, withThumbnail.files, version.prefix);
  return withThumbnail.outcome;
}
