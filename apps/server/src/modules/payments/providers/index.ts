import type { Config } from '../../../config';
import type { Clock } from '../../../platform/clock';
import type { CircuitBreaker, CircuitState } from '../../../platform/http/circuit-breaker';
import { guardProvider } from './guarded-provider';
import { createLocalProvider } from './local-provider';
import type { PaymentProvider } from './provider';
import { createStripeProvider } from './stripe-provider';

export type { PaymentProvider } from './provider';
export { isPaymentsUnavailable, paymentsUnavailable } from './guarded-provider';

/** Stripe when its keys are configured, else the embedded local provider; always behind a circuit breaker. */
export function createPaymentProvider(options: {
  config: Config;
  clock: Clock;
  internalSigningSecret: string;
  /** PUBLIC_URL, when configured. */
  publicUrl: string | null;
  onStateChange?: (state: CircuitState) => void;
}): PaymentProvider & { breaker: CircuitBreaker } {
  const { config } = options;
  const provider =
    config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET
      ? createStripeProvider({
          secretKey: config.STRIPE_SECRET_KEY,
          webhookSecret: config.STRIPE_WEBHOOK_SECRET,
          ...(config.STRIPE_API_BASE ? { apiBase: config.STRIPE_API_BASE } : {}),
        })
      : createLocalProvider({ internalSigningSecret: options.internalSigningSecret, publicUrl: options.publicUrl });
  return guardProvider(provider, options.clock, options.onStateChange ? { onStateChange: options.onStateChange } : {});
}
