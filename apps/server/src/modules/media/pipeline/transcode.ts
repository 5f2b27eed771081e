import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError } from '../../../platform/errors.js';
import { buildWebVtt, type CaptionCue } from './captions.js';
import { buildFilterGraph } from './filter-graph.js';
import { chooseLadder, type Rung } from './ladder.js';
import { defaultProbeLimits, type VideoProbe } from './probe-classify.js';
import { createProgressTracker } from './progress.js';
import { runProcess } from './run-process.js';
import { buildStoryboardVtt, planStoryboard, type StoryboardLayout } from './storyboard.js';
import {
  buildTranscodeArgs,
  MASTER_PLAYLIST,
  POSTER_FILE,
  STORYBOARD_IMAGE,
  type X264Preset,
} from './transcode-args.js';
import {
  assertNoPattern,
  assertOutputs,
  assertSucceeded,
  listFiles,
  prepareEmptyDir,
  STORYBOARD_VTT,
  tileStoryboard,
  writeSubtitles,
} from './transcode-outputs.js';
import { resolveTrim, type TrimRequest } from './trim.js';
import { defaultMediaTools, type MediaTools } from './tools.js';
import { findWatermarkFont, watermarkText } from './watermark.js';

export interface TranscodeOptions {
  /** The upload, already accepted by `probeVideo`. */
  input: string;
  probe: VideoProbe;
  /** Missing or empty folder that receives every output; removed again if the transcode fails. */
  outputDir: string;
  /** The maker's display name, burned in as the watermark. */
  watermarkName: string;
  trim?: TrimRequest;
  /** Captions on the output (trimmed) timeline, served as an HLS subtitles rendition. */
  captions?: { cues: CaptionCue[]; language: string; label: string };
  /** x264 speed/size trade-off; default `veryfast`. Tests use `ultrafast`. */
  preset?: X264Preset;
  crf?: number;
  maxFps?: number;
  storyboardIntervalSeconds?: number;
  /** A font file for the watermark; by default one is looked up on the machine. */
  fontFile?: string;
  threads?: number;
  /** Decoder frame-size cap, as in probing; default 4096×4096. */
  maxPixels?: number;
  tools?: MediaTools;
  /** Whole percent of the output duration, increasing, ending at 100. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** ffmpeg reports every half second; silence this long means it hangs. */
  stallTimeoutMs?: number;
}

export interface Rendition {
  name: string;
  width: number;
  height: number;
  /** Relative to the output folder, like every path below. */
  playlist: string;
}

export interface TranscodeResult {
  masterPlaylist: string;
  renditions: Rendition[];
  poster: string;
  storyboard: { image: string; vtt: string; layout: StoryboardLayout };
  subtitles: { playlist: string; vtt: string; language: string } | null;
  durationSeconds: number;
  watermark: 'burned' | 'skipped_no_font' | 'skipped_empty_name';
  /** Every file to upload, relative to the output folder, sorted. */
  files: string[];
}

/**
 * Produces the HLS ladder, poster and storyboard of an accepted upload with one ffmpeg process,
 * then adds the captions rendition. The caller uploads `files` and publishes only on success.
 */
export async function transcodeVideo(options: TranscodeOptions): Promise<TranscodeResult> {
  throwIfCancelled(options.signal);
  const { probe, outputDir } = options;
  const trim = resolveTrim(options.trim, probe.durationSeconds);
  const ladder = chooseLadder(probe);
  const fps = Math.min(probe.fps, options.maxFps ?? 30);
  const storyboard = planStoryboard(trim.durationSeconds, ladder.canvas, options.storyboardIntervalSeconds);
  // Captions are checked before the expensive part, so bad captions fail fast.
  const captionsVtt = options.captions
    ? buildWebVtt(options.captions.cues, { durationMs: Math.round(trim.durationSeconds * 1000), hlsTimestampMap: true })
    : null;

  await prepareEmptyDir(outputDir);
  const scratch = await mkdtemp(path.join(tmpdir(), 'transcode-'));
  const thumbnailsDir = path.join(scratch, 'thumbnails');
  try {
    assertNoPattern(scratch);
    await mkdir(thumbnailsDir);
    const text = watermarkText(options.watermarkName);
    const fontFile = text ? await findWatermarkFont(options.fontFile, text) : null;
    const textFile = path.join(scratch, 'watermark.txt');
    if (text && fontFile) await writeFile(textFile, text, 'utf8');

    const graph = buildFilterGraph({
      ladder,
      fps,
      hdrTransfer: probe.hdrTransfer,
      watermark: text && fontFile ? { text, fontFile, textFile } : null,
      posterAtSeconds: Math.min(1, trim.durationSeconds / 2),
      storyboard,
    });
    const args = buildTranscodeArgs({
      input: options.input,
      outputDir: path.resolve(outputDir),
      thumbnailsDir,
      maxPixels: options.maxPixels ?? defaultProbeLimits.maxWidth * defaultProbeLimits.maxHeight,
      trim,
      graph,
      ladder,
      hasAudio: probe.hasAudio,
      fps,
      preset: options.preset ?? 'veryfast',
      crf: options.crf ?? 23,
      threads: options.threads,
    });
    const progress = createProgressTracker(trim.durationSeconds, options.onProgress ?? (() => undefined));
    const ffmpegPath = (options.tools ?? defaultMediaTools).ffmpegPath;
    const run = await runProcess(ffmpegPath, args, {
      onStdoutLine: (line) => progress.onLine(line),
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 30 * 60_000,
      idleTimeoutMs: options.stallTimeoutMs ?? 120_000,
    });
    assertSucceeded(run);

    const renditions = ladder.rungs.map((rung) => renditionOf(rung));
    await assertOutputs([MASTER_PLAYLIST, POSTER_FILE, ...renditions.map((r) => r.playlist)], outputDir);
    const layout = await tileStoryboard(ffmpegPath, thumbnailsDir, storyboard, outputDir, options.signal);
    await writeFile(
      path.join(outputDir, STORYBOARD_VTT),
      buildStoryboardVtt(layout, trim.durationSeconds, STORYBOARD_IMAGE),
    );
    const subtitles =
      options.captions && captionsVtt
        ? await writeSubtitles(outputDir, captionsVtt, options.captions, trim.durationSeconds)
        : null;
    progress.finish();
    return {
      masterPlaylist: MASTER_PLAYLIST,
      renditions,
      poster: POSTER_FILE,
      storyboard: { image: STORYBOARD_IMAGE, vtt: STORYBOARD_VTT, layout },
      subtitles,
      durationSeconds: trim.durationSeconds,
      watermark: !text ? 'skipped_empty_name' : fontFile ? 'burned' : 'skipped_no_font',
      files: await listFiles(outputDir),
    };
  } catch (error) {
    await rm(outputDir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function renditionOf(rung: Rung): Rendition {
  return { name: rung.name, width: rung.width, height: rung.height, playlist: `${rung.name}/index.m3u8` };
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DomainError('transcode_cancelled', 'The transcode was cancelled.');
}
