import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useState } from 'react';
import { Link } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import { useReportsQuery } from '../../shared/queries/admin/use-reports-query';
import { useArchiveStoryMutation } from '../../shared/queries/admin/use-archive-story-mutation';
import { useResolveReportMutation } from '../../shared/queries/admin/use-resolve-report-mutation';
import { useUnpublishStoryMutation } from '../../shared/queries/admin/use-unpublish-story-mutation';
import { useUserStatusMutation } from '../../shared/queries/admin/use-user-status-mutation';
import { formatAgo } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';

type Report = NonNullable<ReturnType<typeof useReportsQuery>['data']>[number];

/** What a report is about, in a word. */
const TARGET_LABELS: Record<Report['targetType'], MessageDescriptor> = {
  story: msg({ message: 'story', context: 'report target' }),
  user: msg({ message: 'user', context: 'report target' }),
};

/** Where a report stands, in a word. */
const STATUS_LABELS: Record<Report['status'], MessageDescriptor> = {
  open: msg({ message: 'open', context: 'report status' }),
  actioned: msg({ message: 'actioned', context: 'report status' }),
  dismissed: msg({ message: 'dismissed', context: 'report status' }),
};

/**
 * Open reports, each with the action that fits its target: a story is unpublished (back to its
 * maker) or archived for good (asked twice); a user is suspended.
 */
export function ModerationQueue() {
  const [status, setStatus] = useState<'open' | 'all'>('open');
  const reports = useReportsQuery(status);
  const unpublish = useUnpublishStoryMutation();
  const suspend = useUserStatusMutation();
  const resolve = useResolveReportMutation();
  const archive = useArchiveStoryMutation();
  /** The report whose story is about to be archived (asked twice). */
  const [archiving, setArchiving] = useState<string | null>(null);
  const failed = unpublish.error ?? archive.error ?? suspend.error ?? resolve.error;
  const { i18n, t } = useLingui();
  return (
    <div className="stack">
      <label className="checkbox">
        <input
          type="checkbox"
          checked={status === 'all'}
          onChange={(e) => setStatus(e.target.checked ? 'all' : 'open')}
        />
        <Trans>Show resolved reports too</Trans>
      </label>
      {reports.isPending && <Loading label={t`Loading reports`} />}
      {reports.isError && (
        <ErrorState error={reports.error} title={t`Reports could not load`} onRetry={() => void reports.refetch()} />
      )}
      {reports.isSuccess && reports.data.length === 0 && <EmptyState title={t`The queue is empty`} />}
      {failed && (
        <p role="alert" className="field-error">
          {messageOf(failed)}
        </p>
      )}
      <ul className="list" aria-label={t`Reports`}>
        {reports.data?.map((r) => (
          <li key={r.id} className="card">
            <div className="row-between">
              <span className="chip">{i18n._(TARGET_LABELS[r.targetType])}</span>
              <span className="subtle">
                {i18n._(STATUS_LABELS[r.status])} · {formatAgo(r.createdAt)}
              </span>
            </div>
            <p>{r.reason}</p>
            <p className="subtle">{r.targetLabel ?? <span className="mono">{r.targetId}</span>}</p>
            <div className="row">
              {r.targetType === 'story' ? (
                <>
                  <Link className="btn btn-secondary btn-small" to={`/stories/${r.targetId}`}>
                    <Trans>Open story</Trans>
                  </Link>
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    disabled={unpublish.isPending}
                    onClick={() =>
                      unpublish.mutate(
                        { storyId: r.targetId, reason: `Report ${r.id}: ${r.reason}`.slice(0, 1000) },
                        { onSuccess: () => resolve.mutate({ reportId: r.id, outcome: 'actioned' }) },
                      )
                    }
                  >
                    <Trans>Unpublish story</Trans>
                  </button>
                  {archiving !== r.id && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-small"
                      disabled={archive.isPending}
                      onClick={() => setArchiving(r.id)}
                    >
                      <Trans>Archive story</Trans>
                    </button>
                  )}
                </>
              ) : (
                <>
                  <Link className="btn btn-secondary btn-small" to={`/makers/${r.targetId}`}>
                    <Trans>Open profile</Trans>
                  </Link>
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    disabled={suspend.isPending}
                    onClick={() =>
                      suspend.mutate(
                        { userId: r.targetId, action: 'suspend', reason: `Report ${r.id}` },
                        { onSuccess: () => resolve.mutate({ reportId: r.id, outcome: 'actioned' }) },
                      )
                    }
                  >
                    <Trans>Suspend user</Trans>
                  </button>
                </>
              )}
              {r.status === 'open' && (
                <button
                  type="button"
                  className="btn btn-ghost btn-small"
                  disabled={resolve.isPending}
                  onClick={() => resolve.mutate({ reportId: r.id, outcome: 'dismissed' })}
                >
                  <Trans>Dismiss</Trans>
                </button>
              )}
            </div>
            {archiving === r.id && (
              <div className="alert alert-error stack" role="alertdialog" aria-label={t`Archive this story`}>
                <p>
                  <Trans>Archive this story? It leaves the feed for good and its maker is told why.</Trans>
                </p>
                <div className="row">
                  <button
                    type="button"
                    className="btn btn-danger btn-small"
                    disabled={archive.isPending}
                    onClick={() =>
                      archive.mutate(
                        { storyId: r.targetId, reason: `Report ${r.id}: ${r.reason}`.slice(0, 1000) },
                        {
                          onSuccess: () => {
                            setArchiving(null);
                            resolve.mutate({ reportId: r.id, outcome: 'actioned' });
                          },
                        },
                      )
                    }
                  >
                    <Trans>Archive for good</Trans>
                  </button>
                  <button type="button" className="btn btn-ghost btn-small" onClick={() => setArchiving(null)}>
                    <Trans>Keep it</Trans>
                  </button>
                </div>
              </div>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
