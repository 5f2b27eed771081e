import { Trans, useLingui } from '@lingui/react/macro';
import { messageOf } from '../../shared/api/api-error';
import { useMediaEditsMutation } from '../../shared/queries/studio/use-media-edits-mutation';
import type { DraftEdits } from './studio-draft';

/** Sends the trim and captions to the pipeline (the current version keeps playing until done). */
export function ApplyEditsButton({ mediaId, edits }: { mediaId: string; edits: DraftEdits }) {
  const { t } = useLingui();
  const apply = useMediaEditsMutation();
  const send = () =>
    apply.mutate({
      mediaId,
      edits: {
        ...(edits.trimStartMs !== null ? { trimStartMs: edits.trimStartMs } : {}),
        ...(edits.trimEndMs !== null ? { trimEndMs: edits.trimEndMs } : {}),
        captions: edits.captions.filter((c) => c.text.trim() && c.endMs > c.startMs),
      },
    });
  return (
    <div className="stack">
      <button type="button" className="btn btn-primary" onClick={send} disabled={apply.isPending}>
        {apply.isPending ? t`Sending…` : t`Apply trim and captions`}
      </button>
      {apply.isSuccess && (
        <p role="status" className="subtle">
          <Trans>Applying your edits. Progress shows on the Video step.</Trans>
        </p>
      )}
      {apply.isError && (
        <p role="alert" className="field-error">
          {messageOf(apply.error)}
        </p>
      )}
    </div>
  );
}
