import { DomainError } from '../../platform/errors';
import type { ConversationsDeps } from './deps';
import { findMessage, findSide, insertReport } from './repo';

/**
 * A party of a conversation reports a message in it (not one of their own). Reporting it again
 * answers the first report. Admins may then read the whole conversation.
 */
export async function reportMessage(
  deps: ConversationsDeps,
  input: { reporterId: string; messageId: string; reason: string },
): Promise<{ report: { id: string; messageId: string; createdAt: string }; created: boolean }> {
  const message = await findMessage(deps.db, input.messageId);
  const side = message ? await findSide(deps.db, message.conversationId, input.reporterId) : null;
  if (!message || !side) throw new DomainError('message_not_found', 'No such message in your conversations');
  if (message.senderId === input.reporterId)
    throw new DomainError('cannot_report_self', 'You cannot report your own message');
  const now = deps.clock.now();
  const { id, created } = await insertReport(deps.db, {
    messageId: message.id,
    conversationId: message.conversationId,
    reporterId: input.reporterId,
    reason: input.reason,
    createdAt: now,
  });
  return { report: { id, messageId: message.id, createdAt: now.toISOString() }, created };
}
