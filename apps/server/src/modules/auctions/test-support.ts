/** Test support for the auctions module's tests (not used by the product). */
import { Secret, TOTP } from 'otpauth';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer, type TestServerOptions } from '../../../test/harness';
import { createReadyMedia } from '../media/test-fixtures';
import { freeShipping } from '../stories/test-support';

export type Api = ReturnType<typeof apiClient>;

let counter = 0;
/** A unique address per call, so tests never share accounts by accident. */
export const email = (who: string): string => `${who}-${Date.now().toString(36)}-${counter++}@example.com`;

let address = 0;
/** Signs in from a fresh client address each time, so the sign-in rate limits never trip in tests. */
export async function signIn(api: Api, who: string): Promise<Session> {
  address += 1;
  return api.signIn(email(who), { remoteAddress: `10.77.${Math.floor(address / 250) % 250}.${(address % 250) + 1}` });
}

/** As `signIn`, plus a maker profile. */
export async function signInMaker(api: Api, who: string): Promise<Session> {
  const session = await signIn(api, who);
  const res = await api.call('POST', '/v1/makers', {
    token: session.accessToken,
    body: { displayName: `Maker ${who}` },
  });
  if (res.status !== 201) throw new Error(`maker failed: ${res.status} ${JSON.stringify(res.body)}`);
  return session;
}

/** Short but realistic timings for tests that do not move a manual clock. */
export const FAST_ENV = {
  AUCTION_DURATION_SECONDS: '3600',
  SOFT_CLOSE_SECONDS: '600',
  MAKER_DECISION_SECONDS: '1800',
  PAYMENT_WINDOW_SECONDS: '1200',
};

export async function startAuctionServer(options: TestServerOptions = {}): Promise<{ runtime: Runtime; api: Api }> {
  const runtime = await startTestServer(options);
  return { runtime, api: apiClient(runtime) };
}

export interface StoryFields {
  minOfferMinor?: number;
  autoRejectBelowMin?: boolean;
  reserveMinor?: number | null;
  buyNowMinor?: number | null;
  currency?: string;
  shipping?: typeof freeShipping;
}

/** A published story (ready hero video, offer policy) created through the API; returns its id. */
export async function publishedStory(
  runtime: Runtime,
  api: Api,
  maker: Session,
  fields: StoryFields = {},
): Promise<string> {
  const heroMediaId = await createReadyMedia(runtime, maker.userId);
  const res = await api.call<{ id: string }>('POST', '/v1/stories', {
    token: maker.accessToken,
    body: {
      title: 'A walnut bowl',
      category: 'woodwork',
      heroMediaId,
      offerPolicy: {
        minOfferMinor: fields.minOfferMinor ?? 10_000,
        currency: fields.currency ?? 'USD',
        autoRejectBelowMin: fields.autoRejectBelowMin ?? true,
      },
      shipping: fields.shipping ?? freeShipping,
      ...(fields.reserveMinor == null ? {} : { reserveMinor: fields.reserveMinor }),
      ...(fields.buyNowMinor == null ? {} : { buyNowMinor: fields.buyNowMinor }),
    },
  });
  if (res.status !== 201) throw new Error(`story creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  const pub = await api.call('POST', `/v1/stories/${res.body.id}/publish`, { token: maker.accessToken });
  if (pub.status !== 200) throw new Error(`publish failed: ${pub.status} ${JSON.stringify(pub.body)}`);
  return res.body.id;
}

/** Turns TOTP on for a signed-in user (makers need it to accept a buyer). */
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

export interface AuctionBody {
  id: string;
  storyId: string;
  status: string;
  highBidMinor: number | null;
  minNextBidMinor: number | null;
  leaderId: string | null;
  leaderAlias: string | null;
  reserveMet: boolean;
  endsAt: string;
  winnerId: string | null;
  bidCount: number;
  myMaxAmountMinor: number | null;
  makerDecisionDeadline: string | null;
  paymentDueAt: string | null;
  version: number;
  serverTime: string;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/** Opens an auction on `storyId` with an offer of `amountMinor` by `opener`; returns the auction. */
export async function openAuctionWith(
  api: Api,
  storyId: string,
  opener: Session,
  amountMinor = 10_000,
): Promise<AuctionBody> {
  const res = await api.call<{ auction: AuctionBody | null }>('POST', `/v1/stories/${storyId}/offers`, {
    token: opener.accessToken,
    body: { amountMinor },
  });
  if (res.status !== 201 || res.body.auction === null) {
    throw new Error(`offer did not open an auction: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body.auction;
}

export async function bid(
  api: Api,
  auctionId: string,
  who: Session,
  amountMinor: number,
  options: { maxAmountMinor?: number; key?: string } = {},
) {
  return api.call<
    { bid: { id: string; kind: string; amountMinor: number; sequence: number }; auction: AuctionBody } & ErrorBody
  >('POST', `/v1/auctions/${auctionId}/bids`, {
    token: who.accessToken,
    body: { amountMinor, ...(options.maxAmountMinor === undefined ? {} : { maxAmountMinor: options.maxAmountMinor }) },
    ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
  });
}

/** Makes a pending timer job due now and waits until the worker has run it. */
export async function fireTimer(runtime: Runtime, jobKey: string, timeoutMs = 10_000): Promise<void> {
  const res = await runtime.ctx.pool.query(
    'update graphile_worker._private_jobs set run_at = now() where key = $1 returning id',
    [jobKey],
  );
  if (res.rowCount === 0) throw new Error(`no pending job ${jobKey}`);
  const id = (res.rows[0] as { id: string }).id;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const left = await runtime.ctx.pool.query<{ last_error: string | null; attempts: number }>(
      'select last_error, attempts from graphile_worker._private_jobs where id = $1',
      [id],
    );
    const row = left.rows[0];
    if (!row) return;
    if (row.last_error) throw new Error(`job ${jobKey} failed: ${row.last_error}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobKey} did not run within ${timeoutMs} ms`);
}

/** The pending job with this key, if any. */
export async function pendingJob(runtime: Runtime, jobKey: string): Promise<{ runAt: Date; task: string } | null> {
  const res = await runtime.ctx.pool.query<{ run_at: Date; task_identifier: string }>(
    `select j.run_at, t.identifier as task_identifier from graphile_worker._private_jobs j
       join graphile_worker._private_tasks t on t.id = j.task_id where j.key = $1`,
    [jobKey],
  );
  const row = res.rows[0];
  return row ? { runAt: row.run_at, task: row.task_identifier } : null;
}

/** Event types of an auction's log, in order. */
export async function eventTypes(runtime: Runtime, auctionId: string): Promise<string[]> {
  const res = await runtime.ctx.pool.query<{ type: string }>(
    'select type from auctions.auction_events where auction_id = $1 order by id',
    [auctionId],
  );
  return res.rows.map((r) => r.type);
}

export async function waitFor<T>(probe: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}
