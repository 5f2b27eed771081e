import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import type { MediaView, Story } from '../../shared/api/types';
import { usePlayback } from '../../shared/player/playback-context';
import { VideoPlayer } from '../../shared/player/video-player';
import { Icon } from '../../shared/ui/icons';

export interface MediaPlaybackProps {
  storyId: string;
  sessionId: string | null;
  /** A signed URL expired: fetch the story again for fresh ones. */
  onExpired: () => void;
}

/** One image or video of a story's gallery or process; a video plays when the viewer asks. */
export function StoryMedia({ media, label, ...playback }: MediaPlaybackProps & { media: MediaView; label: string }) {
  const { muted } = usePlayback();
  const [playing, setPlaying] = useState(false);
  const { t } = useLingui();
  if (media.kind === 'video' && media.playbackUrl) {
    return (
      <div className="story-media story-media-video">
        <VideoPlayer
          src={media.playbackUrl}
          poster={media.posterUrl}
          mode={playing ? 'active' : 'idle'}
          muted={muted}
          label={t`Video: ${label}`}
          sessionId={playback.sessionId}
          storyId={playback.storyId}
          fit="contain"
          onExpired={playback.onExpired}
        />
        <button
          type="button"
          className="icon-btn story-media-play"
          aria-label={playing ? t`Pause ${label}` : t`Play ${label}`}
          onClick={() => setPlaying(!playing)}
        >
          <Icon name={playing ? 'pause' : 'play'} size={20} />
        </button>
      </div>
    );
  }
  if (!media.posterUrl) return null;
  return <img className="story-media story-media-image" src={media.posterUrl} alt={label} loading="lazy" />;
}

/** The story's gallery, in the maker's order. */
export function StoryGallery({ story, ...playback }: MediaPlaybackProps & { story: Story }) {
  const { t } = useLingui();
  if (story.gallery.length === 0) return null;
  const count = story.gallery.length;
  const title = story.title;
  return (
    <section className="stack" aria-labelledby="story-gallery">
      <h2 id="story-gallery">
        <Trans>Gallery</Trans>
      </h2>
      <ol className="story-gallery" aria-label={t`Gallery of ${title}`}>
        {story.gallery.map((media, index) => {
          const position = index + 1;
          return (
            <li key={media.mediaId} data-media-id={media.mediaId}>
              <StoryMedia media={media} label={t`${title}, gallery ${position} of ${count}`} {...playback} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
