/** One HLS variant: a portrait frame size and its bitrate caps. */
export interface Rung {
  /** Also the rendition's folder name, e.g. `720p`. */
  name: string;
  width: number;
  height: number;
  /** Cap for the capped-CRF encode; the master playlist's BANDWIDTH derives from it. */
  videoMaxrateKbps: number;
  audioBitrateKbps: number;
}

/**
 * How the source fills the 9:16 canvas.
 * - `fill`: the source is (within 2 %) 9:16 already; scale and crop the sliver.
 * - `blur_pad`: anything else — landscape, square, 4:5 — is shown whole, centred, over a blurred,
 *   darkened, zoomed copy of itself. Makers film their pieces; a centre crop of a landscape clip
 *   keeps only a third of its width and would often cut the piece itself out of frame, while black
 *   bars look broken in a full-screen vertical feed.
 */
export type FitMode = 'fill' | 'blur_pad';

export interface Ladder {
  /** The frame everything is composed on: the top rung's size. */
  canvas: { width: number; height: number };
  fit: FitMode;
  /** Largest first. */
  rungs: Rung[];
}

export const PORTRAIT_RUNGS: readonly Rung[] = [
  { name: '1080p', width: 1080, height: 1920, videoMaxrateKbps: 5000, audioBitrateKbps: 128 },
  { name: '720p', width: 720, height: 1280, videoMaxrateKbps: 2800, audioBitrateKbps: 128 },
  { name: '480p', width: 480, height: 854, videoMaxrateKbps: 1200, audioBitrateKbps: 96 },
];

const PORTRAIT_ASPECT = 9 / 16;
const FILL_TOLERANCE = 0.02;
const MIN_RUNG_KBPS = 250;

/**
 * Chooses the rungs for a source of the given displayed size: every standard rung whose width is
 * at or below the source's short side, so nothing is upscaled. A source smaller than the smallest
 * rung gets one rung of its own (short side as width, 9:16, even dimensions).
 */
export function chooseLadder(source: { width: number; height: number }): Ladder {
  const shortSide = Math.min(source.width, source.height);
  const aspect = source.width / source.height;
  const fit: FitMode = Math.abs(aspect - PORTRAIT_ASPECT) / PORTRAIT_ASPECT <= FILL_TOLERANCE ? 'fill' : 'blur_pad';

  let rungs = PORTRAIT_RUNGS.filter((rung) => rung.width <= shortSide);
  if (rungs.length === 0) rungs = [ownSizeRung(shortSide)];
  const top = rungs[0] as Rung;
  return { canvas: { width: top.width, height: top.height }, fit, rungs: [...rungs] };
}

function ownSizeRung(shortSide: number): Rung {
  const width = Math.max(2, even(shortSide));
  const height = even(width / PORTRAIT_ASPECT);
  const smallest = PORTRAIT_RUNGS[PORTRAIT_RUNGS.length - 1] as Rung;
  // Same bits per pixel as the smallest standard rung.
  const share = (width * height) / (smallest.width * smallest.height);
  return {
    name: `${width}p`,
    width,
    height,
    videoMaxrateKbps: Math.max(MIN_RUNG_KBPS, Math.round(smallest.videoMaxrateKbps * share)),
    audioBitrateKbps: smallest.audioBitrateKbps,
  };
}

/** Rounds down to an even number (H.264 4:2:0 needs even dimensions). */
export function even(value: number): number {
  return Math.max(2, Math.floor(value / 2) * 2);
}
