import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { reinstateUser } from './reinstate-user';
import { secured, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';
import { suspendUser } from './suspend-user';

/** Admin: suspending and reinstating accounts. */
export function adminUserRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  for (const action of ['suspend', 'reinstate'] as const) {
    app.post(
      `/v1/admin/users/:id/${action}`,
      {
        preHandler: deps.guard.requireRole('admin'),
        schema: {
          tags: ['admin'],
          security: secured,
          description:
            action === 'suspend'
              ? 'Suspends the account: every session is revoked and every call it makes is refused until it is reinstated. Recorded in the audit log.'
              : 'Lifts a suspension: the account may sign in again. Recorded in the audit log.',
          examples: { request: { reason: 'Repeated unpaid wins' } },
          summary: `Admin: ${action} a user`,
          params: s.userIdParam,
          body: s.adminReason,
          response: { 200: s.publicUser, ...errorResponses },
        },
      },
      async (req) => {
        const run = action === 'suspend' ? suspendUser : reinstateUser;
        return run(deps, callerOf(req).userId, req.params.id, req.body?.reason);
      },
    );
  }
}
