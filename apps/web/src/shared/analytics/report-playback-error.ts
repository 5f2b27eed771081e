import type { PlaybackFailure } from '../player/playback-failure';
import { sendAnalyticsEvents } from './analytics-events';

export interface PlaybackErrorReport {
  failure: PlaybackFailure;
  storyId?: string | null | undefined;
  mediaId: string | null;
  /** Where in the video it stopped, in seconds. */
  position: number;
}

/** Records that a video could not play (`playback_error`, with its cause) for the dashboards. */
export function reportPlaybackError(report: PlaybackErrorReport): Promise<void> {
  const { failure, storyId, mediaId } = report;
  if (!storyId && !mediaId) return Promise.resolve();
  return sendAnalyticsEvents([
    {
      type: 'playback_error',
      cause: failure.cause,
      ...(storyId ? { storyId } : {}),
      ...(mediaId ? { mediaId } : {}),
      positionMs: Math.max(0, Math.round(report.position * 1000)),
    },
  ]);
}
