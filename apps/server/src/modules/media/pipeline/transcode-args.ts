import type { FilterGraph } from './filter-graph.js';
import type { Ladder } from './ladder.js';
import type { StoryboardLayout } from './storyboard.js';
import type { ResolvedTrim } from './trim.js';
import { untrustedInputArgs } from './tools.js';

export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium' | 'slow';

export interface TranscodeArgsPlan {
  input: string;
  outputDir: string;
  /** Scratch folder for the storyboard thumbnails (not uploaded). */
  thumbnailsDir: string;
  maxPixels: number;
  trim: ResolvedTrim;
  graph: FilterGraph;
  ladder: Ladder;
  hasAudio: boolean;
  fps: number;
  preset: X264Preset;
  crf: number;
  threads?: number;
}

export const SEGMENT_SECONDS = 2;
export const MASTER_PLAYLIST = 'master.m3u8';
export const POSTER_FILE = 'poster.jpg';
export const STORYBOARD_IMAGE = 'storyboard.jpg';
export const THUMBNAIL_PATTERN = 'thumb_%03d.jpg';

/**
 * The single ffmpeg invocation: one input, decoded once (trim is input seeking, so it costs no
 * second decode), three outputs — the HLS ladder, the poster and the storyboard thumbnails.
 */
export function buildTranscodeArgs(plan: TranscodeArgsPlan): string[] {
  const { ladder, graph, outputDir } = plan;
  const gop = Math.max(1, Math.round(plan.fps * SEGMENT_SECONDS));
  const seek = plan.trim.trims ? ['-ss', seconds(plan.trim.startSeconds), '-to', seconds(plan.trim.endSeconds)] : [];

  const maps = ladder.rungs.flatMap((_, i) => [
    '-map',
    `[${graph.rungLabels[i]}]`,
    ...(plan.hasAudio ? ['-map', '0:a:0'] : []),
  ]);
  const rates = ladder.rungs.flatMap((rung, i) => [
    `-maxrate:v:${i}`,
    `${rung.videoMaxrateKbps}k`,
    `-bufsize:v:${i}`,
    `${rung.videoMaxrateKbps * 2}k`,
    ...(plan.hasAudio ? [`-b:a:${i}`, `${rung.audioBitrateKbps}k`] : []),
  ]);
  const streamMap = ladder.rungs
    .map((rung, i) => (plan.hasAudio ? `v:${i},a:${i},name:${rung.name}` : `v:${i},name:${rung.name}`))
    .join(' ');

  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y', '-progress', 'pipe:1', '-nostats'],
    ...seek,
    ...untrustedInputArgs(plan.input, plan.maxPixels),
    ...['-filter_complex', graph.graph],
    // Output 1: the HLS ladder.
    ...maps,
    ...['-c:v', 'libx264', '-preset', plan.preset, '-profile:v', 'high', '-crf', String(plan.crf)],
    ...rates,
    ...['-g', String(gop), '-keyint_min', String(gop), '-sc_threshold', '0'],
    ...['-force_key_frames', `expr:gte(t,n_forced*${SEGMENT_SECONDS})`, '-flags', '+cgop'],
    ...(plan.hasAudio ? ['-c:a', 'aac', '-ac', '2', '-ar', '48000'] : []),
    ...(plan.threads ? ['-threads', String(plan.threads)] : []),
    // Drop the source's metadata: phones record GPS coordinates in it.
    ...['-map_metadata', '-1', '-map_chapters', '-1'],
    ...['-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_playlist_type', 'vod'],
    ...['-hls_segment_type', 'fmp4', '-hls_flags', 'independent_segments'],
    ...['-hls_fmp4_init_filename', 'init.mp4', '-hls_segment_filename', `${outputDir}/%v/seg_%03d.m4s`],
    ...['-master_pl_name', MASTER_PLAYLIST, '-var_stream_map', streamMap],
    `${outputDir}/%v/index.m3u8`,
    // Output 2: the poster.
    ...['-map', `[${graph.posterLabel}]`, '-frames:v', '1', '-c:v', 'mjpeg', '-q:v', '3'],
    ...['-map_metadata', '-1', '-f', 'image2', '-update', '1', `${outputDir}/${POSTER_FILE}`],
    // Output 3: the storyboard thumbnails, one file each.
    ...['-map', `[${graph.storyboardLabel}]`, '-c:v', 'mjpeg', '-q:v', '2'],
    ...['-map_metadata', '-1', '-f', 'image2', '-start_number', '0', `${plan.thumbnailsDir}/${THUMBNAIL_PATTERN}`],
  ];
}

/**
 * Tiles the extracted thumbnails into the storyboard sprite: a second, tiny process over at most
 * a hundred small JPEGs. Tiling inside the main process would hold back all progress reports:
 * ffmpeg 5.1 prints none until every output has written its header, and a sprite only exists once
 * the last frame is in.
 */
export function buildSpriteArgs(thumbnailsDir: string, layout: StoryboardLayout, target: string): string[] {
  return [
    ...['-hide_banner', '-nostdin', '-v', 'error', '-y'],
    ...['-f', 'image2', '-framerate', '1', '-start_number', '0', '-i', `${thumbnailsDir}/${THUMBNAIL_PATTERN}`],
    ...[
      '-vf',
      `tile=${layout.columns}x${layout.rows}`,
      '-frames:v',
      '1',
      '-c:v',
      'mjpeg',
      '-q:v',
      '5',
      '-f',
      'image2',
      '-update',
      '1',
      target,
    ],
  ];
}

function seconds(value: number): string {
  return (Math.round(value * 1000) / 1000).toFixed(3);
}
