import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState, type Ref } from 'react';
import { trackEvent } from '../analytics/analytics-events';
import { reportPlaybackError } from '../analytics/report-playback-error';
import { trackWatching } from '../analytics/watch-tracking';
import { startHlsPlayback } from './hls-playback';
import { loadHls } from './load-hls';
import type { MediaPlayback, PlaybackCallbacks, PlayerMode } from './media-playback';
import { startNativePlayback } from './native-playback';
import type { PlaybackFailure, PlaybackFailureCause } from './playback-failure';
import { mediaIdOf, playbackIdentity } from './playback-url';
import { ProtectionOverlay } from './protection-overlay';
import './player.css';

export type { PlayerMode } from './media-playback';

export interface VideoPlayerProps {
  src: string | null;
  poster?: string | null;
  mode: PlayerMode;
  muted: boolean;
  /** Accessible name of the video ("Video: Walnut bowl"). */
  label: string;
  sessionId: string | null;
  /** The story the video belongs to, named when a playback failure is reported. */
  storyId?: string | null;
  fit?: 'cover' | 'contain';
  loop?: boolean;
  /** Show captions when the video has them. */
  captions?: boolean;
  videoRef?: Ref<HTMLVideoElement>;
  /** The signed URL stopped working (token expired): fetch a fresh one; playback resumes with it. */
  onExpired?: () => void;
  /** The browser refused to autoplay with sound: the caller should mute. */
  onAutoplayBlocked?: () => void;
  onCaptionsAvailable?: (available: boolean) => void;
  /** Frames are on screen (first frame, or again after a stall). */
  onPlaying?: () => void;
  /** Report plays and watch-throughs of this story's video (viewers' screens, not the studio's previews). */
  trackViewing?: boolean;
}

const FAILURE_TEXT: Record<PlaybackFailureCause, MessageDescriptor> = {
  token_refused: msg`This video is not available to you right now.`,
  not_found: msg`Part of this video is missing.`,
  network: msg`The video stopped loading. Check your connection.`,
  media: msg`This video could not be decoded.`,
  unsupported: msg`This browser cannot play this video.`,
  other: msg`Something went wrong while playing this video.`,
};

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * A protected HLS player: hls.js (loaded lazily) or native HLS where the browser has it; no
 * native controls, no download, no context menu, and the session watermark on top. A failure it
 * cannot recover from is shown on the video with a retry, and reported.
 */
export function VideoPlayer(props: VideoPlayerProps) {
  const { src, poster, mode, muted, label, sessionId, fit = 'cover', loop = true, captions = false } = props;
  const { i18n } = useLingui();
  const video = useRef<HTMLVideoElement | null>(null);
  const playback = useRef<MediaPlayback | null>(null);
  const latestSrc = useRef(src);
  const callbacks = useRef(props);
  const [attached, setAttached] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const [failure, setFailure] = useState<PlaybackFailure | null>(null);
  const [playing, setPlaying] = useState(false);
  const identity = playbackIdentity(src);

  useEffect(() => {
    latestSrc.current = src;
    callbacks.current = props;
  });

  // Attach once per video and attempt (not per token: a renewed URL only changes what later requests carry).
  useEffect(() => {
    const element = video.current;
    if (!element || !latestSrc.current) return;
    let cancelled = false;
    setFailure(null);
    const events: PlaybackCallbacks = {
      source: () => latestSrc.current,
      onExpired: () => callbacks.current.onExpired?.(),
      onCaptionsAvailable: (available) => callbacks.current.onCaptionsAvailable?.(available),
      onFailed: (failed) => {
        if (cancelled) return;
        setFailure(failed);
        void reportPlaybackError({
          failure: failed,
          storyId: callbacks.current.storyId,
          mediaId: mediaIdOf(latestSrc.current),
          position: element.currentTime,
        });
      },
    };
    const attach = (started: MediaPlayback) => {
      playback.current = started;
      setAttached((n) => n + 1);
    };
    const useNative = element.canPlayType('application/vnd.apple.mpegurl') !== '' && !('MediaSource' in window);
    if (useNative) {
      attach(startNativePlayback(element, events));
    } else {
      void loadHls().then((HlsClass) => {
        if (cancelled) return;
        attach(
          HlsClass.isSupported() ? startHlsPlayback(HlsClass, element, events) : startNativePlayback(element, events),
        );
      });
    }
    return () => {
      cancelled = true;
      playback.current?.destroy();
      playback.current = null;
      element.removeAttribute('src');
      element.load();
    };
  }, [identity, attempt]);

  const { storyId, trackViewing = false } = props;
  useEffect(() => {
    const element = video.current;
    if (!trackViewing || !storyId || !element || !latestSrc.current) return;
    return trackWatching(element, { storyId, mediaId: mediaIdOf(latestSrc.current) }, trackEvent);
  }, [identity, attempt, storyId, trackViewing]);

  // Loading follows the mode; the element plays only while active and not failed.
  useEffect(() => {
    const element = video.current;
    if (!element || attached === 0) return;
    playback.current?.setMode(failure ? 'idle' : mode);
    if (mode !== 'active' || failure) {
      element.pause();
      return;
    }
    element.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !element.muted) {
        element.muted = true;
        callbacks.current.onAutoplayBlocked?.();
        void element.play().catch(() => undefined);
      }
    });
  }, [mode, attached, failure]);

  useEffect(() => {
    if (video.current) video.current.muted = muted;
  }, [muted]);

  useEffect(() => {
    playback.current?.setCaptions(captions);
  }, [captions, attached]);

  const retry = () => {
    // A refused token may be renewed by now; ask for a fresh one anyway before starting over.
    if (failure?.cause === 'token_refused') callbacks.current.onExpired?.();
    setFailure(null);
    setAttempt((n) => n + 1);
  };

  return (
    <div className="player" data-fit={fit} onContextMenu={(e) => e.preventDefault()}>
      <video
        ref={(element) => {
          video.current = element;
          assignRef(props.videoRef, element);
        }}
        aria-label={label}
        playsInline
        muted={muted}
        loop={loop}
        preload={mode === 'idle' ? 'metadata' : 'auto'}
        controlsList="nodownload noremoteplayback noplaybackrate"
        disablePictureInPicture
        disableRemotePlayback
        onPlaying={() => {
          setPlaying(true);
          callbacks.current.onPlaying?.();
        }}
        onEmptied={() => setPlaying(false)}
        onContextMenu={(e) => e.preventDefault()}
      />
      {poster && !playing && <img className="player-poster" src={poster} alt="" draggable={false} />}
      {failure && (
        <div className="player-failure" role="alert">
          <p>
            <strong>
              <Trans>This video cannot play right now.</Trans>
            </strong>{' '}
            {i18n._(FAILURE_TEXT[failure.cause])}
          </p>
          <button type="button" className="btn btn-secondary" onClick={retry}>
            <Trans>Retry</Trans>
          </button>
        </div>
      )}
      <ProtectionOverlay sessionId={src ? sessionId : null} />
    </div>
  );
}
