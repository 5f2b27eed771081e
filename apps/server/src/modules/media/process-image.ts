import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DomainError } from '../../platform/errors';
import { MediaRejection } from './pipeline/media-rejection.js';
import type { MediaDeps } from './deps';
import { defaultMediaTools } from './pipeline';
import { runProcess } from './pipeline/run-process';
import { IMAGE_FILE, POSTER_FILE } from './playback-urls';
import type { Made } from './transcode-edits';

/** Still-image demuxers allowed to open an upload (no sequences, playlists or network). */
const IMAGE_DEMUXERS = 'png_pipe,jpeg_pipe,webp_pipe,gif,bmp_pipe,tiff_pipe';
const MAX_SOURCE_PIXELS = 12_000 * 12_000;
const FULL_EDGE = 2048;
const POSTER_WIDTH = 640;

const inputArgs = (file: string): string[] => [
  '-format_whitelist',
  IMAGE_DEMUXERS,
  '-protocol_whitelist',
  'file',
  '-max_pixels',
  String(MAX_SOURCE_PIXELS),
  '-i',
  `file:${file}`,
];

const notAnImage = (): DomainError => new MediaRejection('not_an_image', 'The file is not an image we can read.');

/**
 * Gallery images: decoded once, re-encoded as JPEG (which also drops camera metadata such as the
 * location) at most 2048 px on the long edge, plus a 640 px wide poster.
 */
export async function processImage(
  _deps: Pick<MediaDeps, 'config'>,
  source: string,
  outputDir: string,
  signal: AbortSignal,
): Promise<Made> {
  await mkdir(outputDir, { recursive: true });
  const fit = `scale='min(${FULL_EDGE},iw)':'min(${FULL_EDGE},ih)':force_original_aspect_ratio=decrease`;
  const run = await runProcess(
    defaultMediaTools.ffmpegPath,
    [
      ...['-v', 'error', '-hide_banner', '-nostdin', '-y'],
      ...inputArgs(source),
      '-filter_complex',
      `[0:v]split=2[a][b];[a]${fit}[full];[b]scale='min(${POSTER_WIDTH},iw)':-1[small]`,
      ...['-map', '[full]', '-frames:v', '1', '-q:v', '3', path.join(outputDir, IMAGE_FILE)],
      ...['-map', '[small]', '-frames:v', '1', '-q:v', '4', path.join(outputDir, POSTER_FILE)],
    ],
    { timeoutMs: 60_000, signal },
  );
  if (run.endedBy === 'abort') throw new DomainError('transcode_cancelled', 'Processing was cancelled.');
  if (run.exitCode !== 0) throw notAnImage();
  const size = await imageSize(path.join(outputDir, IMAGE_FILE));
  return {
    files: [IMAGE_FILE, POSTER_FILE],
    outcome: { durationMs: null, ...size, hasCaptions: false, hasThumbnail: false },
  };
}

async function imageSize(file: string): Promise<{ width: number; height: number }> {
  const run = await runProcess(
    defaultMediaTools.ffprobePath,
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'csv=p=0', file],
    { timeoutMs: 30_000 },
  );
  const [width, height] = run.stdout.trim().split(',').map(Number);
  if (!width || !height) throw notAnImage();
  return { width, height };
}
