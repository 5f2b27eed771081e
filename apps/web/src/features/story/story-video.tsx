import { useLingui } from '@lingui/react/macro';
import { useEffect, useRef, useState } from 'react';
import { usePlayback } from '../../shared/player/playback-context';
import { VideoPlayer } from '../../shared/player/video-player';
import { Icon } from '../../shared/ui/icons';

const clock = (seconds: number) => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** The story's hero video with its own controls: play/pause, a scrubber, sound and captions. */
export function StoryVideo({
  storyId,
  src,
  poster,
  title,
  sessionId,
  onExpired,
}: {
  storyId: string;
  src: string | null;
  poster: string | null;
  title: string;
  sessionId: string | null;
  onExpired: () => void;
}) {
  const { muted, setMuted, captions, setCaptions } = usePlayback();
  const { t } = useLingui();
  const video = useRef<HTMLVideoElement | null>(null);
  const [paused, setPaused] = useState(false);
  const [time, setTime] = useState(0);
  const [duration, setDuration] = useState(0);
  const [hasCaptions, setHasCaptions] = useState(false);

  useEffect(() => {
    const element = video.current;
    if (!element) return;
    const sync = () => {
      setTime(element.currentTime);
      setDuration(Number.isFinite(element.duration) ? element.duration : 0);
      setPaused(element.paused);
    };
    const events = ['timeupdate', 'durationchange', 'play', 'pause', 'loadedmetadata'] as const;
    events.forEach((e) => element.addEventListener(e, sync));
    return () => events.forEach((e) => element.removeEventListener(e, sync));
  }, [src]);

  const togglePlay = () => {
    const element = video.current;
    if (!element) return;
    if (element.paused) void element.play().catch(() => undefined);
    else element.pause();
  };

  const position = clock(time);
  const length = clock(duration);

  return (
    <div className="story-video">
      <div className="story-video-frame">
        <VideoPlayer
          src={src}
          poster={poster}
          mode={paused ? 'preload' : 'active'}
          muted={muted}
          label={t`Video: ${title}`}
          sessionId={sessionId}
          storyId={storyId}
          trackViewing
          fit="contain"
          captions={captions}
          videoRef={video}
          onExpired={onExpired}
          onAutoplayBlocked={() => setMuted(true)}
          onCaptionsAvailable={setHasCaptions}
        />
      </div>
      <div className="scrubber" role="group" aria-label={t`Video controls`}>
        <button type="button" className="icon-btn" aria-label={paused ? t`Play` : t`Pause`} onClick={togglePlay}>
          <Icon name={paused ? 'play' : 'pause'} size={20} />
        </button>
        <span aria-hidden="true">{position}</span>
        <input
          type="range"
          min={0}
          max={duration || 0}
          step={0.1}
          value={Math.min(time, duration || 0)}
          aria-label={t`Seek`}
          aria-valuetext={t`${position} of ${length}`}
          disabled={!duration}
          onChange={(e) => {
            const element = video.current;
            if (element) element.currentTime = Number(e.target.value);
            setTime(Number(e.target.value));
          }}
        />
        <span aria-hidden="true">{length}</span>
        <button
          type="button"
          className="icon-btn"
          aria-label={muted ? t`Sound on` : t`Sound off`}
          aria-pressed={!muted}
          onClick={() => setMuted(!muted)}
        >
          <Icon name={muted ? 'soundOff' : 'soundOn'} size={20} />
        </button>
        {hasCaptions && (
          <button
            type="button"
            className="icon-btn"
            aria-label={t`Captions`}
            aria-pressed={captions}
            onClick={() => setCaptions(!captions)}
          >
            <Icon name="captions" size={20} />
          </button>
        )}
      </div>
    </div>
  );
}
