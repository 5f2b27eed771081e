import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { useMessageReportsQuery } from '../../shared/queries/conversations/use-conversations-query';
import { formatAgo } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';

/** Reported messages, newest report first; each opens its conversation (the read is audited). */
export function MessageReports() {
  const reports = useMessageReportsQuery();
  const items = reports.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useLingui();
  if (reports.isPending) return <Loading label={t`Loading reported messages`} />;
  if (reports.isError)
    return (
      <ErrorState error={reports.error} title={t`Reports could not load`} onRetry={() => void reports.refetch()} />
    );
  if (items.length === 0) return <EmptyState title={t`No reported messages`} />;
  return (
    <div className="stack">
      <ul className="list" aria-label={t`Reported messages`}>
        {items.map((r) => (
          <li key={r.id} className="card stack">
            <strong>{r.reason}</strong>
            <span className="message-text">{t`“${{ quote: r.message.text }}”`}</span>
            <span className="subtle">{t`Reported ${{ ago: formatAgo(r.createdAt) }}`}</span>
            <Link className="btn btn-secondary btn-small" to={`/admin/conversations/${r.message.conversationId}`}>
              <Trans>Read the conversation (audited)</Trans>
            </Link>
          </li>
        ))}
      </ul>
      {reports.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void reports.fetchNextPage()}
          disabled={reports.isFetchingNextPage}
        >
          <Trans>Show more</Trans>
        </button>
      )}
    </div>
  );
}
