import { z } from 'zod';
import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { refreshSession } from './refresh-session';
import { authTag, secured, signInLimit, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';
import { signOut } from './sign-out';
import { signOutEverywhere } from './sign-out-everywhere';

/** Sessions: refresh-token rotation and signing out. */
export function sessionRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  const { guard } = deps;

  app.post(
    '/v1/auth/refresh',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description:
          'Exchanges a refresh token for a new access token and a new refresh token; the old one stops working, and presenting it again ends the session (a stolen token is detected).',
        examples: { request: { refreshToken: 'rt_4f9a2c7e1b3d5f7a9c1e3b5d7f9a2c4e' } },
        summary: 'Rotate the refresh token',
        body: z.object({ refreshToken: z.string().min(1).max(200) }),
        response: { 200: s.tokenPair, ...errorResponses },
      },
    },
    async (req) => refreshSession(deps, req.body.refreshToken),
  );

  app.post(
    '/v1/auth/sign-out',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description: 'Ends the session of the access token: its refresh token stops working at once.',
        summary: 'Sign out of this session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await signOut(deps, callerOf(req).sessionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/auth/sign-out-everywhere',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description: 'Ends every session of the account, on every device.',
        summary: 'Sign out of every session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await signOutEverywhere(deps, callerOf(req).userId);
      return reply.status(204).send(null);
    },
  );
}
