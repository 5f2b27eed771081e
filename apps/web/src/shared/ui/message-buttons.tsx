import { Trans } from '@lingui/react/macro';
import { useNavigate } from 'react-router';
import { messageOf } from '../api/api-error';
import { useBlockMutation, useStartConversationMutation } from '../queries/conversations/use-conversation-mutations';
import { useBlocksQuery } from '../queries/conversations/use-conversations-query';

/** Opens the conversation about a story with its maker ("Ask the maker") or about an order with its other party. */
export function MessageButton({
  subject,
  label,
}: {
  subject: { storyId: string } | { orderId: string };
  label: string;
}) {
  const navigate = useNavigate();
  const start = useStartConversationMutation();
  return (
    <div className="stack">
      <button
        type="button"
        className="btn btn-secondary"
        disabled={start.isPending}
        onClick={() =>
          start.mutate(subject, { onSuccess: (answer) => void navigate(`/messages/${answer.conversation.id}`) })
        }
      >
        {label}
      </button>
      {start.isError && (
        <p role="alert" className="field-error">
          {messageOf(start.error)}
        </p>
      )}
    </div>
  );
}

/** Blocks or unblocks a user: a blocked user cannot message me, offer or bid on my stories, and I no longer see their messages. */
export function BlockButton({ userId, blocked, name }: { userId: string; blocked: boolean; name: string }) {
  const block = useBlockMutation();
  return (
    <>
      <button
        type="button"
        className="btn btn-ghost btn-small"
        disabled={block.isPending}
        onClick={() => block.mutate({ userId, block: !blocked })}
      >
        {blocked ? <Trans>Unblock {name}</Trans> : <Trans>Block {name}</Trans>}
      </button>
      {block.isError && (
        <p role="alert" className="field-error">
          {messageOf(block.error)}
        </p>
      )}
    </>
  );
}

/** Block or unblock a user seen outside a conversation (a maker's page): whether they are blocked comes from my list. */
export function UserBlockButton({ userId, name }: { userId: string; name: string }) {
  const blocks = useBlocksQuery();
  if (!blocks.isSuccess) return null;
  return <BlockButton userId={userId} name={name} blocked={blocks.data.items.some((b) => b.user.id === userId)} />;
}
