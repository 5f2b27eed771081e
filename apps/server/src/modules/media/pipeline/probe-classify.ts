import { z } from 'zod';
import { sniffContainer } from './sniff-container.js';

/** Why an upload cannot become a story video; stable codes shown to the maker. */
export type ProbeRejectionCode =
  'not_a_video' | 'undecodable' | 'truncated' | 'too_long' | 'too_large' | 'resolution_too_large';

export interface ProbeRejection {
  ok: false;
  code: ProbeRejectionCode;
  message: string;
  details?: Record<string, unknown>;
}

export type ProbeResult = { ok: true; video: VideoProbe } | ProbeRejection;

/** What the pipeline needs to know about an accepted upload. */
export interface VideoProbe {
  bytes: number;
  /** ffprobe's demuxer name, e.g. `mov,mp4,m4a,3gp,3g2,mj2`. */
  container: string;
  durationSeconds: number;
  /** Displayed size: the stored size with a 90°/270° rotation applied. */
  width: number;
  height: number;
  /** Rotation of the display matrix in degrees, normalised to 0–359. */
  rotation: 0 | 90 | 180 | 270;
  orientation: 'portrait' | 'landscape' | 'square';
  fps: number;
  videoCodec: string;
  hasAudio: boolean;
  audioCodec: string | null;
  /** Set for HDR sources (PQ or HLG), which the transcode tone-maps to SDR. */
  hdrTransfer: 'smpte2084' | 'arib-std-b67' | null;
}

export interface ProbeLimits {
  maxBytes: number;
  maxDurationSeconds: number;
  /** Stored (coded) frame size caps; they also bound what the decoder may allocate. */
  maxWidth: number;
  maxHeight: number;
}

export const defaultProbeLimits: ProbeLimits = {
  maxBytes: 2 * 1024 * 1024 * 1024,
  maxDurationSeconds: 180,
  maxWidth: 4096,
  maxHeight: 4096,
};

// A phone's "3:00" clip is often a few frames longer.
const DURATION_TOLERANCE_SECONDS = 0.5;

const streamSchema = z.object({
  codec_type: z.string().optional(),
  codec_name: z.string().optional(),
  width: z.number().optional(),
  height: z.number().optional(),
  avg_frame_rate: z.string().optional(),
  r_frame_rate: z.string().optional(),
  duration: z.string().optional(),
  nb_frames: z.string().optional(),
  nb_read_packets: z.string().optional(),
  color_transfer: z.string().optional(),
  disposition: z.object({ attached_pic: z.number().optional(), default: z.number().optional() }).optional(),
  tags: z.record(z.string(), z.string()).optional(),
  side_data_list: z.array(z.object({ rotation: z.number().optional() })).optional(),
});
type FfprobeStream = z.infer<typeof streamSchema>;

const outputSchema = z.object({
  streams: z.array(streamSchema).default([]),
  format: z.object({ format_name: z.string().optional(), duration: z.string().optional() }).optional(),
});

const reject = (code: ProbeRejectionCode, message: string, details?: Record<string, unknown>): ProbeRejection =>
  details ? { ok: false, code, message, details } : { ok: false, code, message };

/** Classifies an ffprobe run that failed to open the file. */
export function classifyOpenFailure(stderr: string, head: Buffer): ProbeRejection {
  const oversized = /Picture size (\d+)x(\d+) exceeds specified max pixel count/.exec(stderr);
  if (oversized) {
    return reject('resolution_too_large', 'The video frame is too large.', {
      width: Number(oversized[1]),
      height: Number(oversized[2]),
    });
  }
  if (/moov atom not found/i.test(stderr)) {
    return reject('truncated', 'The video file is incomplete; the upload may have been cut off.');
  }
  const family = sniffContainer(head);
  if (family) {
    return reject('undecodable', 'The file looks like a video but cannot be read.', { container: family });
  }
  return reject('not_a_video', 'The file is not a video in a supported format.');
}

/** Classifies the JSON of a successful `ffprobe -show_format -show_streams -count_packets` run. */
export function classifyProbeOutput(input: {
  json: string;
  stderr: string;
  bytes: number;
  limits: ProbeLimits;
}): ProbeResult {
  const parsed = outputSchema.safeParse(safeJson(input.json));
  if (!parsed.success) return reject('undecodable', 'The video could not be analysed.');
  const { streams, format } = parsed.data;

  // Cover art in an audio file is a "video" stream to ffprobe, but not a video.
  const videos = streams.filter((s) => s.codec_type === 'video' && s.disposition?.attached_pic !== 1);
  const video = videos.find((s) => s.disposition?.default === 1) ?? videos[0];
  const audio = streams.find((s) => s.codec_type === 'audio');
  if (!video) {
    return reject('not_a_video', 'The file has no video track.', { hasAudio: audio !== undefined });
  }
  const { width, height } = video;
  if (!width || !height || !video.codec_name) {
    return reject('undecodable', 'The video track cannot be read.');
  }
  if (width > input.limits.maxWidth || height > input.limits.maxHeight) {
    return reject('resolution_too_large', 'The video frame is too large.', { width, height });
  }
  if (looksTruncated(streams, input.stderr)) {
    return reject('truncated', 'The video file is incomplete; the upload may have been cut off.');
  }
  const durationSeconds = Number(format?.duration ?? video.duration);
  if (!Number.isFinite(durationSeconds) || durationSeconds <= 0) {
    return reject('undecodable', 'The video has no readable duration.');
  }
  if (durationSeconds > input.limits.maxDurationSeconds + DURATION_TOLERANCE_SECONDS) {
    return reject('too_long', 'The video is too long.', {
      durationSeconds,
      maxDurationSeconds: input.limits.maxDurationSeconds,
    });
  }

  const rotation = rotationOf(video);
  const sideways = rotation === 90 || rotation === 270;
  const displayWidth = sideways ? height : width;
  const displayHeight = sideways ? width : height;
  const transfer = video.color_transfer;
  return {
    ok: true,
    video: {
      bytes: input.bytes,
      container: format?.format_name ?? 'unknown',
      durationSeconds,
      width: displayWidth,
      height: displayHeight,
      rotation,
      orientation: displayWidth === displayHeight ? 'square' : displayWidth < displayHeight ? 'portrait' : 'landscape',
      fps: frameRateOf(video),
      videoCodec: video.codec_name,
      hasAudio: audio !== undefined,
      audioCodec: audio?.codec_name ?? null,
      hdrTransfer: transfer === 'smpte2084' || transfer === 'arib-std-b67' ? transfer : null,
    },
  };
}

/**
 * A cut-off file either makes the demuxer report a "partial file", or — when the index sits at
 * the front (fast-start MP4) — yields fewer packets than the index lists. A few missing packets
 * are normal (edit lists drop some), so only a real shortfall counts.
 */
function looksTruncated(streams: FfprobeStream[], stderr: string): boolean {
  if (/partial file/i.test(stderr)) return true;
  return streams.some((s) => {
    const listed = Number(s.nb_frames);
    const read = Number(s.nb_read_packets);
    if (!Number.isFinite(listed) || !Number.isFinite(read) || listed <= 0) return false;
    return read < listed - Math.max(2, listed * 0.02);
  });
}

function rotationOf(stream: FfprobeStream): VideoProbe['rotation'] {
  const fromMatrix = stream.side_data_list?.find((d) => d.rotation !== undefined)?.rotation;
  const degrees = fromMatrix ?? Number(stream.tags?.rotate ?? 0);
  const normalised = (((Math.round(degrees / 90) * 90) % 360) + 360) % 360;
  return normalised === 90 || normalised === 180 || normalised === 270 ? normalised : 0;
}

function frameRateOf(stream: FfprobeStream): number {
  for (const rate of [stream.avg_frame_rate, stream.r_frame_rate]) {
    const [num, den] = (rate ?? '').split('/').map(Number);
    if (num && den && Number.isFinite(num / den) && num / den > 0) return Math.round((num / den) * 1000) / 1000;
  }
  return 30;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
