import { liveMessage, userChannel } from '@vw/domain';
import { afterCommit } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import { enqueue } from '../../platform/jobs';
import { PROCESS_TASK, processJobKey } from './complete-upload';
import type { MediaDeps } from './deps';
import { buildWebVtt, parseWebVtt, resolveTrim, type CaptionCue } from './pipeline';
import { isUuid } from '../../platform/ids';
import { addVersion, findVersion, lockMedia, updateMedia, type MediaRow } from './repo';
import type { EditBody } from './schemas';
import type { VersionEdits } from './tables';

/**
 * A studio edit: a new version of the video made from the original upload with the trim and
 * captions asked for (what the edit leaves out is kept from the latest version). The current
 * version keeps playing until the new one is ready.
 */
export async function requestEdit(
  deps: Pick<MediaDeps, 'db' | 'clock' | 'realtime'>,
  input: { mediaId: string; callerId: string; edit: EditBody },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const media = isUuid(input.mediaId) ? await lockMedia(tx, input.mediaId) : undefined;
    if (!media) throw new DomainError('media_not_found', 'No such media.');
    if (media.ownerId !== input.callerId) throw new DomainError('media_forbidden', 'This media is not yours.');
    assertEditable(media);
    const base = (await findVersion(tx, media.id, media.latestVersion))?.edits ?? {};
    const edits = mergeEdits(base, input.edit, media.sourceDurationMs);
    const now = deps.clock.now();
    const next = await addVersion(tx, media, edits, now);
    if (media.readyVersion === null) {
      await updateMedia(tx, media.id, {
        status: 'processing',
        progress: 0,
        errorCode: null,
        errorMessage: null,
        updatedAt: now,
      });
    }
    await enqueue(
      tx,
      PROCESS_TASK,
      { mediaId: media.id, version: next },
      {
        jobKey: processJobKey(media.id, next),
        maxAttempts: 5,
      },
    );
    afterCommit(tx, () =>
      deps.realtime.publishMessage(
        liveMessage(userChannel(media.ownerId), 'media.progress', {
          mediaId: media.id,
          version: next,
          status: 'processing',
          progress: 0,
        }),
      ),
    );
  });
}

function assertEditable(media: MediaRow): void {
  if (media.kind !== 'video') throw new DomainError('media_not_editable', 'Only videos can be edited.');
  if (media.status === 'uploading' || (media.status === 'processing' && media.readyVersion === null)) {
    throw new DomainError('media_not_ready', 'Wait until the video has been processed.');
  }
  if (!media.sourceKey) throw new DomainError('media_source_missing', 'The original upload of this video is gone.');
}

/** The new version's edits, on the source timeline, checked as far as can be before processing. */
export function mergeEdits(base: VersionEdits, edit: EditBody, sourceDurationMs: number | null): VersionEdits {
  const trimStartMs = edit.trimStartMs ?? base.trimStartMs;
  const trimEndMs = edit.trimEndMs === null ? undefined : (edit.trimEndMs ?? base.trimEndMs);
  // Checked against the source when its length is known; the job checks again in any case.
  const trim =
    sourceDurationMs !== null ? resolveTrim({ startMs: trimStartMs, endMs: trimEndMs }, sourceDurationMs / 1000) : null;
  const offsetMs = trimStartMs ?? 0;
  let captions = base.captions;
  const given: CaptionCue[] | undefined = edit.webvtt !== undefined ? parseWebVtt(edit.webvtt) : edit.captions;
  if (given) {
    // Throws the pipeline's caption errors (order, overlap with the end, length, characters).
    buildWebVtt(given, trim ? { durationMs: Math.round(trim.durationSeconds * 1000) } : {});
    captions = given.map((cue) => ({ startMs: cue.startMs + offsetMs, endMs: cue.endMs + offsetMs, text: cue.text }));
  }
  const merged: VersionEdits = {};
  if (trimStartMs !== undefined) merged.trimStartMs = trimStartMs;
  if (trimEndMs !== undefined) merged.trimEndMs = trimEndMs;
  if (captions?.length) merged.captions = captions;
  return merged;
}
