import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config';
import { ManualClock } from '../../../platform/clock';
import { createLocalProvider } from './local-provider';
import type { CheckoutSessionInput } from './provider';
import { createPaymentProvider } from './index';

const secret = 'internal-signing-value-0123456789abcdefghij';
const choose = (env: Record<string, string>) =>
  createPaymentProvider({
    config: loadConfig(env),
    clock: new ManualClock(),
    internalSigningSecret: secret,
    publicUrl: null,
  });

describe('choosing the payment provider', () => {
  it('security review: fake payments in production — the local provider never runs with NODE_ENV=production', () => {
    expect(() => choose({ NODE_ENV: 'production' })).toThrow(/local payment provider/i);
    // A missing NODE_ENV is a production start too.
    expect(() => choose({})).toThrow(/local payment provider/i);
    const stripe = choose({ NODE_ENV: 'production', STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_WEBHOOK_SECRET: 'whsec_x' });
    expect(stripe.name).toBe('stripe');
    expect(choose({ NODE_ENV: 'development' }).name).toBe('local');
    expect(choose({ NODE_ENV: 'test' }).name).toBe('local');
  });

  it('security review: fake payments in production — the local checkout URL is an unguessable capability of its session', async () => {
    const input: CheckoutSessionInput = {
      windowId: '00000000-0000-4000-8000-000000000001',
      itemTitle: 'A bowl',
      amountMinor: 1000,
      currency: 'usd',
      shippingMinor: 0,
      shippingCountry: null,
      feeMinor: 100,
      destinationAccountId: null,
      expiresAt: new Date(Date.UTC(2026, 0, 2)),
      buyerEmail: null,
      successUrl: '/done',
      cancelUrl: '/cancel',
      idempotencyKey: 'window-1',
    };
    const session = (signing: string) =>
      createLocalProvider({ internalSigningSecret: signing, publicUrl: null }).createCheckoutSession(input);
    const a = await session(secret);
    // Stable per window (a repeated call returns the same session)...
    expect((await session(secret)).sessionId).toBe(a.sessionId);
    // ...but only the server's secret derives it: 96 bits keyed by the internal signing secret,
    // nothing of the window id in clear.
    expect((await session(`${secret}-other`)).sessionId).not.toBe(a.sessionId);
    expect(a.sessionId).toMatch(/^cs_local_[a-f0-9]{24,}$/);
    expect(a.sessionId).not.toContain(input.windowId.replace(/-/g, '').slice(0, 8));
    expect(a.url).toBe(`/v1/payments/local/${a.sessionId}`);
  });
});
