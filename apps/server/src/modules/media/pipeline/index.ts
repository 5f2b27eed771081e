/** The media pipeline: probing uploads, choosing the ladder, transcoding, captions. */
export { probeVideo, probeRejectionError, type ProbeOptions } from './probe.js';
export {
  defaultProbeLimits,
  type ProbeLimits,
  type ProbeRejection,
  type ProbeRejectionCode,
  type ProbeResult,
  type VideoProbe,
} from './probe-classify.js';
export { chooseLadder, PORTRAIT_RUNGS, type FitMode, type Ladder, type Rung } from './ladder.js';
export { transcodeVideo, type Rendition, type TranscodeOptions, type TranscodeResult } from './transcode.js';
export { resolveTrim, MIN_TRIMMED_SECONDS, type ResolvedTrim, type TrimRequest } from './trim.js';
export { SEGMENT_SECONDS, type X264Preset } from './transcode-args.js';
export {
  buildWebVtt,
  parseWebVtt,
  retimeCuesForTrim,
  defaultCaptionLimits,
  type CaptionCue,
  type CaptionErrorCode,
  type CaptionLimits,
  type CaptionOptions,
} from './captions.js';
export { addSubtitlesToMaster, buildSubtitlesPlaylist, type SubtitlesRendition } from './hls-subtitles.js';
export type { StoryboardLayout, StoryboardPlan } from './storyboard.js';
export { findWatermarkFont, watermarkText } from './watermark.js';
export { defaultMediaTools, type MediaTools } from './tools.js';
