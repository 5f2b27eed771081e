import type Hls from 'hls.js';
import { useEffect, useRef, useState, type Ref } from 'react';
import { loadHls } from './load-hls';
import { playbackIdentity, withFreshToken } from './playback-url';
import { ProtectionOverlay } from './protection-overlay';
import './player.css';

/**
 * `active`: loading and playing; `preload`: attached and buffering, paused (the next item);
 * `idle`: attached but neither loading nor playing (the previous item).
 */
export type PlayerMode = 'active' | 'preload' | 'idle';

export interface VideoPlayerProps {
  src: string | null;
  poster?: string | null;
  mode: PlayerMode;
  muted: boolean;
  /** Accessible name of the video ("Video: Walnut bowl"). */
  label: string;
  sessionId: string | null;
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
}

function assignRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) (ref as { current: T | null }).current = value;
}

/**
 * A protected HLS player: hls.js (loaded lazily) or native HLS where the browser has it; no
 * native controls, no download, no context menu, and the session watermark on top.
 */
export function VideoPlayer(props: VideoPlayerProps) {
  const { src, poster, mode, muted, label, sessionId, fit = 'cover', loop = true, captions = false } = props;
  const video = useRef<HTMLVideoElement | null>(null);
  const hls = useRef<Hls | null>(null);
  const latestSrc = useRef(src);
  const callbacks = useRef(props);
  const [attached, setAttached] = useState(0);
  const [failed, setFailed] = useState(false);
  const [playing, setPlaying] = useState(false);
  const identity = playbackIdentity(src);

  useEffect(() => {
    latestSrc.current = src;
    callbacks.current = props;
  });

  // Attach once per video (not per token: a renewed URL only changes what later requests carry).
  useEffect(() => {
    const element = video.current;
    const source = latestSrc.current;
    if (!element || !source) return;
    let cancelled = false;
    setFailed(false);
    const useNative = element.canPlayType('application/vnd.apple.mpegurl') !== '' && !('MediaSource' in window);
    if (useNative) {
      element.src = source;
      setAttached((n) => n + 1);
    } else {
      void loadHls().then((HlsClass) => {
        if (cancelled) return;
        if (!HlsClass.isSupported()) {
          element.src = source;
          setAttached((n) => n + 1);
          return;
        }
        const instance = new HlsClass({
          autoStartLoad: false,
          capLevelToPlayerSize: true,
          maxBufferLength: 12,
          backBufferLength: 10,
          xhrSetup: (xhr, url) => {
            xhr.open('GET', withFreshToken(url, latestSrc.current), true);
          },
        });
        let expiredRetries = 0;
        instance.on(HlsClass.Events.ERROR, (_event, data) => {
          if (!data.fatal) return;
          const status = data.response?.code;
          if (
            data.type === HlsClass.ErrorTypes.NETWORK_ERROR &&
            (status === 403 || status === 401) &&
            expiredRetries < 3
          ) {
            expiredRetries += 1;
            callbacks.current.onExpired?.();
            // Give the fresh URL a moment to arrive, then pick up where loading stopped.
            setTimeout(() => instance.startLoad(), 1500);
          } else if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR) {
            setTimeout(() => instance.startLoad(), 2000);
          } else if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR) {
            instance.recoverMediaError();
          } else {
            setFailed(true);
          }
        });
        instance.on(HlsClass.Events.FRAG_LOADED, () => {
          expiredRetries = 0;
        });
        instance.on(HlsClass.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
          callbacks.current.onCaptionsAvailable?.(data.subtitleTracks.length > 0);
        });
        instance.loadSource(source);
        instance.attachMedia(element);
        hls.current = instance;
        setAttached((n) => n + 1);
      });
    }
    return () => {
      cancelled = true;
      hls.current?.destroy();
      hls.current = null;
      element.removeAttribute('src');
      element.load();
    };
  }, [identity]);

  // Loading and playing follow the mode.
  useEffect(() => {
    const element = video.current;
    if (!element || attached === 0) return;
    const instance = hls.current;
    if (mode === 'idle') {
      element.pause();
      instance?.stopLoad();
      return;
    }
    instance?.startLoad(-1);
    if (mode === 'preload') {
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
  }, [mode, attached]);

  useEffect(() => {
    if (video.current) video.current.muted = muted;
  }, [muted]);

  useEffect(() => {
    const instance = hls.current;
    if (instance) {
      instance.subtitleDisplay = captions;
      if (captions && instance.subtitleTrack < 0 && instance.subtitleTracks.length > 0) instance.subtitleTrack = 0;
    }
    const tracks = video.current?.textTracks;
    if (tracks && !instance) {
      for (let i = 0; i < tracks.length; i += 1) {
        const track = tracks[i];
        if (track) track.mode = captions && i === 0 ? 'showing' : 'hidden';
      }
    }
  }, [captions, attached]);

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
        onPlaying={() => setPlaying(true)}
        onEmptied={() => setPlaying(false)}
        onContextMenu={(e) => e.preventDefault()}
      />
      {poster && !playing && <img className="player-poster" src={poster} alt="" draggable={false} />}
      {failed && (
        <div className="player-status" role="status">
          This video cannot play right now.
        </div>
      )}
      <ProtectionOverlay sessionId={src ? sessionId : null} />
    </div>
  );
}
