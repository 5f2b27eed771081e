import path from 'node:path';
import { DomainError } from '../../platform/errors';
import { defaultMediaTools } from './pipeline';
import { runProcess } from './pipeline/run-process';
import { POSTER_FILE, THUMB_FILE } from './playback-urls';
import type { Made } from './transcode-edits';

/** Wide enough for a 96 px square preview on a screen of three device pixels per CSS pixel. */
export const THUMB_WIDTH = 320;

/**
 * Adds a 320 px wide copy of the poster to what the pipeline made, so small previews (the
 * studio's gallery) do not download the 640 px image poster or a video's full-size frame. A
 * poster already narrower is copied at its own size. A failure here fails the version like any
 * other processing failure (it is retried).
 */
export async function addThumbnail(made: Made, outputDir: string, signal: AbortSignal): Promise<Made> {
  if (!made.files.includes(POSTER_FILE)) return made;
  const run = await runProcess(
    defaultMediaTools.ffmpegPath,
    [
      ...['-v', 'error', '-hide_banner', '-nostdin', '-y'],
      ...['-protocol_whitelist', 'file', '-i', `file:${path.join(outputDir, POSTER_FILE)}`],
      ...['-vf', `scale='min(${THUMB_WIDTH},iw)':-2`, '-frames:v', '1', '-q:v', '4'],
      path.join(outputDir, THUMB_FILE),
    ],
    { timeoutMs: 30_000, signal },
  );
  if (run.endedBy === 'abort') throw new DomainError('transcode_cancelled', 'Processing was cancelled.');
  if (run.exitCode !== 0) throw new Error(`thumbnail failed: ${run.stderr.slice(-500)}`);
  return { files: [...made.files, THUMB_FILE], outcome: { ...made.outcome, hasThumbnail: true } };
}
