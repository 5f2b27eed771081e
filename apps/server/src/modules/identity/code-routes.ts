import { z } from 'zod';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { authTag, signInLimit, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';
import { startOneTimeCode } from './start-one-time-code';
import { verifyOneTimeCode } from './verify-one-time-code';

/** Sign-in by a one-time code sent by email or SMS. */
export function codeRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  app.post(
    '/v1/auth/email/start',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description:
          'Emails a six-digit sign-in code to the address, to send back to `POST /v1/auth/email/verify`. On a demo deployment the code lands in the development mailbox.',
        examples: { request: { email: 'you@example.com' }, response: { status: 'sent' } },
        summary: 'Send a sign-in code by email',
        body: z.object({ email: s.emailInput }),
        response: { 202: s.accepted, ...errorResponses },
      },
    },
    async (req, reply) => {
      await startOneTimeCode(deps, { channel: 'email', destination: req.body.email, ip: req.ip });
      return reply.status(202).send({ status: 'sent' as const });
    },
  );

  app.post(
    '/v1/auth/email/verify',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description:
          'Exchanges the emailed code for an access token and a refresh token; an account with TOTP enabled answers an `mfaToken` for `POST /v1/auth/totp/verify` instead.',
        examples: { request: { email: 'you@example.com', code: '123456' } },
        summary: 'Sign in with an email code',
        body: z.object({ email: s.emailInput, code: s.otpCode }),
        response: { 200: s.signInResult, ...errorResponses },
      },
    },
    async (req) => verifyOneTimeCode(deps, { channel: 'email', destination: req.body.email, code: req.body.code }),
  );

  app.post(
    '/v1/auth/sms/start',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description: 'Texts a six-digit sign-in code to the number, to send back to `POST /v1/auth/sms/verify`.',
        examples: { request: { phone: '+14155550123' }, response: { status: 'sent' } },
        summary: 'Send a sign-in code by SMS',
        body: z.object({ phone: z.string().max(32) }),
        response: { 202: s.accepted, ...errorResponses },
      },
    },
    async (req, reply) => {
      await startOneTimeCode(deps, { channel: 'sms', destination: req.body.phone, ip: req.ip });
      return reply.status(202).send({ status: 'sent' as const });
    },
  );

  app.post(
    '/v1/auth/sms/verify',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description:
          'Exchanges the texted code for an access token and a refresh token; an account with TOTP enabled answers an `mfaToken` for the second step instead.',
        examples: { request: { phone: '+14155550123', code: '123456' } },
        summary: 'Sign in with an SMS code',
        body: z.object({ phone: z.string().max(32), code: s.otpCode }),
        response: { 200: s.signInResult, ...errorResponses },
      },
    },
    async (req) => verifyOneTimeCode(deps, { channel: 'sms', destination: req.body.phone, code: req.body.code }),
  );
}
