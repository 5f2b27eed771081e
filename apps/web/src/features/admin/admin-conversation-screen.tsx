import { Trans, useLingui } from '@lingui/react/macro';
import { Link, useParams } from 'react-router';
import { formatTag } from '../../shared/i18n/i18n';
import { useAdminConversationQuery } from '../../shared/queries/conversations/use-conversations-query';
import { formatAgo } from '../../shared/time/format';
import { ErrorState, Loading } from '../../shared/ui/states';

/** Admin: a reported conversation, its reports and messages (every page read is written to the audit log). */
export default function AdminConversationScreen() {
  const { conversationId = '' } = useParams();
  const query = useAdminConversationQuery(conversationId);
  const { t } = useLingui();
  if (query.isPending) return <Loading label={t`Loading the conversation`} />;
  if (query.isError)
    return (
      <main id="main" className="page">
        <ErrorState
          error={query.error}
          title={t`This conversation cannot be read`}
          onRetry={() => void query.refetch()}
        />
      </main>
    );
  const first = query.data.pages[0]!;
  const names = new Map(first.parties.map((p) => [p.id, p.displayName]));
  const messages = query.data.pages.flatMap((p) => p.messages.items).reverse();
  const parties = new Intl.ListFormat(formatTag(), { type: 'conjunction' }).format(
    first.parties.map((p) => p.displayName),
  );
  const title = first.title;
  return (
    <main id="main" className="page">
      <Link to="/admin?tab=messages" className="subtle">
        <Trans>← Reported messages</Trans>
      </Link>
      <h1>{parties}</h1>
      <p className="subtle">
        {first.subject.type === 'order'
          ? t`Order: ${title} · this read is recorded in the audit log`
          : t`About ${title} · this read is recorded in the audit log`}
      </p>
      <section className="stack" aria-label={t`Reports`}>
        <h2>
          <Trans>Reports</Trans>
        </h2>
        <ul className="list">
          {first.reports.map((r) => (
            <li key={r.id}>
              {r.reason} <span className="subtle">({formatAgo(r.createdAt)})</span>
            </li>
          ))}
        </ul>
      </section>
      {query.hasNextPage && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => void query.fetchNextPage()}>
          <Trans>Load older messages</Trans>
        </button>
      )}
      <ol className="list" aria-label={t`Messages`}>
        {messages.map((m) => (
          <li key={m.id} data-reported={first.reports.some((r) => r.messageId === m.id) || undefined}>
            <strong>{m.senderDeleted ? t`Deleted user` : (names.get(m.senderId) ?? t`Unknown`)}</strong>{' '}
            <span className="message-text">{m.text}</span> <span className="subtle">{formatAgo(m.createdAt)}</span>
            {first.reports.some((r) => r.messageId === m.id) && (
              <span className="chip">{t({ message: 'reported', context: 'message' })}</span>
            )}
          </li>
        ))}
      </ol>
    </main>
  );
}
