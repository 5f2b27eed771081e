import { describe, expect, it } from 'vitest';
import { ManualClock } from '../clock';
import { CircuitBreaker, CircuitBreakers, CircuitOpenError } from './circuit-breaker';

const fail = () => Promise.reject(new Error('provider down'));
const ok = () => Promise.resolve('ok');

describe('CircuitBreaker', () => {
  it('opens after N consecutive failures and then fails fast without calling', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('smtp', clock, { failureThreshold: 3, cooldownMs: 10_000 });
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow('provider down');
    expect(breaker.state).toBe('open');
    let called = false;
    const err = await breaker
      .run(async () => {
        called = true;
        return 'ok';
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CircuitOpenError);
    expect((err as CircuitOpenError).retryAt.getTime()).toBe(clock.now().getTime() + 10_000);
    expect(called).toBe(false);
  });

  it('a success in between resets the count', async () => {
    const breaker = new CircuitBreaker('smtp', new ManualClock(), { failureThreshold: 2 });
    await expect(breaker.run(fail)).rejects.toThrow();
    await breaker.run(ok);
    await expect(breaker.run(fail)).rejects.toThrow();
    expect(breaker.state).toBe('closed');
  });

  it('half-opens after the cooldown: a successful trial closes it', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('push', clock, { failureThreshold: 1, cooldownMs: 5_000 });
    await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(4_999);
    expect(breaker.state).toBe('open');
    clock.advance(1);
    expect(breaker.state).toBe('half_open');
    await expect(breaker.run(ok)).resolves.toBe('ok');
    expect(breaker.state).toBe('closed');
  });

  it('a failed trial re-opens it for another cooldown', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('push', clock, { failureThreshold: 3, cooldownMs: 5_000 });
    for (let i = 0; i < 3; i++) await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(5_000);
    await expect(breaker.run(fail)).rejects.toThrow('provider down');
    expect(breaker.state).toBe('open');
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
  });

  it('lets only one trial call through while half-open', async () => {
    const clock = new ManualClock();
    const breaker = new CircuitBreaker('push', clock, { failureThreshold: 1, cooldownMs: 1_000 });
    await expect(breaker.run(fail)).rejects.toThrow();
    clock.advance(1_000);
    let release!: () => void;
    const trial = breaker.run(() => new Promise<string>((r) => (release = () => r('trial'))));
    await expect(breaker.run(ok)).rejects.toBeInstanceOf(CircuitOpenError);
    release();
    await expect(trial).resolves.toBe('trial');
    await expect(breaker.run(ok)).resolves.toBe('ok');
  });

  it('errors that are not provider failures do not open it', async () => {
    const breaker = new CircuitBreaker('push', new ManualClock(), {
      failureThreshold: 1,
      isFailure: (err) => !(err instanceof RangeError),
    });
    await expect(breaker.run(() => Promise.reject(new RangeError('gone')))).rejects.toThrow('gone');
    expect(breaker.state).toBe('closed');
  });

  it('reports state changes, one breaker per provider name', async () => {
    const changes: string[] = [];
    const breakers = new CircuitBreakers(new ManualClock(), {
      failureThreshold: 1,
      onChange: (name, state) => changes.push(`${name}:${state}`),
    });
    expect(breakers.get('a')).toBe(breakers.get('a'));
    await expect(breakers.get('a').run(fail)).rejects.toThrow();
    expect(breakers.get('b').state).toBe('closed');
    expect(changes).toEqual(['a:open']);
  });
});
