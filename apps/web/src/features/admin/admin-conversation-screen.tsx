import { Link, useParams } from 'react-router';
import { useAdminConversationQuery } from '../../shared/queries/conversations/use-conversations-query';
import { formatAgo } from '../../shared/time/format';
import { ErrorState, Loading } from '../../shared/ui/states';

/** Admin: a reported conversation, its reports and messages (every page read is written to the audit log). */
export default function AdminConversationScreen() {
  const { conversationId = '' } = useParams();
  const query = useAdminConversationQuery(conversationId);
  if (query.isPending) return <Loading label="Loading the conversation" />;
  if (query.isError)
    return (
      <main id="main" className="page">
        <ErrorState error={query.error} title="This conversation cannot be read" onRetry={() => void query.refetch()} />
      </main>
    );
  const first = query.data.pages[0]!;
  const names = new Map(first.parties.map((p) => [p.id, p.displayName]));
  const messages = query.data.pages.flatMap((p) => p.messages.items).reverse();
  return (
    <main id="main" className="page">
      <Link to="/admin?tab=messages" className="subtle">
        ← Reported messages
      </Link>
      <h1>{first.parties.map((p) => p.displayName).join(' and ')}</h1>
      <p className="subtle">
        {first.subject.type === 'order' ? 'Order: ' : 'About '}
        {first.title} · this read is recorded in the audit log
      </p>
      <section className="stack" aria-label="Reports">
        <h2>Reports</h2>
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
          Load older messages
        </button>
      )}
      <ol className="list" aria-label="Messages">
        {messages.map((m) => (
          <li key={m.id} data-reported={first.reports.some((r) => r.messageId === m.id) || undefined}>
            <strong>{m.senderDeleted ? 'Deleted user' : (names.get(m.senderId) ?? 'Unknown')}</strong>{' '}
            <span className="message-text">{m.text}</span> <span className="subtle">{formatAgo(m.createdAt)}</span>
            {first.reports.some((r) => r.messageId === m.id) && <span className="chip">reported</span>}
          </li>
        ))}
      </ol>
    </main>
  );
}
