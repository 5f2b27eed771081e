import { MediaRejection } from './pipeline/media-rejection.js';
import type { MediaDeps } from './deps';
import {
  probeRejectionError,
  probeVideo,
  resolveTrim,
  retimeCuesForTrim,
  transcodeVideo,
  type TrimRequest,
} from './pipeline';
import type { VersionOutcome } from './publish-version';
import type { MediaRow, VersionRow } from './repo';

export interface Made {
  files: string[];
  outcome: VersionOutcome;
}

// A trimmed version is checked against the length limit after trimming, so a maker can rescue a
// too-long upload by trimming it; probing the source still bounds what is read (a day).
const UNTRIMMED_PROBE_CAP_SECONDS = 24 * 3600;

/** Probes the original upload and transcodes it with the version's trim, captions and watermark. */
export async function transcodeEdits(
  deps: Pick<MediaDeps, 'config' | 'displayName'>,
  input: {
    media: MediaRow;
    version: VersionRow;
    source: string;
    outputDir: string;
    signal: AbortSignal;
    onProbed: (sourceDurationMs: number) => Promise<void>;
    onProgress: (percent: number) => void;
  },
): Promise<Made> {
  const { edits } = input.version;
  const trimRequest: TrimRequest | undefined =
    edits.trimStartMs !== undefined || edits.trimEndMs !== undefined
      ? { startMs: edits.trimStartMs, endMs: edits.trimEndMs }
      : undefined;
  const maxSeconds = deps.config.MAX_VIDEO_SECONDS;
  const probe = await probeVideo(input.source, {
    limits: {
      maxBytes: deps.config.MAX_UPLOAD_BYTES,
      maxDurationSeconds: trimRequest ? UNTRIMMED_PROBE_CAP_SECONDS : maxSeconds,
    },
    signal: input.signal,
  });
  if (!probe.ok) {
    // A too-long upload can be rescued by a trim, which is checked against the source's length.
    const seconds = probe.details?.durationSeconds;
    if (probe.code === 'too_long' && typeof seconds === 'number') await input.onProbed(Math.round(seconds * 1000));
    throw probeRejectionError(probe);
  }
  const video = probe.video;
  await input.onProbed(Math.round(video.durationSeconds * 1000));

  const trim = resolveTrim(trimRequest, video.durationSeconds);
  if (trim.durationSeconds > maxSeconds + 0.5) {
    throw new MediaRejection('too_long', `Videos can last at most ${maxSeconds} s; trim it shorter.`, {
      durationSeconds: trim.durationSeconds,
      maxDurationSeconds: maxSeconds,
    });
  }
  const cues = edits.captions?.length
    ? retimeCuesForTrim(edits.captions, { startMs: trim.startSeconds * 1000, endMs: trim.endSeconds * 1000 })
    : [];

  const result = await transcodeVideo({
    input: input.source,
    probe: video,
    outputDir: input.outputDir,
    watermarkName: (await deps.displayName(input.media.ownerId)) ?? '',
    ...(trimRequest ? { trim: trimRequest } : {}),
    ...(cues.length ? { captions: { cues, language: 'en', label: 'English' } } : {}),
    preset: deps.config.MEDIA_X264_PRESET,
    signal: input.signal,
    onProgress: input.onProgress,
  });
  const top = result.renditions[0]!;
  return {
    files: result.files,
    outcome: {
      durationMs: Math.round(result.durationSeconds * 1000),
      width: top.width,
      height: top.height,
      hasCaptions: result.subtitles !== null,
      hasThumbnail: false,
    },
  };
}
