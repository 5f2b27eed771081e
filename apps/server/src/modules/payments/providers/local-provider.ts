import { createHmac, randomUUID } from 'node:crypto';
import type { PaymentProvider } from './provider';

/** The embedded provider's webhook secret, derived so every process of one deployment agrees on it. */
export function localWebhookSecret(internalSigningSecret: string): string {
  return `whsec_local_${createHmac('sha256', internalSigningSecret).update('payments.local-webhook').digest('base64url')}`;
}

/**
 * The embedded default when no Stripe keys are configured: no money moves. Its hosted checkout is
 * a page of this server (`/v1/payments/local/<sessionId>`) whose outcome is fed back as a signed,
 * Stripe-shaped event through the webhook path. Ids are derived from the window (or maker) so a
 * repeated call returns the same session, as Stripe does under an idempotency key.
 */
export function createLocalProvider(options: {
  internalSigningSecret: string;
  publicUrl: string | null;
}): PaymentProvider {
  const derive = (prefix: string, value: string) =>
    `${prefix}_local_${createHmac('sha256', options.internalSigningSecret).update(`${prefix}:${value}`).digest('hex').slice(0, 24)}`;
  return {
    name: 'local',
    webhookSecret: localWebhookSecret(options.internalSigningSecret),
    minimumSessionSeconds: 0,
    async createCheckoutSession(input) {
      const sessionId = derive('cs', input.windowId);
      const path = `/v1/payments/local/${sessionId}`;
      // Without PUBLIC_URL the page is served by the same origin as the API: a relative link works everywhere.
      return { sessionId, url: options.publicUrl ? new URL(path, options.publicUrl).toString() : path };
    },
    // The session's state is our own row; the checkout page reads it (and the window) on every visit.
    async expireCheckoutSession() {},
    async refund() {
      return { refundId: `re_local_${randomUUID()}`, status: 'succeeded' as const };
    },
    async createConnectedAccount(input) {
      return { accountId: derive('acct', input.makerId) };
    },
    async onboardingLink(input) {
      return { url: input.returnUrl };
    },
    async retrieveAccount(accountId) {
      return { accountId, payoutsEnabled: true, chargesEnabled: true, detailsSubmitted: true };
    },
    async transfer() {
      return { transferId: `tr_local_${randomUUID()}` };
    },
  };
}

/** The payment intent a local session's payment is recorded under (stable per session). */
export function localPaymentIntentId(sessionId: string): string {
  return sessionId.replace(/^cs_local_/, 'pi_local_');
}
