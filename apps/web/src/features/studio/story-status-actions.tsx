import { Trans } from '@lingui/react/macro';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useDeleteStoryMutation } from '../../shared/queries/studio/use-delete-story-mutation';
import { useWithdrawStoryMutation } from '../../shared/queries/studio/use-withdraw-story-mutation';
import { FormError } from '../../shared/ui/states';

/**
 * What a maker can do with a story besides editing it: take a published one off sale (back to a
 * draft), archive it, or delete it for good (asked twice). The server refuses all three while an
 * auction or a buy-now is under way, and says so.
 */
export function StoryStatusActions({ storyId, status }: { storyId: string; status: string }) {
  const navigate = useNavigate();
  const withdraw = useWithdrawStoryMutation();
  const remove = useDeleteStoryMutation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const busy = withdraw.isPending || remove.isPending;

  return (
    <section className="stack" aria-labelledby="story-status-title">
      <h3 id="story-status-title">
        <Trans>This story</Trans>
      </h3>
      {status === 'published' && (
        <button
          type="button"
          className="btn btn-secondary"
          disabled={busy}
          onClick={() => withdraw.mutate({ storyId, action: 'unpublish' })}
        >
          <Trans>Take off sale (back to draft)</Trans>
        </button>
      )}
      {status !== 'archived' && (
        <button
          type="button"
          className="btn btn-ghost"
          disabled={busy}
          onClick={() => withdraw.mutate({ storyId, action: 'archive' })}
        >
          <Trans>Archive</Trans>
        </button>
      )}
      {confirmDelete ? (
        <div className="alert alert-error stack" role="alert">
          <p>
            <Trans>Delete this story and its videos for good?</Trans>
          </p>
          <div className="row">
            <button
              type="button"
              className="btn btn-danger btn-small"
              disabled={busy}
              onClick={() => remove.mutate(storyId, { onSuccess: () => void navigate('/studio', { replace: true }) })}
            >
              <Trans>Delete for good</Trans>
            </button>
            <button type="button" className="btn btn-ghost btn-small" onClick={() => setConfirmDelete(false)}>
              <Trans>Keep it</Trans>
            </button>
          </div>
        </div>
      ) : (
        <button type="button" className="btn btn-ghost" disabled={busy} onClick={() => setConfirmDelete(true)}>
          <Trans>Delete story</Trans>
        </button>
      )}
      <FormError error={withdraw.error ?? remove.error} />
    </section>
  );
}
