import { Trans, useLingui } from '@lingui/react/macro';
import type { MediaItem } from '../../shared/api/types';
import { ProgressBar } from '../../shared/ui/progress-bar';
import { formatPercent, mediaProblem } from './studio-text';

/** Where the pipeline is with a video: processing (live percent), ready, or failed with the reason. */
export function MediaStatus({ media }: { media: MediaItem }) {
  const { t } = useLingui();
  if (media.status === 'failed') {
    return (
      <div role="alert" className="alert alert-error">
        <div className="stack">
          <strong>
            <Trans>This video could not be used</Trans>
          </strong>
          <p>{mediaProblem(media.error)}</p>
        </div>
      </div>
    );
  }
  if (media.status === 'ready') {
    const seconds = media.durationMs ? Math.round(media.durationMs / 1000) : null;
    const editProblem = media.edit?.status === 'failed' ? mediaProblem(media.edit.error) : null;
    return (
      <div className="stack">
        <p className="alert alert-success" role="status">
          {seconds ? t`Your video is ready (${seconds} s).` : t`Your video is ready.`}
        </p>
        {media.edit?.status === 'processing' && (
          <div className="stack">
            <span className="subtle">
              <Trans>Applying your edits… the previous version plays meanwhile.</Trans>
            </span>
            <ProgressBar value={media.edit.progress} label={t`Applying edits`} />
          </div>
        )}
        {editProblem !== null && (
          <p role="alert" className="field-error">
            {t`Your edits could not be applied: ${editProblem}`}
          </p>
        )}
      </div>
    );
  }
  return (
    <div className="stack">
      <div className="row-between">
        <span>{media.status === 'uploading' ? t`Finishing the upload…` : t`Preparing your video…`}</span>
        <span className="subtle" aria-hidden="true">
          {formatPercent(media.progress)}
        </span>
      </div>
      <ProgressBar value={media.progress} label={t`Processing the video`} />
      <span className="subtle">
        <Trans>
          We check it, make it stream well on every phone and add your watermark. You can fill in the details meanwhile.
        </Trans>
      </span>
    </div>
  );
}
