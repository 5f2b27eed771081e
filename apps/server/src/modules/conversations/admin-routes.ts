import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { adminReadConversation, listMessageReports } from './admin-read';
import type { ConversationsDeps } from './deps';
import * as s from './schemas';

const secured = [{ bearer: [] }];
const tags = ['admin'];

/** The admin's view of reported messages and their conversations (every read audited). */
export function adminConversationRoutes(app: HttpApp, deps: ConversationsDeps): void {
  const { guard } = deps.identity;

  app.get(
    '/v1/admin/message-reports',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags,
        security: secured,
        description:
          'Messages reported by the other party of their conversation, newest report first, with the reason.',
        summary: 'Admin: reported messages, newest report first',
        querystring: s.pageQuery,
        response: { 200: s.adminReportPage, ...errorResponses },
      },
    },
    async (req) => listMessageReports(deps, req.query),
  );

  app.get(
    '/v1/admin/conversations/:id',
    {
      preHandler: guard.requireRole('admin'),
      schema: {
        tags,
        security: secured,
        description:
          'Lets an admin read a conversation only when one of its messages was reported; each reading is recorded in the audit log.',
        summary: 'Admin: read a conversation with a reported message (audited); 404 for one without',
        params: s.idParam,
        querystring: s.pageQuery,
        response: { 200: s.adminConversation, ...errorResponses },
      },
    },
    async (req) =>
      adminReadConversation(deps, { adminId: callerOf(req).userId, conversationId: req.params.id, ...req.query }),
  );
}
