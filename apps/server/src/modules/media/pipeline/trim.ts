import { MediaRejection } from './media-rejection.js';

/** A maker's trim, in milliseconds of the source; either end may be left open. */
export interface TrimRequest {
  startMs?: number;
  endMs?: number;
}

export interface ResolvedTrim {
  startSeconds: number;
  endSeconds: number;
  durationSeconds: number;
  /** False when the trim keeps the whole source (no seeking needed). */
  trims: boolean;
}

export const MIN_TRIMMED_SECONDS = 1;

/** Checks a trim against the source duration; the end is clamped to the source's end. */
export function resolveTrim(trim: TrimRequest | undefined, sourceDurationSeconds: number): ResolvedTrim {
  if (trim?.startMs === undefined && trim?.endMs === undefined) {
    return { startSeconds: 0, endSeconds: sourceDurationSeconds, durationSeconds: sourceDurationSeconds, trims: false };
  }
  const startMs = trim?.startMs ?? 0;
  const sourceMs = Math.round(sourceDurationSeconds * 1000);
  const endMs = Math.min(trim?.endMs ?? sourceMs, sourceMs);
  const isMs = (n: number): boolean => Number.isSafeInteger(n) && n >= 0;
  if (!isMs(startMs) || !isMs(trim?.endMs ?? 0)) {
    throw new MediaRejection('trim_invalid', 'Trim points must be whole, non-negative milliseconds.', {
      startMs,
      endMs,
    });
  }
  if (startMs >= sourceMs) {
    throw new MediaRejection('trim_invalid', 'The trim starts after the end of the video.', { startMs, sourceMs });
  }
  if (endMs - startMs < MIN_TRIMMED_SECONDS * 1000) {
    throw new MediaRejection('trim_invalid', `A trimmed video must last at least ${MIN_TRIMMED_SECONDS} s.`, {
      startMs,
      endMs,
    });
  }
  return {
    startSeconds: startMs / 1000,
    endSeconds: endMs / 1000,
    durationSeconds: (endMs - startMs) / 1000,
    trims: startMs > 0 || endMs < sourceMs,
  };
}
