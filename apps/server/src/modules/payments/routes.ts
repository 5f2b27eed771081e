import { z } from 'zod';
import { callerOf } from '../../platform/http/auth';
import { errorBody, errorResponses } from '../../platform/http/error-body';
import type { HttpApp } from '../../platform/http/types';
import type { PaymentsDeps } from './deps';
import { receiveWebhook } from './receive-webhook';
import { payoutAccountOf, startOnboarding } from './start-onboarding';

const tags = ['payments'];
const secured = [{ bearer: [] }];

const payoutAccount = z
  .object({
    accountId: z.string(),
    provider: z.enum(['stripe', 'local']),
    payoutsEnabled: z.boolean(),
    chargesEnabled: z.boolean(),
    detailsSubmitted: z.boolean(),
  })
  .meta({ id: 'PayoutAccount' });

export async function paymentRoutes(app: HttpApp, deps: PaymentsDeps): Promise<void> {
  const { guard } = deps.identity;

  // The signature covers the exact bytes Stripe sent, so this route alone keeps its body raw.
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post(
      '/v1/payments/stripe/webhook',
      {
        schema: {
          tags,
          description:
            'Receives the payment provider’s events; the signature is checked over the raw body, and an event seen before answers `duplicate`.',
          examples: { response: { received: true, outcome: 'applied' } },
          summary: 'Stripe webhook (Stripe-Signature over the raw body; the local provider signs the same way)',
          response: {
            200: z.object({
              received: z.literal(true),
              outcome: z.enum(['received', 'applied', 'deferred', 'ignored', 'duplicate']),
            }),
            400: errorBody,
            503: errorBody,
          },
        },
      },
      async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { outcome } = await receiveWebhook(deps, raw, req.headers['stripe-signature']);
        return { received: true as const, outcome };
      },
    );
  });

  app.post(
    '/v1/payments/connect/onboarding',
    {
      preHandler: guard.requireRole('maker'),
      schema: {
        tags,
        security: secured,
        description:
          'Answers the provider’s onboarding URL where the maker enters their payout details, and the payout account’s state; the maker’s payouts go to this account.',
        summary: 'Maker: start or resume payout onboarding (Stripe Connect Express); needs TOTP',
        response: { 200: z.object({ url: z.string(), account: payoutAccount }), ...errorResponses, 503: errorBody },
      },
    },
    async (req) => startOnboarding(deps, callerOf(req).userId),
  );

  app.get(
    '/v1/payments/connect/account',
    {
      preHandler: guard.requireRole('maker'),
      schema: {
        tags,
        security: secured,
        summary: "Maker: the payout account's state",
        description: 'Null until the maker starts payout onboarding (`POST /v1/payments/connect/onboarding`).',
        response: { 200: payoutAccount.nullable(), ...errorResponses },
      },
    },
    async (req) => payoutAccountOf(deps, callerOf(req).userId),
  );
}
