import { z } from 'zod';
import { callerOf } from '../../platform/http/auth';
import { errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import { updateAccount } from './update-account';
import { deleteAccount } from './delete-account';
import { exportUserData } from './export-user-data';
import { getMe } from './get-me';
import { authTag, secured, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';

/** The signed-in user's own account: read, rename, export, delete. */
export function accountRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  const { guard } = deps;

  app.get(
    '/v1/me',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description:
          'The account behind the access token: its id, username, roles, country, the language it is written to in (`locale`: the one chosen with `PATCH /v1/me`, "en" until one is) and whether it is a maker.',
        examples: {
          response: {
            id: '0b6f3c1e-8a52-4d8e-9c1f-2f4a7d9e6b10',
            email: 'you@example.com',
            username: 'clay_and_kiln',
            country: 'PT',
            locale: 'pt',
            roles: ['viewer'],
            status: 'active',
            totpEnabled: false,
            createdAt: '2026-01-02T10:00:00.000Z',
            phone: null,
            maker: null,
          },
        },
        summary: 'The signed-in user',
        response: { 200: s.me, ...errorResponses },
      },
    },
    async (req) => getMe(deps, callerOf(req).userId),
  );

  app.patch(
    '/v1/me',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description:
          'Changes the username, the country the account’s purchases ship to (an empty string or null clears it; offers and bids quote shipping to this country unless they name another), or the language the account is written to in (`locale`: en, pt, es, fr or de; its emails, texts and notifications follow it, anything else is refused with 400 `validation_failed`).',
        examples: { request: { username: 'clay_and_kiln', country: 'US', locale: 'pt' } },
        summary: 'Change the username, the country purchases are shipped to, or the language',
        body: s.updateAccountBody,
        response: { 200: s.publicUser, ...errorResponses },
      },
    },
    async (req) => updateAccount(deps, callerOf(req).userId, req.body),
  );

  app.get(
    '/v1/me/export',
    {
      preHandler: guard.requireUser,
      schema: {
        tags: authTag,
        security: secured,
        description: 'Everything the product keeps about the signed-in account, as one JSON document.',
        summary: 'Export all my data (JSON)',
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses },
      },
    },
    async (req, reply) => {
      const data = await exportUserData(deps, callerOf(req).userId, deps.modules());
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
        description:
          'Erases the account’s personal data and revokes every session; an anonymised row stays so its orders and auction records remain intact.',
        summary: 'Delete my account',
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (req, reply) => {
      await deleteAccount(deps, callerOf(req).userId, deps.modules());
      return reply.status(204).send(null);
    },
  );
}
