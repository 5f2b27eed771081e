import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { useDeleteMediaMutation } from '../../shared/queries/studio/use-delete-media-mutation';
import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { ErrorState, FormError } from '../../shared/ui/states';
import { MediaStatus } from './media-status';
import type { StepProps } from './studio-steps';
import { UploadPanel } from './upload-panel';

/**
 * Step 1: the hero video — upload, then live processing progress. An upload the maker no longer
 * wants (one that failed, or one they are replacing) can be deleted with its files, asked twice;
 * not the video a published story is playing.
 */
export function VideoStep({ story, studio }: StepProps) {
  const { t } = useLingui();
  const { fields, draft, setFields, setUpload } = studio;
  const media = useMediaQuery(fields.heroMediaId);
  const remove = useDeleteMediaMutation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const replace = () => setFields({ heroMediaId: null });
  const heroId = fields.heroMediaId;
  const playing = story.status === 'published' && story.heroMediaId === heroId;

  return (
    <div className="stack">
      <h2>
        <Trans>Your video</Trans>
      </h2>
      {!heroId ? (
        <UploadPanel
          interrupted={draft.upload}
          onProgress={setUpload}
          onUploaded={(mediaId) => setFields({ heroMediaId: mediaId })}
        />
      ) : (
        <>
          {media.data && <MediaStatus media={media.data} />}
          {media.isError && <ErrorState error={media.error} title={t`The video's status is not available`} />}
          {media.data?.posterUrl && (
            <img className="studio-poster" src={media.data.posterUrl} alt={t`First frame of your video`} />
          )}
          <div className="row">
            <button type="button" className="btn btn-ghost btn-small" onClick={replace}>
              <Trans>Upload a different video</Trans>
            </button>
            {!playing && !confirmDelete && (
              <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirmDelete(true)}>
                <Trans>Delete this video</Trans>
              </button>
            )}
          </div>
          {confirmDelete && (
            <div className="alert alert-error stack" role="alert">
              <p>
                <Trans>Delete this upload and its files for good?</Trans>
              </p>
              <div className="row">
                <button
                  type="button"
                  className="btn btn-danger btn-small"
                  disabled={remove.isPending}
                  onClick={() =>
                    remove.mutate(heroId, {
                      onSuccess: () => {
                        setConfirmDelete(false);
                        replace();
                      },
                    })
                  }
                >
                  <Trans>Delete for good</Trans>
                </button>
                <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirmDelete(false)}>
                  <Trans>Keep it</Trans>
                </button>
              </div>
            </div>
          )}
          <FormError error={remove.error} />
        </>
      )}
    </div>
  );
}
