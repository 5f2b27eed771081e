import { z } from 'zod';
import { errorResponses } from '../../platform/http/error-body';
import { localeFromAcceptLanguage } from '../../platform/i18n';
import type { HttpApp } from '../../platform/http/types';
import { signInWithProvider } from './federated-sign-in';
import { issueFederatedNonce } from './issue-federated-nonce';
import { authTag, signInLimit, type IdentityRouteDeps } from './route-deps';
import * as s from './schemas';

/** Sign-in with Google or Apple, and the list of sign-in methods this server offers. */
export function federatedRoutes(app: HttpApp, deps: IdentityRouteDeps): void {
  app.post(
    '/v1/auth/federated/nonce',
    {
      config: signInLimit,
      schema: {
        tags: authTag,
        description:
          'A nonce to put in the ID token request; the sign-in that follows must carry it, once, before it expires.',
        examples: { request: { provider: 'google' } },
        summary: 'Start a Google or Apple sign-in: a single-use nonce for the ID token',
        body: z.object({ provider: z.enum(['google', 'apple']) }),
        response: { 200: z.object({ nonce: z.string(), expiresAt: z.string() }), ...errorResponses },
      },
    },
    async (req) => issueFederatedNonce(deps, deps.providers, req.body.provider),
  );

  for (const provider of ['google', 'apple'] as const) {
    app.post(
      `/v1/auth/${provider}`,
      {
        config: signInLimit,
        schema: {
          tags: authTag,
          description: `Verifies the ${provider} ID token (signature, audience, expiry and the nonce from POST /v1/auth/federated/nonce) and signs in.`,
          examples: {
            request: { idToken: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl', nonce: 'n-0123456789abcdef' },
          },
          summary: `Sign in with a ${provider} ID token`,
          body: z.object({ idToken: z.string().min(10).max(8192), nonce: z.string().min(8).max(256) }),
          response: { 200: s.signInResult, ...errorResponses },
        },
      },
      async (req) =>
        signInWithProvider(deps, deps.providers, provider, {
          ...req.body,
          locale: localeFromAcceptLanguage(req.headers['accept-language']),
        }),
    );
  }

  app.get(
    '/v1/auth/providers',
    {
      schema: {
        tags: authTag,
        description: 'Which sign-in methods are configured on this deployment, so the app shows only those.',
        examples: { response: { email: true, sms: false, google: false, apple: false } },
        summary: 'Sign-in methods this server offers',
        response: { 200: z.object({ email: z.boolean(), sms: z.boolean(), google: z.boolean(), apple: z.boolean() }) },
      },
    },
    async () => {
      const enabled = deps.providers.enabled();
      return {
        email: true,
        sms: deps.config.SMS_PROVIDER !== 'none' || deps.config.devMailbox,
        google: enabled.includes('google'),
        apple: enabled.includes('apple'),
      };
    },
  );
}
