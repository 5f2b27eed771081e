import { even } from './ladder.js';
import { formatVttTimestamp } from './webvtt-time.js';

/** What the transcode extracts: one thumbnail every `intervalSeconds`, of this size. */
export interface StoryboardPlan {
  intervalSeconds: number;
  /** Thumbnails the clip yields (one at 0, interval, 2×interval, … before the end). */
  count: number;
  thumbWidth: number;
  thumbHeight: number;
}

/** How the thumbnails sit in the sprite, row by row. */
export interface StoryboardLayout extends StoryboardPlan {
  columns: number;
  rows: number;
}

const MAX_THUMBNAILS = 100;
const MAX_COLUMNS = 10;
const THUMB_WIDTH = 144;

/** Plans the thumbnails for a clip; the interval grows for long clips so the sprite stays bounded. */
export function planStoryboard(
  durationSeconds: number,
  canvas: { width: number; height: number },
  preferredIntervalSeconds = 2,
): StoryboardPlan {
  const intervalSeconds = Math.max(preferredIntervalSeconds, Math.ceil(durationSeconds / MAX_THUMBNAILS));
  const thumbWidth = Math.min(THUMB_WIDTH, canvas.width);
  return {
    intervalSeconds,
    count: Math.max(1, Math.ceil(durationSeconds / intervalSeconds - 1e-6)),
    thumbWidth,
    thumbHeight: even((thumbWidth * canvas.height) / canvas.width),
  };
}

/** Lays out the thumbnails actually extracted (never more than planned). */
export function layoutStoryboard(plan: StoryboardPlan, extracted: number): StoryboardLayout {
  const count = Math.max(1, Math.min(plan.count, extracted));
  const columns = Math.min(count, MAX_COLUMNS);
  return { ...plan, count, columns, rows: Math.ceil(count / columns) };
}

/** The WebVTT index players use to show the thumbnail for a hovered time. */
export function buildStoryboardVtt(layout: StoryboardLayout, durationSeconds: number, imageUri: string): string {
  const lines = ['WEBVTT', ''];
  for (let i = 0; i < layout.count; i++) {
    const startMs = Math.round(i * layout.intervalSeconds * 1000);
    const endMs = Math.round(Math.min((i + 1) * layout.intervalSeconds, durationSeconds) * 1000);
    if (endMs <= startMs) break;
    const x = (i % layout.columns) * layout.thumbWidth;
    const y = Math.floor(i / layout.columns) * layout.thumbHeight;
    lines.push(
      `${formatVttTimestamp(startMs)} --> ${formatVttTimestamp(endMs)}`,
      `${imageUri}#xywh=${x},${y},${layout.thumbWidth},${layout.thumbHeight}`,
      '',
    );
  }
  return lines.join('\n');
}
