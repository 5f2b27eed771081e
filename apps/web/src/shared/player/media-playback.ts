import type { PlaybackFailure } from './playback-failure';

/**
 * `active`: loading and playing; `preload`: attached and buffering, paused (the next item);
 * `idle`: attached, keeping what it buffered but loading nothing more (the previous item).
 */
export type PlayerMode = 'active' | 'preload' | 'idle';

/** One video's stream, attached to a media element: hls.js, or the browser's own HLS. */
export interface MediaPlayback {
  /** Loading follows the mode; playing and pausing the element stays with the caller. */
  setMode(mode: PlayerMode): void;
  setCaptions(on: boolean): void;
  destroy(): void;
}

export interface PlaybackCallbacks {
  /** The latest playback URL: a renewed one replaces the token of every request still to come. */
  source(): string | null;
  /** The signed URL stopped working: fetch a fresh one (the playback picks it up). */
  onExpired(): void;
  /** The video cannot play; nothing more is tried until the viewer asks for it. */
  onFailed(failure: PlaybackFailure): void;
  onCaptionsAvailable(available: boolean): void;
}
