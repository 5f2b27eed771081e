import type Hls from 'hls.js';
import type { MediaPlayback, PlaybackCallbacks, PlayerMode } from './media-playback';
import { isManifestError, NO_RECOVERIES_SPENT, recoveryFor, type PlayerError } from './playback-failure';
import { absoluteUrl, withFreshToken } from './playback-url';

/** Seconds of video kept ahead and behind: a feed item is short and the next one preloads too. */
const AHEAD_SECONDS = 12;
const BEHIND_SECONDS = 10;
/** How long a fresh playback URL takes to arrive after `onExpired`. */
const RENEWAL_WAIT_MS = 1500;

/**
 * hls.js on `element`. Loading is started by hand (`autoStartLoad: false`) so a preloaded item
 * and a passed one do not compete with the one on screen, and it starts only once the master
 * playlist is parsed: hls.js keeps a start asked for earlier only until the next `stopLoad()`,
 * and `stopLoad()` also abandons a master playlist still loading, which is never asked for again.
 * So an item that goes idle pauses buffering instead of stopping, and recoveries that need the
 * master playlist load the source again.
 */
export function startHlsPlayback(
  HlsClass: typeof Hls,
  element: HTMLVideoElement,
  callbacks: PlaybackCallbacks,
): MediaPlayback {
  const requestUrl = (url: string): string => {
    try {
      return withFreshToken(url, callbacks.source());
    } catch {
      return url;
    }
  };
  const hls = new HlsClass({
    autoStartLoad: false,
    capLevelToPlayerSize: true,
    maxBufferLength: AHEAD_SECONDS,
    backBufferLength: BEHIND_SECONDS,
    xhrSetup: (xhr, url) => {
      xhr.open('GET', requestUrl(url), true);
    },
  });
  let mode: PlayerMode = 'idle';
  let parsed = false;
  let loading = false;
  let failed = false;
  let spent = NO_RECOVERIES_SPENT;
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const apply = () => {
    if (!parsed || failed) return;
    if (mode === 'idle') {
      if (loading) hls.pauseBuffering();
    } else if (loading) {
      hls.resumeBuffering();
    } else {
      loading = true;
      hls.startLoad(-1);
    }
  };

  const loadSource = () => {
    const source = callbacks.source();
    if (!source) return;
    parsed = false;
    loading = false;
    hls.loadSource(absoluteUrl(source));
  };

  const reload = (error: PlayerError) => {
    if (isManifestError(error)) {
      loadSource();
    } else {
      // A fatal error has stopped loading; starting again resumes from the current position.
      loading = false;
      apply();
    }
  };

  const later = (delayMs: number, task: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      task();
    }, delayMs);
    timers.add(timer);
  };

  hls.on(HlsClass.Events.MANIFEST_PARSED, () => {
    parsed = true;
    apply();
  });
  hls.on(HlsClass.Events.FRAG_LOADED, () => {
    spent = { ...spent, tokenRefusals: 0, networkRetries: 0, missingSegments: 0 };
  });
  hls.on(HlsClass.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
    callbacks.onCaptionsAvailable(data.subtitleTracks.length > 0);
  });
  hls.on(HlsClass.Events.ERROR, (_event, data) => {
    if (failed) return;
    const error: PlayerError = {
      fatal: data.fatal,
      type: data.type,
      details: data.details,
      status: data.response?.code,
    };
    const next = recoveryFor(error, spent, hls.levels.length);
    spent = next.spent;
    const { step } = next;
    switch (step.kind) {
      case 'ignore':
        return;
      case 'renew-token':
        callbacks.onExpired();
        later(RENEWAL_WAIT_MS, () => reload(error));
        return;
      case 'reload':
        later(step.delayMs, () => reload(error));
        return;
      case 'recover-media':
        if (step.swapAudioCodec) hls.swapAudioCodec();
        hls.recoverMediaError();
        return;
      case 'fail':
        failed = true;
        hls.stopLoad();
        callbacks.onFailed(step.failure);
        return;
    }
  });

  loadSource();
  hls.attachMedia(element);

  return {
    setMode(next) {
      mode = next;
      apply();
    },
    setCaptions(on) {
      hls.subtitleDisplay = on;
      if (on && hls.subtitleTrack < 0 && hls.subtitleTracks.length > 0) hls.subtitleTrack = 0;
    },
    destroy() {
      timers.forEach(clearTimeout);
      timers.clear();
      hls.destroy();
    },
  };
}
