import { useId, useRef } from 'react';
import { usePlayback } from '../../shared/player/playback-context';
import { VideoPlayer } from '../../shared/player/video-player';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { useSession } from '../../shared/session/use-session';
import { EmptyState } from '../../shared/ui/states';
import { ApplyEditsButton } from './apply-edits-button';
import type { StepProps } from './studio-steps';

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/** Step 2: choose where the video starts and ends, on a timeline over the video's length. */
export function TrimStep({ studio }: StepProps) {
  const id = useId();
  const session = useSession();
  const { muted } = usePlayback();
  const { fields, edits, setEdits } = studio;
  const media = useMediaQuery(fields.heroMediaId);
  const video = useRef<HTMLVideoElement | null>(null);
  const duration = media.data?.durationMs ?? 0;

  if (!fields.heroMediaId || media.data?.status !== 'ready' || !duration) {
    return <EmptyState title="Trim comes after processing">Upload a video and wait until it is ready.</EmptyState>;
  }
  const start = edits.trimStartMs ?? 0;
  const end = edits.trimEndMs ?? duration;
  const seek = (ms: number) => {
    if (video.current) video.current.currentTime = ms / 1000;
  };

  return (
    <div className="stack">
      <h2>Trim</h2>
      <div className="studio-preview-frame">
        <VideoPlayer
          src={media.data.playbackUrl ?? null}
          poster={media.data.posterUrl}
          mode="active"
          muted={muted}
          label="Your video"
          sessionId={session?.sessionId ?? null}
          fit="contain"
          videoRef={video}
          onExpired={() => void media.refetch()}
        />
      </div>
      <div className="trim-timeline" aria-hidden="true">
        <span
          className="trim-range"
          style={{ left: `${(start / duration) * 100}%`, right: `${100 - (end / duration) * 100}%` }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-start`}>Start at {seconds(start)} s</label>
        <input
          id={`${id}-start`}
          type="range"
          min={0}
          max={duration}
          step={100}
          value={start}
          aria-valuetext={`${seconds(start)} seconds`}
          onChange={(e) => {
            const value = Math.min(Number(e.target.value), end - 1000);
            setEdits({ trimStartMs: Math.max(0, value) });
            seek(value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>End at {seconds(end)} s</label>
        <input
          id={`${id}-end`}
          type="range"
          min={0}
          max={duration}
          step={100}
          value={end}
          aria-valuetext={`${seconds(end)} seconds`}
          onChange={(e) => {
            const value = Math.max(Number(e.target.value), start + 1000);
            setEdits({ trimEndMs: Math.min(duration, value) });
            seek(value);
          }}
        />
      </div>
      <p className="subtle">
        Keeps {seconds(end - start)} s of {seconds(duration)} s.
      </p>
      <ApplyEditsButton mediaId={fields.heroMediaId} edits={edits} />
    </div>
  );
}
