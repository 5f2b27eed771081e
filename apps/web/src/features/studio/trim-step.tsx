import { Trans, useLingui } from '@lingui/react/macro';
import { useId, useRef } from 'react';
import { usePlayback } from '../../shared/player/playback-context';
import { VideoPlayer } from '../../shared/player/video-player';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { useSession } from '../../shared/session/use-session';
import { EmptyState } from '../../shared/ui/states';
import { ApplyEditsButton } from './apply-edits-button';
import type { StepProps } from './studio-steps';
import { describeSeconds, formatSeconds } from './studio-text';

/** Step 2: choose where the video starts and ends, on a timeline over the video's length. */
export function TrimStep({ studio }: StepProps) {
  const { t } = useLingui();
  const id = useId();
  const session = useSession();
  const { muted } = usePlayback();
  const { fields, edits, setEdits } = studio;
  const media = useMediaQuery(fields.heroMediaId);
  const video = useRef<HTMLVideoElement | null>(null);
  const duration = media.data?.durationMs ?? 0;

  if (!fields.heroMediaId || media.data?.status !== 'ready' || !duration) {
    return (
      <EmptyState title={t`Trim comes after processing`}>
        <Trans>Upload a video and wait until it is ready.</Trans>
      </EmptyState>
    );
  }
  const start = edits.trimStartMs ?? 0;
  const end = edits.trimEndMs ?? duration;
  const startAt = formatSeconds(start);
  const endAt = formatSeconds(end);
  const kept = formatSeconds(end - start);
  const length = formatSeconds(duration);
  const seek = (ms: number) => {
    if (video.current) video.current.currentTime = ms / 1000;
  };

  return (
    <div className="stack">
      <h2>{t({ message: 'Trim', context: 'studio step' })}</h2>
      <div className="studio-preview-frame">
        <VideoPlayer
          src={media.data.playbackUrl ?? null}
          poster={media.data.posterUrl}
          mode="active"
          muted={muted}
          label={t`Your video`}
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
        <label htmlFor={`${id}-start`}>
          <Trans>Start at {startAt} s</Trans>
        </label>
        <input
          id={`${id}-start`}
          type="range"
          min={0}
          max={duration}
          step={100}
          value={start}
          aria-valuetext={describeSeconds(start)}
          onChange={(e) => {
            const value = Math.min(Number(e.target.value), end - 1000);
            setEdits({ trimStartMs: Math.max(0, value) });
            seek(value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>
          <Trans>End at {endAt} s</Trans>
        </label>
        <input
          id={`${id}-end`}
          type="range"
          min={0}
          max={duration}
          step={100}
          value={end}
          aria-valuetext={describeSeconds(end)}
          onChange={(e) => {
            const value = Math.max(Number(e.target.value), start + 1000);
            setEdits({ trimEndMs: Math.min(duration, value) });
            seek(value);
          }}
        />
      </div>
      <p className="subtle">
        <Trans>
          Keeps {kept} s of {length} s.
        </Trans>
      </p>
      <ApplyEditsButton mediaId={fields.heroMediaId} edits={edits} />
    </div>
  );
}
