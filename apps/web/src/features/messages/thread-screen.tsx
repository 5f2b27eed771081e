import { Trans, useLingui } from '@lingui/react/macro';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { messageOf } from '../../shared/api/api-error';
import { formatTag } from '../../shared/i18n/i18n';
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
  const { t } = useLingui();

  // Reading the thread marks it read, again whenever a message arrives while it is open.
  const { mutate: markReadNow } = markRead;
  useEffect(() => {
    if (newest !== undefined || unread > 0) markReadNow();
  }, [newest, unread, markReadNow]);

  if (conversation.isPending) return <Loading label={t`Loading the conversation`} />;
  if (conversation.isError)
    return (
      <main id="main" className="page">
        <ErrorState
          error={conversation.error}
          title={t`This conversation could not load`}
          onRetry={() => void conversation.refetch()}
        />
      </main>
    );
  const c = conversation.data;
  const name = c.otherParty.displayName;
  const title = c.title;
  const subjectLink = c.subject.type === 'order' ? `/orders/${c.subject.id}` : `/stories/${c.storyId}`;

  return (
    <main id="main" className="page thread">
      <div className="page-header">
        <div className="stack">
          <h1>{c.otherParty.displayName}</h1>
          <Link to={subjectLink} className="subtle">
            {c.subject.type === 'order' ? t`Order: ${title}` : t`About ${title}`}
          </Link>
        </div>
        {!c.otherParty.deleted && (
          <BlockButton userId={c.otherParty.id} blocked={c.blocked} name={c.otherParty.displayName} />
        )}
      </div>
      {c.blocked && (
        <p className="alert alert-info" role="status">
          <Trans>You blocked {name}: their messages are hidden and they cannot message you.</Trans>
        </p>
      )}
      {thread.hasNextPage && (
        <button
          type="button"
          className="btn btn-ghost btn-small"
          onClick={() => void thread.fetchNextPage()}
          disabled={thread.isFetchingNextPage}
        >
          {thread.isFetchingNextPage ? t`Loading…` : t`Load older messages`}
        </button>
      )}
      {thread.isError && (
        <ErrorState error={thread.error} title={t`Messages could not load`} onRetry={() => void thread.refetch()} />
      )}
      <ol className="thread-messages" aria-label={t`Messages`} aria-live="polite">
        {messages.map((m) => (
          <MessageItem key={m.id} message={m} mine={m.senderId === viewer.userId} />
        ))}
      </ol>
      {c.otherParty.deleted ? (
        <p className="subtle">
          <Trans>This account was deleted; it cannot receive messages.</Trans>
        </p>
      ) : c.blockedByOther ? (
        <p className="subtle">
          <Trans>You cannot message {name}.</Trans>
        </p>
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
  const { t } = useLingui();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (reason.trim()) report.mutate({ messageId: message.id, reason: reason.trim() });
  };
  return (
    <li className="message" data-mine={mine || undefined}>
      {message.senderDeleted ? (
        <em className="subtle">
          <Trans>Deleted user</Trans>
        </em>
      ) : (
        <MessageText text={message.text} linksAllowed={message.linksAllowed} />
      )}
      <span className="subtle message-time">{formatAgo(message.createdAt)}</span>
      {!mine && !message.senderDeleted && !reporting && !report.isSuccess && (
        <button type="button" className="btn btn-ghost btn-small" onClick={() => setReporting(true)}>
          <Trans>Report</Trans>
        </button>
      )}
      {report.isSuccess && (
        <span role="status" className="subtle">
          <Trans>Reported — the moderators will look at it.</Trans>
        </span>
      )}
      {reporting && !report.isSuccess && (
        <form className="row" onSubmit={submit} aria-label={t`Report this message`}>
          <input
            className="input"
            aria-label={t`Why are you reporting this message?`}
            placeholder={t`What is wrong?`}
            value={reason}
            maxLength={1000}
            onChange={(e) => setReason(e.target.value)}
          />
          <button type="submit" className="btn btn-danger btn-small" disabled={!reason.trim() || report.isPending}>
            <Trans>Send report</Trans>
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
  const { t } = useLingui();
  const length = [...text].length;
  // Counts with the viewer's digit grouping ("2,000" in en, "2.000" in de).
  const number = new Intl.NumberFormat(formatTag());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim() || length > MAX_LENGTH) return;
    send.mutate(text, { onSuccess: () => setText('') });
  };
  return (
    <form className="stack composer" onSubmit={submit} aria-label={t`Write a message`}>
      <label htmlFor={`${id}-text`} className="visually-hidden">
        <Trans>Message</Trans>
      </label>
      <textarea
        id={`${id}-text`}
        className="textarea"
        value={text}
        placeholder={t`Write a message`}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-count`}
      />
      <div className="row">
        <span id={`${id}-count`} className={length > MAX_LENGTH ? 'field-error' : 'subtle'}>
          {number.format(length)} / {number.format(MAX_LENGTH)}
        </span>
        <button
          type="submit"
          className="btn btn-primary"
          disabled={send.isPending || !text.trim() || length > MAX_LENGTH}
        >
          <Trans>Send</Trans>
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
