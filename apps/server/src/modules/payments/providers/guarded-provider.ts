import type { Clock } from '../../../platform/clock';
import { DomainError, retryLater } from '../../../platform/errors';
import { CircuitBreaker, CircuitOpenError, type CircuitState } from '../../../platform/http/circuit-breaker';
import { ProviderUnavailableError, type PaymentProvider } from './provider';

const RETRY_AFTER_SECONDS = 30;

/** The answer to any payment feature while the provider is down: 503, the rest of the product unaffected. */
export function paymentsUnavailable(retryAfterSeconds = RETRY_AFTER_SECONDS): DomainError {
  return retryLater(
    'payments_unavailable',
    'Payments are briefly unavailable; please retry shortly',
    retryAfterSeconds,
  );
}

export function isPaymentsUnavailable(err: unknown): boolean {
  return err instanceof DomainError && err.code === 'payments_unavailable';
}

/**
 * Runs every provider call through a circuit breaker: after repeated outages calls fail fast with
 * 503 `payments_unavailable` until a trial call succeeds. A refused request (a 4xx) is not an outage.
 */
export function guardProvider(
  provider: PaymentProvider,
  clock: Clock,
  options: { onStateChange?: (state: CircuitState) => void; failureThreshold?: number; cooldownMs?: number } = {},
): PaymentProvider & { breaker: CircuitBreaker } {
  const breaker = new CircuitBreaker(`payments:${provider.name}`, clock, {
    failureThreshold: options.failureThreshold ?? 5,
    cooldownMs: options.cooldownMs ?? 30_000,
    isFailure: (err) => err instanceof ProviderUnavailableError,
    ...(options.onStateChange ? { onStateChange: options.onStateChange } : {}),
  });
  const guarded = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await breaker.run(operation);
    } catch (err) {
      if (err instanceof CircuitOpenError) {
        throw paymentsUnavailable((err.retryAt.getTime() - clock.now().getTime()) / 1000);
      }
      if (err instanceof ProviderUnavailableError) throw paymentsUnavailable();
      throw err;
    }
  };
  return {
    name: provider.name,
    webhookSecret: provider.webhookSecret,
    minimumSessionSeconds: provider.minimumSessionSeconds,
    breaker,
    createCheckoutSession: (input) => guarded(() => provider.createCheckoutSession(input)),
    expireCheckoutSession: (sessionId) => guarded(() => provider.expireCheckoutSession(sessionId)),
    refund: (input) => guarded(() => provider.refund(input)),
    createConnectedAccount: (input) => guarded(() => provider.createConnectedAccount(input)),
    onboardingLink: (input) => guarded(() => provider.onboardingLink(input)),
    retrieveAccount: (accountId) => guarded(() => provider.retrieveAccount(accountId)),
    transfer: (input) => guarded(() => provider.transfer(input)),
  };
}
