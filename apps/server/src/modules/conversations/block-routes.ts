import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { listBlocks, setBlock } from './block-user';
import type { ConversationsDeps } from './deps';
import * as s from './schemas';

const secured = [{ bearer: [] }];
const tags = ['conversations'];

/** Blocking and unblocking users, and the caller's list of blocked users. */
export function blockRoutes(app: HttpApp, deps: ConversationsDeps): void {
  const { guard } = deps.identity;

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method,
      url: '/v1/users/:id/block',
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description:
          method === 'PUT'
            ? 'Blocks a user: they can no longer message the caller, make offers on or bid on the caller’s stories, and their messages are hidden from the caller. Blocking twice changes nothing.'
            : 'Lifts a block; unblocking a user not blocked changes nothing.',
        examples: { response: { blocked: true } },
        summary:
          method === 'PUT'
            ? 'Block a user: they cannot message you, offer or bid on your stories, and their messages are hidden from you (idempotent)'
            : 'Unblock a user (idempotent)',
        params: s.idParam,
        response: { 200: s.blockState, ...errorResponses },
      },
      handler: async (req) => setBlock(deps, callerOf(req).userId, req.params.id, method === 'PUT'),
    });
  }

  app.get(
    '/v1/me/blocks',
    {
      preHandler: guard.requireUser,
      schema: {
        tags,
        security: secured,
        description: 'The users the caller blocked, most recently blocked first.',
        summary: 'The users the caller blocked, most recent first',
        response: { 200: s.blockList, ...errorResponses },
      },
    },
    async (req) => listBlocks(deps, callerOf(req).userId),
  );
}
