import { z } from 'zod';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { authTag, signInLimit, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';
import { startOneTimeCode } from './start-one-time-code';
import { verifyOneTimeCode } from './verify-one-time-code';

/** The language to write the code in (and to give an account the code creates). */
const codeLocale = s.localeInput
  .optional()
  .describe(
    'the language to write the code in, and to give the account if this code creates it: en, pt, es, fr or de; without it, the existing account’s language, else the request’s Accept-Language, else English',
  );

/** Sign-in by a one-time code sent by email or SMS. */
export function codeRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  app.post(
    '/v1/auth/email/start',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description:
          'Emails a six-digit sign-in code to the address, to send back to `POST /v1/auth/email/verify`, written in `locale` (else the account’s language, else the Accept-Language, else English). On a demo deployment the code lands in the development mailbox.',
        examples: { request: { email: 'you@example.com', locale: 'pt' }, response: { status: 'sent' } },
        summary: 'Send a sign-in code by email',
        body: z.object({ email: s.emailInput, locale: codeLocale }),
        response: { 202: s.accepted, ...errorResponses },
      },
    },
    async (req, reply) => {
      await startOneTimeCode(deps, {
        channel: 'email',
        destination: req.body.email,
        ip: req.ip,
        locale: req.body.locale,
        acceptLanguage: req.headers['accept-language'],
      });
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
        description:
          'Texts a six-digit sign-in code to the number, to send back to `POST /v1/auth/sms/verify`, written in `locale` (else the account’s language, else the Accept-Language, else English).',
        examples: { request: { phone: '+14155550123', locale: 'en' }, response: { status: 'sent' } },
        summary: 'Send a sign-in code by SMS',
        body: z.object({ phone: z.string().max(32), locale: codeLocale }),
        response: { 202: s.accepted, ...errorResponses },
      },
    },
    async (req, reply) => {
      await startOneTimeCode(deps, {
        channel: 'sms',
        destination: req.body.phone,
        ip: req.ip,
        locale: req.body.locale,
        acceptLanguage: req.headers['accept-language'],
      });
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
