import type Stripe from 'stripe';
import { providerSdk } from '../../../platform/provider-sdk';
import {
  ProviderRejectedError,
  ProviderUnavailableError,
  type CheckoutSessionInput,
  type ConnectedAccountStatus,
  type PaymentProvider,
  type RefundInput,
  type TransferInput,
} from './provider';
import { SHIPPING_COUNTRIES } from './shipping-countries';

const stripeSdk = providerSdk<typeof Stripe>('stripe');

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Another API base (tests): host, port and protocol are handed to the SDK. */
  apiBase?: string;
  timeoutMs?: number;
  maxNetworkRetries?: number;
}

/** Stripe refuses a Checkout Session that expires sooner than this after its creation. */
const STRIPE_MINIMUM_SESSION_SECONDS = 30 * 60;

/** Errors that say Stripe is unreachable or unhealthy, as opposed to refusing this request. */
function isOutage(err: Stripe.errors.StripeError): boolean {
  const status = err.statusCode ?? 0;
  return (
    err.type === 'StripeConnectionError' ||
    err.type === 'StripeAPIError' ||
    err.type === 'StripeRateLimitError' ||
    err.type === 'StripeAuthenticationError' ||
    status >= 500 ||
    status === 429
  );
}

function translate(err: unknown): Error {
  if (err instanceof stripeSdk().errors.StripeError) {
    if (isOutage(err)) return new ProviderUnavailableError(`Stripe: ${err.message}`, { cause: err });
    return new ProviderRejectedError(`Stripe refused the request: ${err.message}`, err.code ?? null);
  }
  return new ProviderUnavailableError(`Stripe call failed: ${String(err)}`, { cause: err });
}

async function call<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (err) {
    throw translate(err);
  }
}

function sdkOptions(options: StripeProviderOptions): ConstructorParameters<typeof Stripe>[1] {
  const base = options.apiBase ? new URL(options.apiBase) : null;
  return {
    timeout: options.timeoutMs ?? 10_000,
    // The SDK retries with backoff, adding an idempotency key to every retried POST.
    maxNetworkRetries: options.maxNetworkRetries ?? 2,
    telemetry: false,
    appInfo: { name: 'video-window' },
    ...(base
      ? {
          host: base.hostname,
          port: base.port || (base.protocol === 'https:' ? 443 : 80),
          protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const),
        }
      : {}),
  };
}

type AllowedCountry = Stripe.Checkout.SessionCreateParams.ShippingAddressCollection.AllowedCountry;

/** The buyer's country alone when it is known (the price was quoted for it); otherwise anywhere Stripe ships. */
function allowedCountries(country: string | null): AllowedCountry[] {
  const known = SHIPPING_COUNTRIES.find((c) => c === country);
  return known ? [known] : SHIPPING_COUNTRIES;
}

/** Stripe Connect Express with hosted Checkout: destination charges, refunds, transfers. */
export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const StripeClient = stripeSdk();
  const stripe = new StripeClient(options.secretKey, sdkOptions(options));
  return {
    name: 'stripe',
    webhookSecret: options.webhookSecret,
    minimumSessionSeconds: STRIPE_MINIMUM_SESSION_SECONDS,

    async createCheckoutSession(input: CheckoutSessionInput) {
      const metadata = { windowId: input.windowId };
      const session = await call(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            line_items: [
              {
                quantity: 1,
                price_data: {
                  currency: input.currency.toLowerCase(),
                  unit_amount: input.amountMinor,
                  product_data: { name: input.itemTitle },
                },
              },
            ],
            expires_at: Math.floor(input.expiresAt.getTime() / 1000),
            shipping_address_collection: { allowed_countries: allowedCountries(input.shippingCountry) },
            shipping_options: [
              {
                shipping_rate_data: {
                  type: 'fixed_amount',
                  display_name: input.shippingMinor === 0 ? 'Free shipping' : 'Shipping',
                  fixed_amount: { amount: input.shippingMinor, currency: input.currency.toLowerCase() },
                },
              },
            ],
            ...(input.buyerEmail ? { customer_email: input.buyerEmail } : {}),
            client_reference_id: input.windowId,
            metadata,
            payment_intent_data: {
              metadata,
              transfer_group: input.windowId,
              ...(input.destinationAccountId
                ? {
                    application_fee_amount: input.feeMinor,
                    transfer_data: { destination: input.destinationAccountId },
                  }
                : {}),
            },
            success_url: input.successUrl,
            cancel_url: input.cancelUrl,
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      if (!session.url) throw new ProviderRejectedError('Stripe returned a session without a URL', null);
      return { sessionId: session.id, url: session.url };
    },

    async expireCheckoutSession(sessionId) {
      const session = await call(() => stripe.checkout.sessions.retrieve(sessionId));
      if (session.status !== 'open') return;
      await call(() => stripe.checkout.sessions.expire(sessionId, {}, { idempotencyKey: `expire:${sessionId}` }));
    },

    async refund(input: RefundInput) {
      const refund = await call(() =>
        stripe.refunds.create(
          {
            payment_intent: input.paymentIntentId,
            amount: input.amountMinor,
            ...(input.reverseTransfer ? { reverse_transfer: true, refund_application_fee: true } : {}),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      const status = refund.status === 'succeeded' ? 'succeeded' : refund.status === 'failed' ? 'failed' : 'pending';
      return { refundId: refund.id, status };
    },

    async createConnectedAccount(input) {
      const account = await call(() =>
        stripe.accounts.create(
          {
            type: 'express',
            ...(input.email ? { email: input.email } : {}),
            capabilities: { transfers: { requested: true }, card_payments: { requested: true } },
            metadata: { makerId: input.makerId },
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { accountId: account.id };
    },

    async onboardingLink(input) {
      const link = await call(() =>
        stripe.accountLinks.create({
          account: input.accountId,
          refresh_url: input.refreshUrl,
          return_url: input.returnUrl,
          type: 'account_onboarding',
        }),
      );
      return { url: link.url };
    },

    async retrieveAccount(accountId): Promise<ConnectedAccountStatus> {
      const account = await call(() => stripe.accounts.retrieve(accountId));
      return {
        accountId: account.id,
        payoutsEnabled: account.payouts_enabled ?? false,
        chargesEnabled: account.charges_enabled ?? false,
        detailsSubmitted: account.details_submitted ?? false,
      };
    },

    async transfer(input: TransferInput) {
      const transfer = await call(() =>
        stripe.transfers.create(
          {
            amount: input.amountMinor,
            currency: input.currency.toLowerCase(),
            destination: input.destinationAccountId,
            transfer_group: input.transferGroup,
            ...(input.sourceChargeId ? { source_transaction: input.sourceChargeId } : {}),
          },
          { idempotencyKey: input.idempotencyKey },
        ),
      );
      return { transferId: transfer.id };
    },
  };
}
