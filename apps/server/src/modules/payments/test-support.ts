/** Test support for the payments and orders tests (not used by the product). */
import { Secret, TOTP } from 'otpauth';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer, type TestServerOptions } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { createReadyMedia } from '../media/test-fixtures';
import { localWebhookSecret } from './providers/local-provider';
import { signWebhookPayload } from './webhook-signature';
import { freeShipping } from '../stories/test-support';

export type Api = ReturnType<typeof apiClient>;

let counter = 0;
let address = 0;
const unique = (who: string) => `${who}-${Date.now().toString(36)}-${counter++}@example.com`;

export async function startServer(options: TestServerOptions = {}): Promise<{ runtime: Runtime; api: Api }> {
  const runtime = await startTestServer(options);
  return { runtime, api: apiClient(runtime) };
}

/** Signs in a fresh account from its own client address (the sign-in rate limits never trip). */
export async function signIn(api: Api, who: string, email = unique(who)): Promise<Session> {
  address += 1;
  return api.signIn(email, { remoteAddress: `10.88.${Math.floor(address / 250) % 250}.${(address % 250) + 1}` });
}

export async function enrolTotp(runtime: Runtime, api: Api, session: Session): Promise<void> {
  const enrol = await api.call<{ secret: string }>('POST', '/v1/auth/totp/enroll', { token: session.accessToken });
  const code = new TOTP({
    secret: Secret.fromBase32(enrol.body.secret),
    digits: 6,
    period: 30,
    algorithm: 'SHA1',
  }).generate({
    timestamp: runtime.ctx.clock.now().getTime(),
  });
  const res = await api.call('POST', '/v1/auth/totp/confirm', { token: session.accessToken, body: { code } });
  if (res.status !== 200) throw new Error(`totp confirm failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/** A maker with TOTP on (makers need it to sell and to receive payouts). */
export async function makerWithTotp(runtime: Runtime, api: Api, who = 'maker'): Promise<Session> {
  const session = await signIn(api, who);
  await enrolTotp(runtime, api, session);
  const res = await api.call('POST', '/v1/makers', {
    token: session.accessToken,
    body: { displayName: `Maker ${who}` },
  });
  if (res.status !== 201) throw new Error(`maker failed: ${res.status} ${JSON.stringify(res.body)}`);
  return session;
}

/** A published story with a buy-now price, created through the API. */
export async function buyNowStory(
  runtime: Runtime,
  api: Api,
  maker: Session,
  buyNowMinor = 25_000,
  title = 'A walnut bowl',
): Promise<string> {
  const heroMediaId = await createReadyMedia(runtime, maker.userId);
  const res = await api.call<{ id: string }>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: {
      title,
      category: 'woodwork',
      heroMediaId,
      offerPolicy: { minOfferMinor: Math.min(10_000, buyNowMinor), currency: 'USD', autoRejectBelowMin: true },
      shipping: freeShipping,
      buyNowMinor,
    },
  });
  if (res.status !== 201) throw new Error(`story failed: ${res.status} ${JSON.stringify(res.body)}`);
  const pub = await api.call('POST', `/v1/stories/${res.body.id}/publish`, { token: maker.accessToken });
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`);
  return res.body.id;
}

export interface WindowAnswer {
  id: string;
  status: string;
  amountMinor: number;
  currency: string;
  expiresAt: string;
  checkoutUrl: string | null;
}

/** The buyer buys the story now: an open payment window with its checkout URL. */
/** Buy now, shipping to `shippingCountry` (without it, the buyer's account country). */
export async function buyNow(
  api: Api,
  buyer: Session,
  storyId: string,
  shippingCountry?: string,
): Promise<WindowAnswer> {
  const res = await api.call<{ paymentWindow: WindowAnswer }>('POST', `/v1/stories/${storyId}/buy`, {
    token: buyer.accessToken,
    ...(shippingCountry ? { body: { shippingCountry } } : {}),
  });
  if (res.status !== 201) throw new Error(`buy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.paymentWindow;
}

/** An address in France, for orders bought for delivery there. */
export const FRENCH_ADDRESS = { name: 'A B', line1: '1 Lane', city: 'Lyon', postalCode: '69001', country: 'FR' };

/**
 * A paid order: `buyer` buys a fresh story of `maker` (at `price`) for delivery in France and pays
 * through the local checkout; returns the order id.
 */
export async function paidLocalOrder(
  runtime: Runtime,
  api: Api,
  maker: Session,
  buyer: Session,
  price = 15_000,
): Promise<string> {
  const window = await buyNow(api, buyer, await buyNowStory(runtime, api, maker, price), 'FR');
  const res = await api.call<{ orderId: string }>(
    'POST',
    `/v1/payments/local/${sessionIdOf(window.checkoutUrl!)}/complete`,
    { body: { outcome: 'succeeded', shipping: FRENCH_ADDRESS } },
  );
  if (res.status !== 200) throw new Error(`payment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.orderId;
}

/** The checkout session id in a checkout URL (local: `/v1/payments/local/<id>`). */
export const sessionIdOf = (checkoutUrl: string): string => new URL(checkoutUrl, 'http://x').pathname.split('/').pop()!;

/** A path relative to the server, for `app.inject`. */
export const pathOf = (url: string): string => {
  const u = new URL(url, 'http://x');
  return `${u.pathname}${u.search}`;
};

export function localSecret(runtime: Runtime): string {
  return localWebhookSecret(runtime.ctx.secrets.internalSigningSecret);
}

/** Posts a Stripe-shaped event to the webhook route, signed with `secret` at `at`. */
export async function deliver(api: Api, secret: string, event: Record<string, unknown>, at = new Date()) {
  // The client sends JSON.stringify(event): exactly the bytes signed here.
  const signature = signWebhookPayload(secret, JSON.stringify(event), at);
  return api.call<{ outcome: string; error?: { code: string } }>('POST', '/v1/payments/stripe/webhook', {
    headers: { 'stripe-signature': signature },
    body: event,
  });
}

let eventCounter = 0;
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  createdAt = new Date(),
): Record<string, unknown> {
  eventCounter += 1;
  return {
    id: `evt_test_${Date.now().toString(36)}_${eventCounter}`,
    object: 'event',
    type,
    created: Math.floor(createdAt.getTime() / 1000),
    data: { object },
  };
}

export async function rows<T>(runtime: Runtime, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await runtime.ctx.pool.query(sql, params)).rows as T[];
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Submits the local hosted checkout form at `action` as a buyer paying with a shipping address. */
export async function submitLocalCheckout(runtime: Runtime, action: string) {
  return runtime.app!.inject({
    method: 'POST',
    url: action,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      outcome: 'succeeded',
      name: 'Grace Buyer',
      line1: '12 Harbour Road',
      line2: '',
      city: 'Portland',
      postalCode: '04101',
      country: 'US',
    }).toString(),
  });
}
