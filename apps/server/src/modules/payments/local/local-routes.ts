import type { FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError } from '../../../platform/errors';
import { errorBody, errorResponses } from '../../../platform/http/error-body';
import { chooseLocale, localeFromAcceptLanguage, type Locale } from '../../../platform/i18n';
import type { HttpApp } from '../../../platform/http/types';
import type { PaymentsDeps, ShippingAddress } from '../deps';
import { renderCheckoutPage, renderReceiptPage, type ShippingForm } from './checkout-page';
import { completeLocalCheckout, loadLocalCheckout, validateShipping, type LocalCheckout } from './local-checkout';

const tags = ['payments'];
const sessionParams = z.object({ sessionId: z.string().regex(/^cs_local_[a-f0-9]{24}$/) });
const text = (max: number) => z.string().max(max).optional();

const shippingBody = z.object({
  name: z.string().min(1).max(200),
  line1: z.string().min(1).max(200),
  line2: z.string().max(200).nullish(),
  city: z.string().min(1).max(120),
  postalCode: z.string().min(1).max(20),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/)
    .transform((c) => c.toUpperCase()),
});

/** JSON `{outcome, shipping?}`, or the checkout page's form post (flat fields). */
const completeBody = z.object({
  outcome: z.enum(['succeeded', 'failed']),
  shipping: shippingBody.optional(),
  // The form's fields are checked by `validateShipping`, so a mistake re-renders the page with messages.
  name: text(500),
  line1: text(500),
  line2: text(500),
  city: text(500),
  postalCode: text(500),
  country: text(500),
});

const html = z.string().describe('An HTML page');

function sendHtml(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);
}

/** The payer's language: their account's, else the one their browser asks for, else English. */
async function payerLocale(deps: PaymentsDeps, checkout: LocalCheckout, acceptLanguage?: string): Promise<Locale> {
  return chooseLocale(await deps.identity.localeOf(checkout.session.buyerId), localeFromAcceptLanguage(acceptLanguage));
}

function checkoutPageOf(
  checkout: LocalCheckout,
  locale: Locale,
  extra: { values?: Partial<ShippingForm>; errors?: Record<string, string>; declined?: boolean } = {},
): string {
  const s = checkout.session;
  return renderCheckoutPage({
    locale,
    sessionId: s.providerSessionId!,
    itemTitle: s.itemTitle,
    amountMinor: s.amountMinor,
    shippingMinor: s.shippingMinor,
    shippingCountry: s.shippingCountry,
    currency: s.currency,
    expiresAt: s.windowExpiresAt,
    ...extra,
  });
}

function receiptPageOf(deps: PaymentsDeps, checkout: LocalCheckout, locale: Locale): string {
  const s = checkout.session;
  const state = checkout.state === 'open' ? 'unpaid' : checkout.state;
  const orderId = checkout.payment?.orderId ?? null;
  return renderReceiptPage({
    locale,
    itemTitle: s.itemTitle,
    amountMinor: s.amountMinor,
    shippingMinor: s.shippingMinor,
    currency: s.currency,
    state,
    paidAt: checkout.payment?.paidAt ?? null,
    orderId,
    checkoutUrl: `/v1/payments/local/${s.providerSessionId!}`,
    orderUrl: orderId ? deps.appLink(`/orders/${orderId}`) : null,
  });
}

/** The local provider's hosted checkout: its page, its form post, its receipt. */
export async function localCheckoutRoutes(app: HttpApp, deps: PaymentsDeps): Promise<void> {
  app.get(
    '/v1/payments/local/:sessionId',
    {
      schema: {
        tags,
        description:
          'The local payment provider’s checkout page, where a demo buyer enters a shipping address and pays or declines; no money moves. Written in the payer’s language (their account’s, else the Accept-Language, else English).',
        summary: 'Local provider: the hosted checkout page (HTML)',
        params: sessionParams,
        response: { 200: html, 404: errorBody },
      },
    },
    async (req, reply) => {
      const checkout = await loadLocalCheckout(deps, req.params.sessionId);
      const locale = await payerLocale(deps, checkout, req.headers['accept-language']);
      if (checkout.state !== 'open') return sendHtml(reply, 200, receiptPageOf(deps, checkout, locale));
      return sendHtml(reply, 200, checkoutPageOf(checkout, locale, { declined: checkout.session.failedAttempts > 0 }));
    },
  );

  app.get(
    '/v1/payments/local/:sessionId/receipt',
    {
      schema: {
        tags,
        description: 'The local payment provider’s receipt page, shown after a demo payment.',
        summary: 'Local provider: the receipt page (HTML)',
        params: sessionParams,
        response: { 200: html, 404: errorBody },
      },
    },
    async (req, reply) => {
      const checkout = await loadLocalCheckout(deps, req.params.sessionId);
      const locale = await payerLocale(deps, checkout, req.headers['accept-language']);
      return sendHtml(reply, 200, receiptPageOf(deps, checkout, locale));
    },
  );

  // The checkout page posts a plain HTML form (no scripts), so this route alone also reads urlencoded bodies.
  await app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 16 * 1024 },
      (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
    );
    scope.post(
      '/v1/payments/local/:sessionId/complete',
      {
        schema: {
          tags,
          description:
            'Completes a local checkout session as paid or declined, as a real provider’s webhook would; a paid session becomes an order shipping to the address given.',
          examples: {
            request: {
              outcome: 'succeeded',
              shipping: {
                name: 'Ada Buyer',
                line1: '1 Main Street',
                city: 'Springfield',
                postalCode: '62701',
                country: 'US',
              },
            },
          },
          summary:
            'Local provider: pay or decline (JSON, or the checkout form post, which is redirected to the receipt)',
          params: sessionParams,
          body: completeBody,
          response: {
            200: z.object({
              status: z.enum(['succeeded', 'failed']),
              windowId: z.string(),
              orderId: z.string().nullable(),
              receiptUrl: z.string(),
            }),
            303: z.null(),
            ...errorResponses,
            503: errorBody,
          },
        },
      },
      async (req, reply) => {
        const { sessionId } = req.params;
        const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded');
        const receiptUrl = `/v1/payments/local/${sessionId}/receipt`;
        if (!form) {
          const shipping: ShippingAddress | null = req.body.shipping
            ? { ...req.body.shipping, line2: req.body.shipping.line2 ?? null }
            : null;
          const result = await completeLocalCheckout(deps, sessionId, { outcome: req.body.outcome, shipping });
          return reply.status(200).send({ ...result, receiptUrl });
        }
        let shipping: ShippingAddress | null = null;
        if (req.body.outcome === 'succeeded') {
          const checkout = await loadLocalCheckout(deps, sessionId);
          const locale = await payerLocale(deps, checkout, req.headers['accept-language']);
          const checked = validateShipping(req.body, checkout.session.shippingCountry, locale);
          if ('errors' in checked) {
            if (checkout.state === 'open')
              return sendHtml(
                reply,
                400,
                checkoutPageOf(checkout, locale, { values: req.body, errors: checked.errors }),
              );
            return reply.redirect(receiptUrl, 303);
          }
          shipping = checked.address;
        }
        try {
          const result = await completeLocalCheckout(deps, sessionId, { outcome: req.body.outcome, shipping });
          return reply.redirect(result.status === 'succeeded' ? receiptUrl : `/v1/payments/local/${sessionId}`, 303);
        } catch (err) {
          if (err instanceof DomainError && err.code === 'checkout_closed') return reply.redirect(receiptUrl, 303);
          throw err;
        }
      },
    );
  });
}
