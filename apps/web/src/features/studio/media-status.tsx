import type { MediaItem } from '../../shared/api/types';
import { ProgressBar } from '../../shared/ui/progress-bar';

/** Where the pipeline is with a video: processing (live percent), ready, or failed with the reason. */
export function MediaStatus({ media }: { media: MediaItem }) {
  if (media.status === 'failed') {
    return (
      <div role="alert" className="alert alert-error">
        <div className="stack">
          <strong>This video could not be used</strong>
          <p>{media.error?.message ?? 'Processing failed.'}</p>
        </div>
      </div>
    );
  }
  if (media.status === 'ready') {
    return (
      <div className="stack">
        <p className="alert alert-success" role="status">
          Your video is ready{media.durationMs ? ` (${Math.round(media.durationMs / 1000)} s)` : ''}.
        </p>
        {media.edit?.status === 'processing' && (
          <div className="stack">
            <span className="subtle">Applying your edits… the previous version plays meanwhile.</span>
            <ProgressBar value={media.edit.progress} label="Applying edits" />
          </div>
        )}
        {media.edit?.status === 'failed' && (
          <p role="alert" className="field-error">
            Your edits could not be applied: {media.edit.error?.message ?? 'processing failed'}.
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="row-between">
        <span>{media.status === 'uploading' ? 'Finishing the upload…' : 'Preparing your video…'}</span>
        <span className="subtle" aria-hidden="true">
          {media.progress}%
        </span>
      </div>
      <ProgressBar value={media.progress} label="Processing the video" />
      <span className="subtle">
        We check it, make it stream well on every phone and add your watermark. You can fill in the details meanwhile.
      </span>
    </div>
  );
}
