import type { ProviderName } from '../tables';

export interface CheckoutSessionInput {
  windowId: string;
  itemTitle: string;
  /** The piece's price (one line). */
  amountMinor: number;
  currency: string;
  /** Shipping, its own line: charged on top of `amountMinor`. */
  shippingMinor: number;
  /** The only country the shipping address may be in; null: any country. */
  shippingCountry: string | null;
  /** The platform's fee (destination charges only). */
  feeMinor: number;
  /** The maker's connected account for a destination charge; null: the platform keeps the money for now. */
  destinationAccountId: string | null;
  /** When the session stops taking payment (already clamped to what the provider accepts). */
  expiresAt: Date;
  buyerEmail: string | null;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
}

export interface CreatedCheckoutSession {
  sessionId: string;
  url: string;
}

export interface RefundInput {
  paymentIntentId: string;
  amountMinor: number;
  /** Destination charges: take the maker's share and the platform fee back proportionally. */
  reverseTransfer: boolean;
  idempotencyKey: string;
}

export interface TransferInput {
  amountMinor: number;
  currency: string;
  destinationAccountId: string;
  /** The charge the money came from, so the transfer waits for its funds. */
  sourceChargeId: string | null;
  transferGroup: string;
  idempotencyKey: string;
}

export interface ConnectedAccountStatus {
  accountId: string;
  payoutsEnabled: boolean;
  chargesEnabled: boolean;
  detailsSubmitted: boolean;
}

/**
 * A payment provider: hosted checkout, refunds, connected accounts and transfers. Events come
 * back through the webhook route, signed with `webhookSecret` in Stripe's scheme.
 */
export interface PaymentProvider {
  readonly name: ProviderName;
  readonly webhookSecret: string;
  /** The minimum time a checkout session must stay open when created. */
  readonly minimumSessionSeconds: number;
  createCheckoutSession(input: CheckoutSessionInput): Promise<CreatedCheckoutSession>;
  /** Stops a session from taking payment; an already finished session is left as it is. */
  expireCheckoutSession(sessionId: string): Promise<void>;
  refund(input: RefundInput): Promise<{ refundId: string; status: 'succeeded' | 'pending' | 'failed' }>;
  createConnectedAccount(input: { makerId: string; email: string | null; idempotencyKey: string }): Promise<{
    accountId: string;
  }>;
  /** A one-time onboarding link for the maker's connected account. */
  onboardingLink(input: { accountId: string; refreshUrl: string; returnUrl: string }): Promise<{ url: string }>;
  retrieveAccount(accountId: string): Promise<ConnectedAccountStatus>;
  transfer(input: TransferInput): Promise<{ transferId: string }>;
}

/** The provider is unreachable or failing (network, timeout, 5xx, rate limit): retry later. */
export class ProviderUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ProviderUnavailableError';
  }
}

/** The provider refused the request itself (it will refuse it again). */
export class ProviderRejectedError extends Error {
  constructor(
    message: string,
    readonly providerCode: string | null,
  ) {
    super(message);
    this.name = 'ProviderRejectedError';
  }
}
