import { z } from 'zod';
import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { confirmTotp } from './confirm-totp';
import { regenerateRecoveryCodes } from './regenerate-recovery-codes';
import { enrolTotp } from './enrol-totp';
import { authTag, secured, signInLimit, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';
import { verifyTotpSignIn } from './verify-totp-sign-in';

/** Two-step sign-in: the TOTP step of a sign-in, and enrolment. */
export function totpRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  const { guard } = deps;

  app.post(
    '/v1/auth/totp/verify',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        examples: { request: { mfaToken: 'mfa_7d1e9c3b5a', code: '123456' } },
        summary: 'Second sign-in step: the TOTP code, or one of the account’s recovery codes',
        description:
          'Send `code` (6 digits) or `recoveryCode` (single use), not both. A wrong one of either counts against the sign-in step: `invalid_code`, `invalid_recovery_code` (also for one already used).',
        body: z.union([
          z.object({ mfaToken: z.string().max(200), code: s.otpCode }).strict(),
          z.object({ mfaToken: z.string().max(200), recoveryCode: s.recoveryCode }).strict(),
        ]),
        response: { 200: s.tokenPair.extend({ user: s.publicUser }), ...errorResponses },
      },
    },
    async (req) => verifyTotpSignIn(deps, req.body),
  );

  app.post(
    '/v1/auth/totp/enroll',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description:
          'Creates a new TOTP secret for the signed-in account and answers it with an `otpauth://` URL for an authenticator app; it takes effect once confirmed with a code.',
        summary: 'Start TOTP enrolment',
        response: { 200: z.object({ secret: z.string(), otpauthUrl: z.string() }), ...errorResponses },
      },
    },
    async (req) => enrolTotp(deps, callerOf(req).userId),
  );

  app.post(
    '/v1/auth/totp/confirm',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description:
          'Confirms the enrolment with a current code from the authenticator app; from then on sign-in asks for a code, and actions that move money (payout onboarding, accepting a bid) need it.',
        examples: { request: { code: '123456' } },
        summary: 'Finish TOTP enrolment; answers the account’s recovery codes, shown this once',
        body: z.object({ code: s.otpCode }),
        response: { 200: s.recoveryCodes, ...errorResponses },
      },
    },
    async (req) => confirmTotp(deps, callerOf(req).userId, req.body.code),
  );

  app.post(
    '/v1/auth/totp/recovery-codes',
    {
      preHandler: guard.requireUser,
      config: signInLimit,
      schema: {
        tags: authTag,
        security: secured,
        description:
          'Replaces the recovery codes with a new set, shown once; each code signs in once when the authenticator is lost.',
        examples: { request: { code: '123456' } },
        summary: 'New recovery codes (the old ones stop working); needs a current TOTP code',
        body: z.object({ code: s.otpCode }),
        response: { 200: s.recoveryCodes, ...errorResponses },
      },
    },
    async (req) => regenerateRecoveryCodes(deps, callerOf(req).userId, req.body.code),
  );
}
