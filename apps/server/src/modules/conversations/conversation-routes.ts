import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { perUserLimit } from '../../platform/http/user-rate-limit';
import type { ConversationsDeps } from './deps';
import { listConversations } from './list-conversations';
import { markRead } from './mark-read';
import { getConversation, readThread } from './read-thread';
import { reportMessage } from './report-message';
import { MESSAGES_PER_SENDER_PER_MINUTE } from './rules';
import * as s from './schemas';
import { sendMessage } from './send-message';
import { startConversation } from './start-conversation';
import { totalUnread } from './repo';

const secured = [{ bearer: [] }];
const tags = ['conversations'];

/** Conversations between buyers and makers: opening one, reading and sending messages, reporting one. */
export function conversationRoutes(app: HttpApp, deps: ConversationsDeps): void {
  const { guard } = deps.identity;
  // Per sender, whatever address they send from (429 `rate_limited` with Retry-After).
  const perSender = perUserLimit(app, {
    name: 'messages',
    max: MESSAGES_PER_SENDER_PER_MINUTE,
    windowMs: 60_000,
    what: 'messages',
  });

  app.get(
    '/v1/conversations',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'The caller’s conversations, latest message first, each with the other party, the story or order it is about and the unread count.',
        summary: "The caller's conversations, latest activity first, with unread counts (keyset pages)",
        querystring: s.pageQuery,
        response: { 200: s.conversationPage, ...errorResponses },
      },
    },
    async (req) => listConversations(deps, callerOf(req).userId, req.query),
  );

  app.post(
    '/v1/conversations',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        examples: {
          request: { storyId: '6f1d3c2a-9b8e-4f7a-8c1d-2e3f4a5b6c7d', text: 'Hello! Could you ship to Canada?' },
        },
        summary: 'Open the conversation about a story (with its maker) or an order (with its other party)',
        description:
          '201 when the conversation is new, 200 with the existing one for the same pair and subject. With `text`, it is sent as a message. A user who blocked the caller answers 403 `blocked_by_user`.',
        body: s.startBody,
        response: { 200: s.startAnswer, 201: s.startAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const caller = callerOf(req);
      if (req.body.text !== undefined) await perSender(req);
      const { created, ...answer } = await startConversation(deps, { userId: caller.userId, ...req.body });
      return reply.status(created ? 201 : 200).send(answer);
    },
  );

  app.get(
    '/v1/conversations/unread-count',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'The number of unread messages over all the caller’s conversations.',
        examples: { response: { unreadCount: 3 } },
        summary: 'Unread messages over all the caller’s conversations (the tab bar badge)',
        response: { 200: s.unreadAnswer, ...errorResponses },
      },
    },
    async (req) => ({ unreadCount: await totalUnread(deps.db, callerOf(req).userId) }),
  );

  app.get(
    '/v1/conversations/:id',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'A conversation the caller takes part in, with the other party and what it is about; 404 for anyone else.',
        summary: 'One of the caller’s conversations',
        params: s.idParam,
        response: { 200: s.conversation, ...errorResponses },
      },
    },
    async (req) => getConversation(deps, callerOf(req).userId, req.params.id),
  );

  app.get(
    '/v1/conversations/:id/messages',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'The messages of a conversation the caller takes part in, newest first, in keyset pages.',
        summary: 'Messages of a conversation, newest first (pass nextCursor back as cursor for older ones)',
        params: s.idParam,
        querystring: s.pageQuery,
        response: { 200: s.messagePage, ...errorResponses },
      },
    },
    async (req) => readThread(deps, callerOf(req).userId, req.params.id, req.query),
  );

  app.post(
    '/v1/conversations/:id/messages',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'Adds a message to a conversation the caller takes part in; refused when the other party blocked the caller.',
        examples: { request: { text: 'Does the glaze hold up in a dishwasher?' } },
        summary: 'Send a message (plain text, 1–2,000 characters); the other party gets it live on user:<id>',
        params: s.idParam,
        body: s.sendBody,
        response: { 201: s.message, ...errorResponses },
      },
    },
    async (req, reply) => {
      await perSender(req);
      const sent = await sendMessage(deps, {
        senderId: callerOf(req).userId,
        conversationId: req.params.id,
        text: req.body.text,
      });
      return reply.status(201).send(sent);
    },
  );

  app.post(
    '/v1/conversations/:id/read',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          'Marks every message of the conversation read for the caller and answers what remains unread elsewhere.',
        examples: { response: { unreadCount: 0 } },
        summary: 'Mark a conversation read; answers the caller’s remaining unread count',
        params: s.idParam,
        response: { 200: s.unreadAnswer, ...errorResponses },
      },
    },
    async (req) => markRead(deps, callerOf(req).userId, req.params.id),
  );

  app.post(
    '/v1/messages/:id/report',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        examples: { request: { reason: 'Asks me to pay outside the app.' } },
        summary: 'Report a message of the other party; admins may then read the conversation',
        description: '201 with the new report; reporting the same message again answers 200 with the first one.',
        params: s.idParam,
        body: s.reportBody,
        response: { 200: s.reportAnswer, 201: s.reportAnswer, ...errorResponses },
      },
    },
    async (req, reply) => {
      const { report, created } = await reportMessage(deps, {
        reporterId: callerOf(req).userId,
        messageId: req.params.id,
        reason: req.body.reason,
      });
      return reply.status(created ? 201 : 200).send(report);
    },
  );
}
