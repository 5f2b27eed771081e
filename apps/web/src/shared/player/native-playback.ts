import type { MediaPlayback, PlaybackCallbacks } from './media-playback';
import { MAX_TOKEN_REFUSALS, type PlaybackFailureCause } from './playback-failure';

const RENEWAL_WAIT_MS = 1500;

function causeOf(error: MediaError | null): PlaybackFailureCause {
  switch (error?.code ?? 0) {
    case 2: // MEDIA_ERR_NETWORK
      return 'network';
    case 3: // MEDIA_ERR_DECODE
      return 'media';
    case 4: // MEDIA_ERR_SRC_NOT_SUPPORTED
      return 'unsupported';
    default:
      return 'other';
  }
}

/**
 * The browser's own HLS (Safari on iPhone). It does not say which request failed or why, so an
 * expired token looks like any other failure: a fresh URL is tried first, then the viewer is told.
 */
export function startNativePlayback(element: HTMLVideoElement, callbacks: PlaybackCallbacks): MediaPlayback {
  let refusals = 0;
  let failed = false;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const load = () => {
    const source = callbacks.source();
    if (source) element.src = source;
  };

  const onError = () => {
    if (failed) return;
    refusals += 1;
    if (refusals < MAX_TOKEN_REFUSALS) {
      callbacks.onExpired();
      const timer = setTimeout(() => {
        timers.delete(timer);
        const at = element.currentTime;
        const wasPlaying = !element.paused;
        load();
        element.currentTime = at;
        if (wasPlaying) void element.play().catch(() => undefined);
      }, RENEWAL_WAIT_MS);
      timers.add(timer);
      return;
    }
    failed = true;
    callbacks.onFailed({ cause: causeOf(element.error), detail: `mediaElementError${element.error?.code ?? 0}` });
  };
  const onPlaying = () => {
    refusals = 0;
  };
  element.addEventListener('error', onError);
  element.addEventListener('playing', onPlaying);
  load();

  return {
    setMode(mode) {
      element.preload = mode === 'idle' ? 'metadata' : 'auto';
    },
    setCaptions(on) {
      const tracks = element.textTracks;
      for (let i = 0; i < tracks.length; i += 1) {
        const track = tracks[i];
        if (track) track.mode = on && i === 0 ? 'showing' : 'hidden';
      }
    },
    destroy() {
      timers.forEach(clearTimeout);
      element.removeEventListener('error', onError);
      element.removeEventListener('playing', onPlaying);
    },
  };
}
