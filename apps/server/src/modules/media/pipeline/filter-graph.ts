import { escapeFilterValue } from './filter-escape.js';
import { even, type Ladder } from './ladder.js';
import type { VideoProbe } from './probe-classify.js';
import type { StoryboardPlan } from './storyboard.js';

export interface FilterGraphPlan {
  ladder: Ladder;
  /** Constant output frame rate. */
  fps: number;
  hdrTransfer: VideoProbe['hdrTransfer'];
  /** Null: no watermark (no font on the machine, or nothing printable in the name). */
  watermark: Watermark | null;
  posterAtSeconds: number;
  storyboard: StoryboardPlan;
}

export interface Watermark {
  /** The text itself, used only to size it; drawtext reads it from `textFile`. */
  text: string;
  textFile: string;
  fontFile: string;
}

export interface FilterGraph {
  graph: string;
  /** Output labels, one per rung, in ladder order. */
  rungLabels: string[];
  posterLabel: string;
  storyboardLabel: string;
}

/**
 * One graph, fed by one decode: normalise (frame rate, HDR→SDR), compose the 9:16 canvas at the
 * top rung's size, burn in the watermark once, then split into every rung plus the poster and
 * storyboard branches. Lower rungs are scaled from the watermarked canvas, so the watermark keeps
 * its proportions on every rung.
 */
export function buildFilterGraph(plan: FilterGraphPlan): FilterGraph {
  const { canvas, rungs } = plan.ladder;
  const rungLabels = rungs.map((_, i) => `v${i}`);
  const head = [`fps=${plan.fps}`, ...toneMap(plan.hdrTransfer)];
  const canvasLabel = 'canvas';
  const chains = [...compose(`[0:v]${head.join(',')}`, plan.ladder, canvasLabel)];

  const finish = [...(plan.watermark ? [drawWatermark(plan.watermark, canvas)] : []), 'format=yuv420p'];
  const branches = [...rungLabels.map((_, i) => `r${i}`), 'p', 's'];
  chains.push(`[${canvasLabel}]${finish.join(',')},split=${branches.length}${branches.map((b) => `[${b}]`).join('')}`);

  rungs.forEach((rung, i) => {
    const scale = i === 0 ? 'null' : `scale=${rung.width}:${rung.height}:flags=bicubic,setsar=1`;
    chains.push(`[r${i}]${scale}[${rungLabels[i]}]`);
  });
  // The second trim ends the branch after one frame, so the graph stops feeding it.
  chains.push(`[p]trim=start=${seconds(plan.posterAtSeconds)},trim=end_frame=1[poster]`);
  // Thumbnails leave one by one; the sprite is tiled afterwards (see transcode.ts for why).
  const sb = plan.storyboard;
  chains.push(`[s]fps=1/${sb.intervalSeconds},scale=${sb.thumbWidth}:${sb.thumbHeight},setsar=1[storyboard]`);
  return { graph: chains.join(';'), rungLabels, posterLabel: 'poster', storyboardLabel: 'storyboard' };
}

function compose(input: string, ladder: Ladder, output: string): string[] {
  const { width: w, height: h } = ladder.canvas;
  switch (ladder.fit) {
    case 'fill':
      return [`${input},scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h},setsar=1[${output}]`];
    case 'blur_pad': {
      // The background is blurred at 1/8 size (cheap), then stretched back up: blur hides the loss.
      const bw = even(w / 8);
      const bh = even(h / 8);
      return [
        `${input},split=2[bgsrc][fgsrc]`,
        `[bgsrc]scale=${bw}:${bh}:force_original_aspect_ratio=increase,crop=${bw}:${bh},` +
          `boxblur=lr=min(w\\,h)/8:lp=2,eq=brightness=-0.08:saturation=0.85,scale=${w}:${h},setsar=1[bg]`,
        `[fgsrc]scale=${w}:${h}:force_original_aspect_ratio=decrease:force_divisible_by=2,setsar=1[fg]`,
        `[bg][fg]overlay=x=(W-w)/2:y=(H-h)/2[${output}]`,
      ];
    }
    default: {
      const unknown: never = ladder.fit;
      throw new Error(`unknown fit ${String(unknown)}`);
    }
  }
}

/** Phone HDR (HLG or PQ, BT.2020) tone-mapped to SDR BT.709, which every player shows right. */
function toneMap(transfer: VideoProbe['hdrTransfer']): string[] {
  if (!transfer) return [];
  return [
    `zscale=tin=${transfer}:pin=bt2020:min=bt2020nc:t=linear:npl=100`,
    'format=gbrpf32le',
    'zscale=p=bt709',
    'tonemap=tonemap=hable:desat=0',
    'zscale=t=bt709:m=bt709:r=tv',
    'format=yuv420p',
  ];
}

/**
 * The text comes from a file with expansion off, so a display name is never parsed as filter
 * syntax or as drawtext's `%{…}` expressions; only the two paths need escaping. Top-left, clear of
 * the feed's right-hand action column and its bottom caption area.
 */
function drawWatermark(watermark: Watermark, canvas: { width: number; height: number }): string {
  const margin = Math.round(canvas.width * 0.045);
  const fontSize = Math.max(
    8,
    Math.min(Math.round(canvas.height * 0.024), fittingFontSize(watermark.text, canvas.width - 2 * margin)),
  );
  const shadow = Math.max(1, Math.round(fontSize / 16));
  return [
    `drawtext=fontfile=${escapeFilterValue(watermark.fontFile)}`,
    `textfile=${escapeFilterValue(watermark.textFile)}`,
    'expansion=none',
    'fontcolor=white@0.85',
    `fontsize=${fontSize}`,
    `x=${margin}`,
    `y=${Math.round(canvas.height * 0.06)}`,
    'shadowcolor=black@0.6',
    `shadowx=${shadow}`,
    `shadowy=${shadow}`,
  ].join(':');
}

// East Asian wide characters take a full em; other glyphs of a sans bold about 0.68 em.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** drawtext cannot shrink text to fit, so a long name gets a smaller size up front. */
export function fittingFontSize(text: string, maxWidth: number): number {
  let ems = 0;
  for (const char of text) ems += WIDE.test(char) ? 1 : 0.68;
  return ems === 0 ? maxWidth : Math.floor(maxWidth / ems);
}

function seconds(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
