import type { FastifyRequest } from 'fastify';
import { retryLater, type ErrorCode } from '../../platform/errors';
import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { createMakerProfile } from './create-maker-profile';
import { getMakerProfile } from './get-maker-profile';
import { secured, type IdentityRouteDeps } from './route-deps';
import { updateMakerProfile } from './update-maker-profile';
import * as s from './schemas';

const DAY_MS = 24 * 3600 * 1000;

/**
 * A `preHandler` limiting how often one client address may call a route per day (the address is
 * the one the trusted-proxy settings resolve, so a client cannot choose it).
 */
function perAddressDailyLimit(
  app: HttpApp,
  limit: { name: string; max: number; code: ErrorCode; message: string },
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
    throw retryLater(limit.code, `${limit.message}; try again later`, Math.max(1, result.ttlInSeconds));
  };
}

/** Maker profiles: becoming a maker, editing one's own profile, and a maker's public profile. */
export function makerRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  const { guard } = deps;

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
        description: 'Turns the signed-in account into a maker with a public profile, so it can publish stories.',
        examples: {
          request: {
            displayName: 'Clay & Kiln',
            bio: 'Wood-fired stoneware from a small studio.',
            city: 'Asheville',
            country: 'US',
          },
        },
        summary: 'Become a maker',
        body: s.createMakerBody,
        response: { 201: s.makerProfile, ...errorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await createMakerProfile(deps, callerOf(req).userId, req.body)),
  );

  app.patch(
    '/v1/makers/me',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: ['makers'],
        security: secured,
        description:
          'Changes the fields given and keeps the others; null clears an optional field, and the avatar is a processed image uploaded through `POST /v1/uploads`.',
        examples: { request: { bio: 'Wood-fired stoneware, one kiln load a month.', city: 'Asheville' } },
        summary: 'Edit my maker profile (name, bio, city, country, avatar image)',
        body: s.updateMakerBody,
        response: { 200: s.makerProfile, ...errorResponses },
      },
    },
    async (req) => updateMakerProfile(deps, callerOf(req).userId, req.body),
  );

  app.get(
    '/v1/makers/:id',
    {
      schema: {
        tags: ['makers'],
        description: 'A maker’s public profile; a signed-in viewer also learns whether they follow the maker.',
        summary: 'A maker profile with follower count, rating and since when (following: only for a signed-in viewer)',
        params: s.userIdParam,
        response: { 200: s.makerShopProfile, ...errorResponses },
      },
      preHandler: deps.guard.optionalUser,
    },
    async (req) => getMakerProfile(deps, req.params.id, req.caller?.userId ?? null),
  );
}
