import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { tooManyRequests } from '../../platform/errors';
import { callerOf, type AuthGuard } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { AppModule } from '../../platform/module';
import * as accounts from './accounts';
import type { FederatedSignIn } from './federated-sign-in';
import { startOneTimeCode, verifyOneTimeCode } from './one-time-codes';
import * as s from './schemas';
import type { SessionService } from './sessions';
import { JWKS_MAX_AGE_SECONDS, type SigningKeyStore } from './signing-keys';
import { confirmTotp, enrolTotp, verifyTotpSignIn } from './totp';
import type { IdentityDeps } from './deps';

const authTag = ['identity'];
/** Per-IP limits on the sign-in routes, on top of the per-address code limits. */
const signInLimit = { rateLimit: { max: 20, timeWindow: 60_000 } };
const secured = [{ bearer: [] }];
const DAY_MS = 24 * 3600 * 1000;

/**
 * A `preHandler` limiting how often one client address may call a route per day (the address is
 * the one the trusted-proxy settings resolve, so a client cannot choose it).
 */
function perAddressDailyLimit(
  app: HttpApp,
  limit: { name: string; max: number; code: string; message: string },
): (req: FastifyRequest) => Promise<void> {
  const check = app.createRateLimit({
    max: limit.max,
    timeWindow: DAY_MS,
    keyGenerator: (req) => `ip:${limit.name}:${req.ip}`,
    allowList: () => false,
  });
  return async (req) => {
    const result = await check(req);
    if (result.isAllowed || !result.isExceeded) return;
    throw tooManyRequests(limit.code, `${limit.message}; try again later`, Math.max(1, result.ttlInSeconds));
  };
}

export function identityRoutes(
  app: HttpApp,
  deps: IdentityDeps & {
    guard: AuthGuard;
    sessions: SessionService;
    keys: SigningKeyStore;
    federated: FederatedSignIn;
    modules: () => AppModule[];
  },
): void {
  const { guard } = deps;

  app.post(
    '/v1/auth/email/start',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
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
        summary: 'Sign in with an SMS code',
        body: z.object({ phone: z.string().max(32), code: s.otpCode }),
        response: { 200: s.signInResult, ...errorResponses },
      },
    },
    async (req) => verifyOneTimeCode(deps, { channel: 'sms', destination: req.body.phone, code: req.body.code }),
  );

  app.post(
    '/v1/auth/federated/nonce',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        summary: 'Start a Google or Apple sign-in: a single-use nonce for the ID token',
        body: z.object({ provider: z.enum(['google', 'apple']) }),
        response: { 200: z.object({ nonce: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (req) => deps.federated.issueNonce(req.body.provider),
  );

  for (const provider of ['google', 'apple'] as const) {
    app.post(
      `/v1/auth/${provider}`,
      {
        config: signInLimit,
        schema: {
          tags: authTag,
          summary: `Sign in with a ${provider} ID token`,
          body: z.object({ idToken: z.string().min(10).max(8192), nonce: z.string().min(8).max(256) }),
          response: { 200: s.signInResult, ...errorResponses },
        },
      },
      async (req) => deps.federated.signIn(provider, req.body),
    );
  }

  app.get(
    '/v1/auth/providers',
    {
      schema: {
        tags: authTag,
        summary: 'Sign-in methods this server offers',
        response: { 200: z.object({ email: z.boolean(), sms: z.boolean(), google: z.boolean(), apple: z.boolean() }) },
      },
    },
    async () => {
      const enabled = deps.federated.enabled();
      return {
        email: true,
        sms: deps.config.SMS_PROVIDER !== 'none' || deps.config.devMailbox,
        google: enabled.includes('google'),
        apple: enabled.includes('apple'),
      };
    },
  );

  app.post(
    '/v1/auth/totp/verify',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        summary: 'Second sign-in step: the TOTP code',
        body: z.object({ mfaToken: z.string().max(200), code: s.otpCode }),
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
        summary: 'Finish TOTP enrolment',
        body: z.object({ code: s.otpCode }),
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await confirmTotp(deps, callerOf(req).userId, req.body.code);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/v1/auth/refresh',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        summary: 'Rotate the refresh token',
        body: z.object({ refreshToken: z.string().min(1).max(200) }),
        response: { 200: s.tokenPair, ...errorResponses },
      },
    },
    async (req) => deps.sessions.refresh(req.body.refreshToken),
  );

  app.post(
    '/v1/auth/sign-out',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        summary: 'Sign out of this session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deps.sessions.signOut(callerOf(req).sessionId);
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
        summary: 'Sign out of every session',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deps.sessions.signOutEverywhere(callerOf(req).userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/v1/me',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        summary: 'The signed-in user',
        response: { 200: s.me, ...errorResponses },
      },
    },
    async (req) => accounts.getMe(deps, callerOf(req).userId),
  );

  app.patch(
    '/v1/me',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        summary: 'Change the username',
        body: z.object({ username: z.string().max(64) }),
        response: { 200: s.publicUser, ...errorResponses },
      },
    },
    async (req) => accounts.changeUsername(deps, callerOf(req).userId, req.body.username),
  );

  app.get(
    '/v1/me/export',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        summary: 'Export all my data (JSON)',
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = await accounts.exportUserData(deps, callerOf(req).userId, deps.modules());
      return reply.header('content-disposition', 'attachment; filename="video-window-export.json"').send(data);
    },
  );

  app.delete(
    '/v1/me',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        summary: 'Delete my account',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await accounts.deleteAccount(deps, callerOf(req).userId, deps.modules());
      return reply.status(204).send(null);
    },
  );

  const makerSignUpLimit = perAddressDailyLimit(app, {
    name: 'maker-sign-ups',
    max: deps.config.MAKER_SIGNUPS_PER_IP_PER_DAY,
    code: 'maker_sign_up_limit',
    message: 'Too many maker profiles created from this address today',
  });
  app.post(
    '/v1/makers',
    {
      preHandler: [guard.requireUser, makerSignUpLimit],
      schema: {
        tags: ['makers'],
        security: secured,
        summary: 'Become a maker',
        body: s.createMakerBody,
        response: { 201: s.makerProfile, ...errorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await accounts.createMakerProfile(deps, callerOf(req).userId, req.body)),
  );

  app.get(
    '/v1/makers/:id',
    {
      schema: {
        tags: ['makers'],
        summary: 'A maker profile',
        params: s.userIdParam,
        response: { 200: s.makerProfile, ...errorResponses },
      },
    },
    async (req) => accounts.getMakerProfile(deps.db, req.params.id),
  );

  for (const action of ['suspend', 'reinstate'] as const) {
    app.post(
      `/v1/admin/users/:id/${action}`,
      {
        preHandler: guard.requireRole('admin'),
        schema: {
          tags: ['admin'],
          security: secured,
          summary: `Admin: ${action} a user`,
          params: s.userIdParam,
          body: s.adminReason,
          response: { 200: s.publicUser, ...errorResponses },
        },
      },
      async (req) => {
        const fn = action === 'suspend' ? accounts.suspendUser : accounts.reinstateUser;
        return fn(deps, callerOf(req).userId, req.params.id, req.body?.reason);
      },
    );
  }

  app.get(
    '/.well-known/jwks.json',
    { schema: { tags: authTag, summary: 'Public keys of access tokens' } },
    async (_req, reply) =>
      reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`).send(await deps.keys.jwks()),
  );
}
