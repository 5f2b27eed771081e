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
  if (media.kind === 'video' && media.playbackUrl) {
    return (
      <div className="story-media story-media-video">
        <VideoPlayer
          src={media.playbackUrl}
          poster={media.posterUrl}
          mode={playing ? 'active' : 'idle'}
          muted={muted}
          label={`Video: ${label}`}
          sessionId={playback.sessionId}
          storyId={playback.storyId}
          fit="contain"
          onExpired={playback.onExpired}
        />
        <button
          type="button"
          className="icon-btn story-media-play"
          aria-label={`${playing ? 'Pause' : 'Play'} ${label}`}
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
  if (story.gallery.length === 0) return null;
  const count = story.gallery.length;
  return (
    <section className="stack" aria-labelledby="story-gallery">
      <h2 id="story-gallery">Gallery</h2>
      <ol className="story-gallery" aria-label={`Gallery of ${story.title}`}>
        {story.gallery.map((media, index) => (
          <li key={media.mediaId} data-media-id={media.mediaId}>
            <StoryMedia media={media} label={`${story.title}, gallery ${index + 1} of ${count}`} {...playback} />
          </li>
        ))}
      </ol>
    </section>
  );
}
