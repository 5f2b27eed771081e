import type { Config } from '../../../config';
import type { Clock } from '../../../platform/clock';
import type { CircuitBreaker, CircuitState } from '../../../platform/http/circuit-breaker';
import { guardProvider } from './guarded-provider';
import { createLocalProvider } from './local-provider';
import type { PaymentProvider } from './provider';
import { createStripeProvider } from './stripe-provider';

export type { PaymentProvider } from './provider';
export { isPaymentsUnavailable, paymentsUnavailable } from './guarded-provider';

/**
 * Stripe when its keys are configured, else the embedded local provider; always behind a circuit
 * breaker. The local provider moves no money, so it runs only when NODE_ENV names development or
 * test: a production process without Stripe keys stops here rather than take fake payments.
 */
export function createPaymentProvider(options: {
  config: Config;
  clock: Clock;
  internalSigningSecret: string;
  /** PUBLIC_URL, when configured. */
  publicUrl: string | null;
  onStateChange?: (state: CircuitState) => void;
}): PaymentProvider & { breaker: CircuitBreaker } {
  const { config } = options;
  const standIns = config.NODE_ENV === 'development' || config.NODE_ENV === 'test';
  let provider: PaymentProvider;
  if (config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET) {
    provider = createStripeProvider({
      secretKey: config.STRIPE_SECRET_KEY,
      webhookSecret: config.STRIPE_WEBHOOK_SECRET,
      ...(config.STRIPE_API_BASE ? { apiBase: config.STRIPE_API_BASE } : {}),
    });
  } else if (standIns) {
    provider = createLocalProvider({
      internalSigningSecret: options.internalSigningSecret,
      publicUrl: options.publicUrl,
    });
  } else {
    throw new Error(
      `the local payment provider never runs with NODE_ENV=${config.NODE_ENV}: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET`,
    );
  }
  return guardProvider(provider, options.clock, options.onStateChange ? { onStateChange: options.onStateChange } : {});
}
