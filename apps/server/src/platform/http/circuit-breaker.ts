import type { Clock } from '../clock';

export type CircuitState = 'closed' | 'open' | 'half_open';

/** Thrown instead of calling a provider whose circuit is open; the caller defers and tries later. */
export class CircuitOpenError extends Error {
  constructor(
    readonly provider: string,
    readonly retryAt: Date,
  ) {
    super(`${provider} is unavailable; retry after ${retryAt.toISOString()}`);
    this.name = 'CircuitOpenError';
  }
}

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold?: number;
  /** How long the circuit stays open before one trial call is let through. */
  cooldownMs?: number;
  /** Whether an error says the provider is unhealthy (a rejected request, such as a 404, does not). */
  isFailure?: (err: unknown) => boolean;
  onStateChange?: (state: CircuitState) => void;
}

/**
 * Guards calls to one outside provider: after `failureThreshold` consecutive failures it stops
 * calling for `cooldownMs` (callers get a CircuitOpenError at once instead of waiting on timeouts),
 * then lets a single trial call through; its success closes the circuit, its failure re-opens it.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private current: CircuitState = 'closed';
  private trialInFlight = false;
  private readonly threshold: number;
  private readonly cooldownMs: number;

  constructor(
    readonly name: string,
    private readonly clock: Clock,
    private readonly options: CircuitBreakerOptions = {},
  ) {
    this.threshold = options.failureThreshold ?? 5;
    this.cooldownMs = options.cooldownMs ?? 30_000;
  }

  /** The state as of now (an open circuit whose cooldown has passed reads as half-open). */
  get state(): CircuitState {
    if (this.current === 'open' && this.clock.now().getTime() - this.openedAt >= this.cooldownMs) return 'half_open';
    return this.current;
  }

  async run<T>(call: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half_open' && this.trialInFlight)) {
      throw new CircuitOpenError(this.name, new Date(this.openedAt + this.cooldownMs));
    }
    const trial = state === 'half_open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await call();
      this.succeeded();
      return result;
    } catch (err) {
      if (this.options.isFailure?.(err) ?? true) this.failed(trial);
      else this.succeeded();
      throw err;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.transition('closed');
  }

  private failed(trial: boolean): void {
    this.failures += 1;
    if (trial || this.failures >= this.threshold) {
      this.openedAt = this.clock.now().getTime();
      this.transition('open');
    }
  }

  private transition(next: CircuitState): void {
    if (this.current === next) return;
    this.current = next;
    this.options.onStateChange?.(next);
  }
}

/** One breaker per provider name, created on first use with shared options. */
export class CircuitBreakers {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly clock: Clock,
    private readonly options: CircuitBreakerOptions & { onChange?: (name: string, state: CircuitState) => void } = {},
  ) {}

  get(name: string): CircuitBreaker {
    let breaker = this.breakers.get(name);
    if (!breaker) {
      const { onChange, ...rest } = this.options;
      breaker = new CircuitBreaker(name, this.clock, {
        ...rest,
        ...(onChange ? { onStateChange: (state: CircuitState) => onChange(name, state) } : {}),
      });
      this.breakers.set(name, breaker);
    }
    return breaker;
  }
}
