import { Plural, Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import { useBlocksQuery, useConversationsQuery } from '../../shared/queries/conversations/use-conversations-query';
import { formatAgo } from '../../shared/time/format';
import { EmptyState, ErrorState, Loading } from '../../shared/ui/states';
import { BlockButton } from '../../shared/ui/message-buttons';
import './messages.css';

/** My conversations, latest first, with unread counts; and the users I blocked. */
export default function MessagesScreen() {
  const list = useConversationsQuery();
  const blocks = useBlocksQuery();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const { t } = useLingui();
  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>
          <Trans>Messages</Trans>
        </h1>
      </div>
      {list.isPending && <Loading label={t`Loading conversations`} />}
      {list.isError && (
        <ErrorState error={list.error} title={t`Conversations could not load`} onRetry={() => void list.refetch()} />
      )}
      {list.isSuccess && items.length === 0 && (
        <EmptyState title={t`No conversations yet`}>
          <Trans>Ask a maker about a story, or message about an order.</Trans>
        </EmptyState>
      )}
      <ul className="list" aria-label={t`Conversations`}>
        {items.map((c) => {
          const { title, unreadCount } = c;
          return (
            <li key={c.id}>
              <Link className="conversation-row" to={`/messages/${c.id}`} data-unread={c.unreadCount > 0 || undefined}>
                <span className="stack conversation-text">
                  <strong>
                    {c.otherParty.displayName}
                    {c.unreadCount > 0 && <span className="nav-badge conversation-badge">{c.unreadCount}</span>}
                    {c.unreadCount > 0 && (
                      <span className="visually-hidden">
                        {' '}
                        <Plural value={unreadCount} one="(# unread)" other="(# unread)" />
                      </span>
                    )}
                  </strong>
                  <span className="subtle">{c.subject.type === 'order' ? t`Order: ${title}` : title}</span>
                  {c.lastMessage && (
                    <span className="muted conversation-preview">
                      {c.lastMessage.senderDeleted ? t`Message from a deleted user` : c.lastMessage.text}
                    </span>
                  )}
                </span>
                <span className="subtle">{formatAgo(c.lastActivityAt)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {list.hasNextPage && (
        <button
          type="button"
          className="btn btn-secondary"
          onClick={() => void list.fetchNextPage()}
          disabled={list.isFetchingNextPage}
        >
          {list.isFetchingNextPage ? t`Loading…` : t`Show more`}
        </button>
      )}
      {(blocks.data?.items.length ?? 0) > 0 && (
        <section className="stack" aria-label={t`Blocked users`}>
          <h2>
            <Trans>Blocked</Trans>
          </h2>
          <ul className="list">
            {blocks.data!.items.map((b) => (
              <li key={b.user.id} className="row">
                <span>{b.user.displayName}</span>
                <BlockButton userId={b.user.id} blocked name={b.user.displayName} />
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
