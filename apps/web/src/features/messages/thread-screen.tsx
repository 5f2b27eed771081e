import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import {
  useMarkConversationReadMutation,
  useReportMessageMutation,
  useSendMessageMutation,
} from '../../shared/queries/conversations/use-conversation-mutations';
import { useConversationQuery, useThreadQuery } from '../../shared/queries/conversations/use-conversations-query';
import type { Message } from '../../shared/queries/conversations/types';
import { useViewer } from '../../shared/session/use-viewer';
import { formatAgo } from '../../shared/time/format';
import { ErrorState, Loading } from '../../shared/ui/states';
import { BlockButton } from '../../shared/ui/message-buttons';
import { MessageText } from './message-text';
import './messages.css';

const MAX_LENGTH = 2000;

/** One conversation: older messages on demand, new ones live, a composer, block and report. */
export default function ThreadScreen() {
  const { conversationId = '' } = useParams();
  const viewer = useViewer();
  const conversation = useConversationQuery(conversationId);
  const thread = useThreadQuery(conversationId);
  const markRead = useMarkConversationReadMutation(conversationId);
  // Newest first from the server; shown oldest first, the newest at the bottom.
  const messages = (thread.data?.pages.flatMap((p) => p.items) ?? []).slice().reverse();
  const newest = messages.at(-1)?.id;
  const unread = conversation.data?.unreadCount ?? 0;

  // Reading the thread marks it read, again whenever a message arrives while it is open.
  const { mutate: markReadNow } = markRead;
  useEffect(() => {
    if (newest !== undefined || unread > 0) markReadNow();
  }, [newest, unread, markReadNow]);

  if (conversation.isPending) return <Loading label="Loading the conversation" />;
  if (conversation.isError)
    return (
      <main id="main" className="page">
        <ErrorState
          error={conversation.error}
          title="This conversation could not load"
          onRetry={() => void conversation.refetch()}
        />
      </main>
    );
  const c = conversation.data;
  const subjectLink = c.subject.type === 'order' ? `/orders/${c.subject.id}` : `/stories/${c.storyId}`;

  return (
    <main id="main" className="page thread">
      <div className="page-header">
        <div className="stack">
          <h1>{c.otherParty.displayName}</h1>
          <Link to={subjectLink} className="subtle">
            {c.subject.type === 'order' ? 'Order: ' : 'About '}
            {c.title}
          </Link>
        </div>
        {!c.otherParty.deleted && (
          <BlockButton userId={c.otherParty.id} blocked={c.blocked} name={c.otherParty.displayName} />
        )}
      </div>
      {c.blocked && (
        <p className="alert alert-info" role="status">
          You blocked {c.otherParty.displayName}: their messages are hidden and they cannot message you.
        </p>
      )}
      {thread.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => void thread.fetchNextPage()}
          disabled={thread.isFetchingNextPage}
        >
          {thread.isFetchingNextPage ? 'Loading…' : 'Load older messages'}
        </button>
      )}
      {thread.isError && (
        <ErrorState error={thread.error} title="Messages could not load" onRetry={() => void thread.refetch()} />
      )}
      <ol className="thread-messages" aria-label="Messages" aria-live="polite">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} mine={m.senderId === viewer.userId} />
        ))}
      </ol>
      {c.otherParty.deleted ? (
        <p className="subtle">This account was deleted; it cannot receive messages.</p>
      ) : c.blockedByOther ? (
        <p className="subtle">You cannot message {c.otherParty.displayName}.</p>
      ) : (
        <Composer conversationId={conversationId} />
      )}
    </main>
  );
}

function MessageItem({ message, mine }: { message: Message; mine: boolean }) {
  const [reporting, setReporting] = useState(false);
  const [reason, setReason] = useState('');
  const report = useReportMessageMutation();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) report.mutate({ messageId: message.id, reason: reason.trim() });
  };
  return (
    <li className="message" data-mine={mine || undefined}>
      {message.senderDeleted ? (
        <em className="subtle">Deleted user</em>
      ) : (
        <MessageText text={message.text} linksAllowed={message.linksAllowed} />
      )}
      <span className="subtle message-time">{formatAgo(message.createdAt)}</span>
      {!mine && !message.senderDeleted && !reporting && !report.isSuccess && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setReporting(true)}>
          Report
        </button>
      )}
      {report.isSuccess && (
        <span role="status" className="subtle">
          Reported — the moderators will look at it.
        </span>
      )}
      {reporting && !report.isSuccess && (
        <form className="row" onSubmit={submit} aria-label="Report this message">
          <input
            className="input"
            aria-label="Why are you reporting this message?"
            placeholder="What is wrong?"
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="btn btn-danger btn-small" disabled={!reason.trim() || report.isPending}>
            Send report
          </button>
          {report.isError && (
            <span role="alert" className="field-error">
              {messageOf(report.error)}
            </span>
          )}
        </form>
      )}
    </li>
  );
}

function Composer({ conversationId }: { conversationId: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const send = useSendMessageMutation(conversationId);
  const length = [...text].length;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || length > MAX_LENGTH) return;
    send.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <form className="stack composer" onSubmit={submit} aria-label="Write a message">
      <label htmlFor={`${id}-text`} className="visually-hidden">
        Message
      </label>
      <textarea
        id={`${id}-text`}
        className="textarea"
        value={text}
        placeholder="Write a message"
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-count`}
      />
      <div className="row">
        <span id={`${id}-count`} className={length > MAX_LENGTH ? 'field-error' : 'subtle'}>
          {length} / {MAX_LENGTH}
        </span>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={send.isPending || !text.trim() || length > MAX_LENGTH}
        >
          Send
        </button>
      </div>
      {send.isError && (
        <p role="alert" className="field-error">
          {messageOf(send.error)}
        </p>
      )}
    </form>
  );
}
