import { recordAudit } from '../../platform/audit';
import { DomainError } from '../../platform/errors';
import { decodeCursor, pageOf } from '../../platform/keyset-cursor';
import type { ConversationsDeps } from './deps';
import { presentMessage, presentParty } from './present';
import { findConversation, isReported, listReports, reportsOfConversation } from './repo';
import { threadPage } from './read-thread';
import type { z } from 'zod';
import type { adminConversation, adminReportPage } from './schemas';

/** Reported messages, newest report first: the admin's way into reported conversations. */
export async function listMessageReports(
  deps: ConversationsDeps,
  query: { cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof adminReportPage>> {
  const rows = await listReports(deps.db, query.cursor ? decodeCursor(query.cursor) : null, query.limit);
  const page = pageOf(rows, query.limit, (r) => ({ at: r.report.createdAt, id: r.report.id }));
  const accounts = await deps.identity.accountsOf(page.items.map((r) => r.message.senderId));
  const now = deps.clock.now();
  return {
    items: page.items.map((r) => ({
      id: r.report.id,
      reason: r.report.reason,
      createdAt: r.report.createdAt.toISOString(),
      reporterId: r.report.reporterId,
      message: presentMessage(r.message, accounts, now),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * An admin reads a conversation, only once one of its messages was reported; every read (every
 * page) is written to the audit log in the same transaction as the read.
 */
export async function adminReadConversation(
  deps: ConversationsDeps,
  input: { adminId: string; conversationId: string; cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof adminConversation>> {
  const conversation = await findConversation(deps.db, input.conversationId);
  if (!conversation) throw new DomainError('conversation_not_found', 'No such conversation');
  if (!(await isReported(deps.db, conversation.id)))
    throw new DomainError('conversation_not_reported', 'Only a conversation with a reported message can be read');
  const [reports, messages, accounts, story] = await Promise.all([
    reportsOfConversation(deps.db, conversation.id),
    threadPage(deps, conversation.id, null, input),
    deps.identity.accountsOf([conversation.userA, conversation.userB]),
    deps.stories.storyTerms(conversation.storyId),
  ]);
  await deps.db.transaction((tx) =>
    recordAudit(tx, {
      actorId: input.adminId,
      action: 'read_conversation',
      targetType: 'conversation',
      targetId: conversation.id,
      details: { reports: reports.length, page: input.cursor ?? null },
    }),
  );
  return {
    id: conversation.id,
    subject: { type: conversation.subjectType, id: conversation.subjectId },
    title: story?.title ?? '',
    parties: [presentParty(conversation.userA, accounts), presentParty(conversation.userB, accounts)],
    reports: reports.map((r) => ({
      id: r.id,
      messageId: r.messageId,
      reason: r.reason,
      createdAt: r.createdAt.toISOString(),
      reporterId: r.reporterId,
    })),
    messages,
  };
}
