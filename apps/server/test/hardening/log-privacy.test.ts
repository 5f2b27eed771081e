/**
 * The logs of a representative stretch of use hold no secret and no personal data: sign-in by
 * email and by SMS code (right and wrong codes), refresh-token rotation and reuse, TOTP enrolment
 * and a TOTP sign-in, Stripe Connect onboarding, a purchase paid through signed Stripe webhooks
 * (with the buyer's contact and shipping details in them), a forged webhook, a data export and
 * sign-out — all logged at debug level. None of the addresses, phone numbers, names, one-time
 * codes, tokens, TOTP secrets, the Stripe key or the webhook secret may appear in any line.
 * (`platform/http/http-platform.test.ts` checks the log format and email masking on one sign-in.)
 */
import { randomBytes, randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StripeStub } from '../../src/modules/payments/stripe-stub';
import { buyNow, buyNowStory, deliver, rows, stripeEvent } from '../../src/modules/payments/test-support';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient } from '../client';
import { startTestServer } from '../harness';

const tag = randomBytes(3).toString('hex');
const STRIPE_SECRET_KEY = `sk_test_${randomBytes(16).toString('hex')}`;
const WEBHOOK_SECRET = `whsec_${randomBytes(18).toString('base64url')}`;
const people = {
  buyerEmail: `rosalind.quill.${tag}@example.com`,
  makerEmail: `ferdinand.loom.${tag}@example.org`,
  phone: `+4477009${String(randomInt(10_000, 99_999))}`,
  buyerPhone: `+1415555${String(randomInt(1_000, 9_999))}`,
  shippingName: `Rosalind Quill-${tag}`,
  shippingLine: `${randomInt(100, 999)} Lantern Row`,
  shippingPostcode: `TW${randomInt(10, 99)} 4QX`,
};

let stub: StripeStub;
let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
const logLines: string[] = [];
/** Everything that must never be logged, gathered as the flow produces it. */
const secrets: string[] = [STRIPE_SECRET_KEY, WEBHOOK_SECRET, ...Object.values(people)];
/** One-time and TOTP codes: six digits, matched as whole numbers only. */
const codes: string[] = [];

beforeAll(async () => {
  stub = await new StripeStub().start();
  runtime = await startTestServer({
    logLines,
    env: {
      STRIPE_SECRET_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_BASE: stub.url,
      PAYMENT_WINDOW_SECONDS: '600',
    },
  });
  api = apiClient(runtime);
}, 60_000);

afterAll(async () => {
  await runtime?.stop();
  await stub?.stop();
});

type Tokens = { accessToken: string; refreshToken: string };

function keep(tokens: Partial<Tokens> & { mfaToken?: string }): void {
  for (const value of [tokens.accessToken, tokens.refreshToken, tokens.mfaToken]) if (value) secrets.push(value);
}

/** The newest code sent to `to` (email or phone) after `since`. */
async function codeFor(to: string, since: number): Promise<string> {
  const code = await api.latestCode(to, since);
  codes.push(code);
  return code;
}

async function emailSignIn(email: string): Promise<{ mfaToken?: string } & Partial<Tokens>> {
  const since = Date.now() - 5;
  expect((await api.call('POST', '/v1/auth/email/start', { body: { email } })).status).toBe(202);
  const code = await codeFor(email, since);
  const res = await api.call<{ mfaToken?: string } & Partial<Tokens>>('POST', '/v1/auth/email/verify', {
    body: { email, code },
  });
  expect(res.status).toBe(200);
  keep(res.body);
  return res.body;
}

/** The TOTP code of the current 30-second step, or of the one before (`stepsBack`). */
function totpCode(secret: string, stepsBack = 0): string {
  const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({
    timestamp: runtime.ctx.clock.now().getTime() - stepsBack * 30_000,
  });
  codes.push(code);
  return code;
}

/** The flow, through the public API as the clients use it. */
async function representativeFlow(): Promise<void> {
  // Email sign-in, with a wrong code first.
  const since = Date.now() - 5;
  await api.call('POST', '/v1/auth/email/start', { body: { email: people.buyerEmail } });
  const right = await codeFor(people.buyerEmail, since);
  const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
  codes.push(wrong);
  expect(
    (await api.call('POST', '/v1/auth/email/verify', { body: { email: people.buyerEmail, code: wrong } })).status,
  ).toBe(401);
  const signedIn = await api.call<Tokens>('POST', '/v1/auth/email/verify', {
    body: { email: people.buyerEmail, code: right },
  });
  expect(signedIn.status).toBe(200);
  keep(signedIn.body);
  const buyer = signedIn.body;

  // SMS sign-in.
  const smsSince = Date.now() - 5;
  expect((await api.call('POST', '/v1/auth/sms/start', { body: { phone: people.phone } })).status).toBe(202);
  const smsCode = await codeFor(people.phone, smsSince);
  const bySms = await api.call<Tokens>('POST', '/v1/auth/sms/verify', { body: { phone: people.phone, code: smsCode } });
  expect(bySms.status).toBe(200);
  keep(bySms.body);

  // Refresh-token rotation, then reuse of the rotated token (which ends the session).
  const rotated = await api.call<Tokens>('POST', '/v1/auth/refresh', {
    body: { refreshToken: bySms.body.refreshToken },
  });
  expect(rotated.status).toBe(200);
  keep(rotated.body);
  expect((await api.call('POST', '/v1/auth/refresh', { body: { refreshToken: bySms.body.refreshToken } })).status).toBe(
    401,
  );

  // A maker enrols TOTP, signs out, and signs in again with the second factor.
  const first = await emailSignIn(people.makerEmail);
  const enrol = await api.call<{ secret: string; otpauthUrl: string }>('POST', '/v1/auth/totp/enroll', {
    token: first.accessToken!,
  });
  expect(enrol.status).toBe(200);
  secrets.push(enrol.body.secret, enrol.body.otpauthUrl);
  const confirm = await api.call('POST', '/v1/auth/totp/confirm', {
    token: first.accessToken!,
    // The step before this one (accepted as clock drift), so the sign-in below has a fresh step.
    body: { code: totpCode(enrol.body.secret, 1) },
  });
  expect(confirm.status).toBe(200);
  // Recovery codes are shown to the user once and never written to a log.
  const { recoveryCodes } = confirm.body as { recoveryCodes: string[] };
  expect(recoveryCodes).toHaveLength(10);
  secrets.push(...recoveryCodes);
  expect((await api.call('POST', '/v1/auth/sign-out', { token: first.accessToken! })).status).toBe(204);
  const second = await emailSignIn(people.makerEmail);
  expect(second.mfaToken).toBeTruthy();
  const mfa = await api.call<Tokens>('POST', '/v1/auth/totp/verify', {
    body: { mfaToken: second.mfaToken, code: totpCode(enrol.body.secret) },
  });
  expect(mfa.status).toBe(200);
  keep(mfa.body);
  const maker = { accessToken: mfa.body.accessToken, refreshToken: mfa.body.refreshToken, userId: '' };
  const profile = await api.call<{ userId: string }>('POST', '/v1/makers', {
    token: maker.accessToken,
    body: { displayName: 'Ferdinand Loom' },
  });
  expect(profile.status).toBe(201);
  maker.userId = (await api.call<{ id: string }>('GET', '/v1/me', { token: maker.accessToken })).body.id;

  // Stripe Connect onboarding, announced by a signed webhook.
  const onboarding = await api.call<{ account: { accountId: string } }>('POST', '/v1/payments/connect/onboarding', {
    token: maker.accessToken,
  });
  expect(onboarding.status).toBe(200);
  const accountId = onboarding.body.account.accountId;
  stub.completeOnboarding(accountId);
  const updated = stripeEvent('account.updated', {
    id: accountId,
    object: 'account',
    email: people.makerEmail,
    payouts_enabled: true,
    charges_enabled: true,
    details_submitted: true,
  });
  expect((await deliver(api, WEBHOOK_SECRET, updated)).body.outcome).toBe('applied');

  // A purchase paid through Stripe Checkout; the webhook carries the buyer's details.
  const storyId = await buyNowStory(runtime, api, maker, 20_000, 'A walnut bowl');
  const window = await buyNow(api, { ...buyer, userId: '' }, storyId, 'GB');
  const [session] = await rows<{ provider_session_id: string }>(
    runtime,
    'select provider_session_id from payments.checkout_sessions where window_id = $1',
    [window.id],
  );
  const completed = stripeEvent('checkout.session.completed', {
    id: session!.provider_session_id,
    object: 'checkout.session',
    payment_status: 'paid',
    status: 'complete',
    payment_intent: `pi_${tag}`,
    amount_total: window.amountMinor,
    currency: 'usd',
    metadata: { windowId: window.id },
    customer_details: { email: people.buyerEmail, name: people.shippingName, phone: people.buyerPhone },
    collected_information: {
      shipping_details: {
        name: people.shippingName,
        address: { line1: people.shippingLine, city: 'Tidewater', postal_code: people.shippingPostcode, country: 'GB' },
      },
    },
  });
  expect((await deliver(api, WEBHOOK_SECRET, completed)).body.outcome).toBe('applied');
  // The same event again, and one signed with another secret.
  expect((await deliver(api, WEBHOOK_SECRET, completed)).status).toBe(200);
  const forged = await deliver(api, `whsec_${randomBytes(18).toString('base64url')}`, completed);
  expect(forged.status).toBe(400);

  const orders = await api.call<{ items: { id: string }[] }>('GET', '/v1/orders?as=buyer', {
    token: buyer.accessToken,
  });
  expect(orders.body.items).toHaveLength(1);
  expect((await api.call('GET', '/v1/me/export', { token: buyer.accessToken })).status).toBe(200);
  expect((await api.call('GET', '/v1/me', { token: rotated.body.accessToken })).status).toBe(401);
  expect((await api.call('POST', '/v1/auth/sign-out', { token: buyer.accessToken })).status).toBe(204);
}

describe('logs', () => {
  it('hold no secret, token, code or personal data through sign-in, TOTP, payment webhooks and export', async () => {
    await representativeFlow();
    // Let the jobs the flow queued (mail, SMS, notifications, receipts) run and log too.
    await new Promise((r) => setTimeout(r, 1_500));

    expect(logLines.length).toBeGreaterThan(50);
    const all = logLines.join('\n');
    const leaks = secrets.filter((secret) => all.includes(secret));
    expect(leaks).toEqual([]);
    const leakedCodes = codes.filter((code) => new RegExp(`(?<![0-9])${code}(?![0-9])`).test(all));
    expect(leakedCodes).toEqual([]);
    // The local parts of the addresses are not there in any case or encoding either.
    expect(all.toLowerCase()).not.toContain(`rosalind.quill.${tag}`);
    expect(all.toLowerCase()).not.toContain(`ferdinand.loom.${tag}`);
    expect(all).not.toContain(encodeURIComponent(people.buyerEmail));
    expect(all).not.toContain(encodeURIComponent(people.phone));
    // What is logged about people is masked, not dropped: support can still follow a flow.
    expect(all).toContain(`r***@example.com`);
  }, 90_000);

  it('leave the parameters of a failed query out of its error line', async () => {
    const address = `grace.vale.${tag}@example.net`;
    const token = `rt_${randomBytes(24).toString('base64url')}`;
    const failed = await runtime.ctx.db
      .transaction(async (tx) => {
        await tx.execute(sql`create temp table contact_probe (address text unique, token text) on commit drop`);
        await tx.execute(sql`insert into contact_probe values (${address}, ${token})`);
        await tx.execute(sql`insert into contact_probe values (${address}, ${token})`);
      })
      .catch((err: unknown) => err);
    expect(failed).toBeInstanceOf(Error);
    const before = logLines.length;
    runtime.ctx.logger.error({ err: failed }, 'unhandled error');
    const logged = logLines.slice(before).join('\n');
    expect(logged).toContain('insert into contact_probe');
    expect(logged).toContain('duplicate key value');
    expect(logged).not.toContain(address);
    expect(logged).not.toContain(`grace.vale.${tag}`);
    expect(logged).not.toContain(token);
  });
});
