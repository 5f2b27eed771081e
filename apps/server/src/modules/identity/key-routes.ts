import type { HttpApp } from '../../platform/http/types';
import { authTag, type IdentityRouteDeps } from './route-deps';
import { JWKS_MAX_AGE_SECONDS } from './signing-keys';

/** The public keys resource servers verify access tokens with. */
export function keyRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  app.get(
    '/.well-known/jwks.json',
    {
      schema: {
        tags: authTag,
        description:
          'The JSON Web Key Set whose keys verify the access tokens this server signs, for services that check a token without calling the API.',
        summary: 'Public keys of access tokens',
      },
    },
    async (_req, reply) =>
      reply.header('cache-control', `public, max-age=${JWKS_MAX_AGE_SECONDS}`).send(await deps.keys.jwks()),
  );
}
