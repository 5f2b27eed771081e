import type { AnalyticsEvent } from './analytics-queue';

/** Watched this far, the video counts as watched through (a looping video never fires `ended`). */
export const WATCH_THROUGH_SHARE = 0.95;
/** A looping video seen this far and then back at its start has been watched through. */
const LOOP_WRAP_SHARE = 0.75;

export interface WatchedVideo {
  storyId: string;
  mediaId: string | null;
}

const ms = (seconds: number) => Math.max(0, Math.min(86_400_000, Math.round(seconds * 1000)));

/**
 * Reports how one attached video is watched: a `play` when its frames first show, and one
 * `watch_through` when the viewer reaches its end (with how far and how long the video is).
 * Both at most once per attachment: a looping feed video is not counted again on every loop.
 * Returns the function that stops listening.
 */
export function trackWatching(
  element: HTMLVideoElement,
  video: WatchedVideo,
  track: (event: AnalyticsEvent) => void,
): () => void {
  const ids = { storyId: video.storyId, ...(video.mediaId ? { mediaId: video.mediaId } : {}) };
  let played = false;
  let watchedThrough = false;

  const onPlaying = () => {
    if (played) return;
    played = true;
    track({ type: 'play', ...ids, positionMs: ms(element.currentTime) });
  };
  let lastTime = 0;
  const onProgress = () => {
    const { duration, currentTime } = element;
    const before = lastTime;
    lastTime = currentTime;
    if (watchedThrough || !played) return;
    if (!Number.isFinite(duration) || duration <= 0) return;
    // Timeupdates come a few times a second: a short looping video may wrap to its start between
    // two of them without one landing near its end.
    const wrapped =
      element.loop &&
      before >= duration * LOOP_WRAP_SHARE &&
      currentTime < Math.min(1, duration * (1 - LOOP_WRAP_SHARE));
    if (currentTime < duration * WATCH_THROUGH_SHARE && !element.ended && !wrapped) return;
    watchedThrough = true;
    const position = wrapped ? duration : currentTime;
    track({ type: 'watch_through', ...ids, positionMs: ms(position), durationMs: ms(duration) });
  };

  element.addEventListener('playing', onPlaying);
  element.addEventListener('timeupdate', onProgress);
  element.addEventListener('ended', onProgress);
  return () => {
    element.removeEventListener('playing', onPlaying);
    element.removeEventListener('timeupdate', onProgress);
    element.removeEventListener('ended', onProgress);
  };
}
