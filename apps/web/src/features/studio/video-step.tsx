import { useMediaQuery } from '../../shared/queries/studio/use-media-query';
import { ErrorState } from '../../shared/ui/states';
import { MediaStatus } from './media-status';
import type { StepProps } from './studio-steps';
import { UploadPanel } from './upload-panel';

/** Step 1: the hero video — upload, then live processing progress. */
export function VideoStep({ studio }: StepProps) {
  const { fields, draft, setFields, setUpload } = studio;
  const media = useMediaQuery(fields.heroMediaId);
  const replace = () => setFields({ heroMediaId: null });

  return (
    <div className="stack">
      <h2>Your video</h2>
      {!fields.heroMediaId ? (
        <UploadPanel
          interrupted={draft.upload}
          onProgress={setUpload}
          onUploaded={(mediaId) => setFields({ heroMediaId: mediaId })}
        />
      ) : (
        <>
          {media.data && <MediaStatus media={media.data} />}
          {media.isError && <ErrorState error={media.error} title="The video's status is not available" />}
          {media.data?.posterUrl && (
            <img className="studio-poster" src={media.data.posterUrl} alt="First frame of your video" />
          )}
          <button type="button" className="btn btn-ghost btn-small" onClick={replace}>
            Upload a different video
          </button>
        </>
      )}
    </div>
  );
}
