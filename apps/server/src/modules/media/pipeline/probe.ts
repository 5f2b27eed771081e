import { stat } from 'node:fs/promises';
import { DomainError } from '../../../platform/errors.js';
import { MediaRejection } from './media-rejection.js';
import {
  classifyOpenFailure,
  classifyProbeOutput,
  defaultProbeLimits,
  type ProbeLimits,
  type ProbeRejection,
  type ProbeResult,
} from './probe-classify.js';
import { runProcess, type RunProcessResult } from './run-process.js';
import { readFileHead } from './sniff-container.js';
import { defaultMediaTools, type MediaTools, untrustedInputArgs } from './tools.js';

export interface ProbeOptions {
  limits?: Partial<ProbeLimits>;
  tools?: MediaTools;
  /** Per tool run (ffprobe, then the decode check). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * Inspects an uploaded file and decides whether it can become a story video: runs ffprobe
 * (reading every packet, which exposes cut-off files), then decodes the first frames.
 */
export async function probeVideo(filePath: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const limits = { ...defaultProbeLimits, ...options.limits };
  const tools = options.tools ?? defaultMediaTools;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const bytes = await fileSize(filePath);
  if (bytes > limits.maxBytes) {
    return {
      ok: false,
      code: 'too_large',
      message: 'The file is too large.',
      details: { bytes, maxBytes: limits.maxBytes },
    };
  }
  if (bytes === 0) return { ok: false, code: 'not_a_video', message: 'The file is empty.' };

  const maxPixels = limits.maxWidth * limits.maxHeight;
  const input = untrustedInputArgs(filePath, maxPixels);
  const probe = await runProcess(
    tools.ffprobePath,
    [
      '-v',
      'error',
      '-hide_banner',
      '-print_format',
      'json',
      '-show_format',
      '-show_streams',
      '-count_packets',
      ...input,
    ],
    { timeoutMs, signal: options.signal, maxStdoutBytes: 4 * 1024 * 1024 },
  );
  throwIfAborted(probe);
  if (probe.endedBy !== 'exit') return timedOut();
  if (probe.exitCode !== 0) return classifyOpenFailure(probe.stderr, await readFileHead(filePath));

  const result = classifyProbeOutput({ json: probe.stdout, stderr: probe.stderr, bytes, limits });
  if (!result.ok) return result;

  const decodeFailure = await checkFirstFramesDecode(tools, input, timeoutMs, options.signal);
  return decodeFailure ?? result;
}

/** The error the HTTP layer shows for a rejected upload. */
export function probeRejectionError(rejection: ProbeRejection): MediaRejection {
  return new MediaRejection(rejection.code, rejection.message, rejection.details);
}

/**
 * ffprobe only parses headers and a little data; decoding two frames proves the video track
 * really decodes (a broken bitstream in an intact container passes ffprobe).
 */
async function checkFirstFramesDecode(
  tools: MediaTools,
  input: string[],
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<ProbeRejection | null> {
  const run = await runProcess(
    tools.ffmpegPath,
    [
      '-v',
      'error',
      '-hide_banner',
      '-nostdin',
      '-xerror',
      ...input,
      '-map',
      '0:v:0',
      '-frames:v',
      '2',
      '-f',
      'framecrc',
      '-',
    ],
    { timeoutMs, signal, maxStdoutBytes: 64 * 1024 },
  );
  throwIfAborted(run);
  if (run.endedBy !== 'exit') return timedOut();
  const decodedFrames = run.stdout.split('\n').filter((line) => /^\d+,/.test(line)).length;
  if (run.exitCode === 0 && decodedFrames > 0) return null;
  if (/partial file/i.test(run.stderr)) {
    return { ok: false, code: 'truncated', message: 'The video file is incomplete; the upload may have been cut off.' };
  }
  return { ok: false, code: 'undecodable', message: 'The video track cannot be decoded.' };
}

function timedOut(): ProbeRejection {
  return { ok: false, code: 'undecodable', message: 'The video took too long to analyse.' };
}

function throwIfAborted(run: RunProcessResult): void {
  if (run.endedBy === 'abort') throw new DomainError('probe_cancelled', 'Probing was cancelled.');
}

async function fileSize(filePath: string): Promise<number> {
  const info = await stat(filePath).catch((error: unknown) => {
    const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw error;
  });
  if (!info?.isFile()) throw new MediaRejection('media_source_missing', 'The uploaded file is missing.');
  return info.size;
}
