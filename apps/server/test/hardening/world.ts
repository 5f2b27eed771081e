/**
 * A small populated marketplace for the hardening suites: a maker (the owner) with a published
 * story, an auction with bids that ended and was paid (so an order exists), an offer, notifications
 * and media — plus a viewer, another maker and an admin who own none of it.
 */
import { randomUUID } from 'node:crypto';
import { submitLocalCheckout } from '../../src/modules/payments/test-support';
import { createReadyMedia } from '../../src/modules/media/test-fixtures';
import type { Runtime } from '../../src/composition/runtime';
import { apiClient, type Session } from '../client';
import { freeShipping } from '../../src/modules/stories/test-support';

export type Api = ReturnType<typeof apiClient>;
export const ROLES = ['anonymous', 'viewer', 'otherMaker', 'owner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface World {
  api: Api;
  emails: Record<Exclude<Role, 'anonymous'>, string>;
  sessions: Record<Exclude<Role, 'anonymous'>, Session>;
  buyer: Session;
  /** A bystander the admin's user actions (suspend, reinstate) are aimed at. */
  bystander: Session;
  storyId: string;
  mediaId: string;
  auctionId: string;
  bidId: string;
  offerId: string;
  orderId: string;
  windowId: string;
  checkoutSessionId: string;
  notificationId: string;
}

export const WORLD_ENV = {
  AUCTION_DURATION_SECONDS: '3',
  SOFT_CLOSE_SECONDS: '1',
  PAYMENT_WINDOW_SECONDS: '600',
  RATE_LIMIT_PER_MINUTE: '1000000',
};

let address = 0;
export function nextAddress(): string {
  address += 1;
  return `10.77.${Math.floor(address / 250)}.${(address % 250) + 1}`;
}

async function until<T>(probe: () => Promise<T | null | undefined>, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function must<T>(res: { status: number; body: unknown }, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/** Builds the world; `adminEmail` must be listed in the runtime's ADMIN_EMAILS. */
export async function buildWorld(runtime: Runtime, adminEmail: string): Promise<World> {
  const api = apiClient(runtime);
  const tag = randomUUID().slice(0, 8);
  const emails = {
    viewer: `hv-viewer-${tag}@example.com`,
    otherMaker: `hv-other-${tag}@example.com`,
    owner: `hv-owner-${tag}@example.com`,
    admin: adminEmail,
  };
  const signIn = (email: string) => api.signIn(email, { remoteAddress: nextAddress() });
  const owner = await signIn(emails.owner);
  must(
    await api.call('POST', '/v1/makers', { token: owner.accessToken, body: { displayName: 'Owner' } }),
    201,
    'maker',
  );
  const otherMaker = await signIn(emails.otherMaker);
  must(
    await api.call('POST', '/v1/makers', { token: otherMaker.accessToken, body: { displayName: 'Other' } }),
    201,
    'other maker',
  );
  const viewer = await signIn(emails.viewer);
  const admin = await api.signInAdmin(emails.admin, { remoteAddress: nextAddress() });
  const buyer = await signIn(`hv-buyer-${tag}@example.com`);
  const opener = await signIn(`hv-opener-${tag}@example.com`);

  const heroMediaId = await createReadyMedia(runtime, owner.userId);
  const mediaId = await createReadyMedia(runtime, owner.userId);
  const story = must<{ id: string }>(
    await api.call('POST', '/v1/stories', {
      token: owner.accessToken,
      body: {
        title: 'Hand-carved oak bowl',
        description: 'Turned from a fallen oak.',
        category: 'woodwork',
        heroMediaId,
        offerPolicy: { minOfferMinor: 10_000, currency: 'USD', autoRejectBelowMin: true },
        shipping: freeShipping,
      },
    }),
    201,
    'story',
  );
  must(await api.call('POST', `/v1/stories/${story.id}/publish`, { token: owner.accessToken }), 200, 'publish');
  const offer = must<{ auction: { id: string } | null }>(
    await api.call('POST', `/v1/stories/${story.id}/offers`, {
      token: opener.accessToken,
      body: { amountMinor: 10_000 },
    }),
    201,
    'offer',
  );
  const auctionId = offer.auction!.id;
  const current = must<{ minNextBidMinor: number }>(await api.call('GET', `/v1/auctions/${auctionId}`), 200, 'auction');
  must(
    await api.call('POST', `/v1/auctions/${auctionId}/bids`, {
      token: buyer.accessToken,
      body: { amountMinor: current.minNextBidMinor },
    }),
    201,
    'bid',
  );
  const offers = must<{ items: { id: string }[] }>(
    await api.call('GET', `/v1/stories/${story.id}/offers?status=opened_auction`, { token: owner.accessToken }),
    200,
    'offers',
  );
  const bids = must<{ items: { id: string }[] }>(await api.call('GET', `/v1/auctions/${auctionId}/bids`), 200, 'bids');
  await until(async () => {
    const a = await api.call<{ status: string }>('GET', `/v1/auctions/${auctionId}`);
    return a.body.status === 'awaiting_payment';
  }, 'the auction to end');
  const payment = must<{ id: string; checkoutUrl: string }>(
    await api.call('GET', `/v1/auctions/${auctionId}/payment`, { token: buyer.accessToken }),
    200,
    'payment',
  );
  const checkoutPath = new URL(payment.checkoutUrl, 'http://localhost').pathname;
  const checkoutSessionId = checkoutPath.split('/').filter(Boolean).at(-1)!;
  const paid = await submitLocalCheckout(runtime, `${checkoutPath}/complete`);
  if (paid.statusCode !== 303) throw new Error(`checkout: ${paid.statusCode} ${paid.body}`);
  const order = await until(async () => {
    const list = await api.call<{ items: { id: string }[] }>('GET', '/v1/orders?as=buyer', {
      token: buyer.accessToken,
    });
    return list.body.items[0];
  }, 'the order');
  const notification = await until(async () => {
    const list = await api.call<{ items: { id: string }[] }>('GET', '/v1/notifications', { token: owner.accessToken });
    return list.body.items[0];
  }, 'a notification for the owner');

  return {
    api,
    emails,
    sessions: { viewer, otherMaker, owner, admin },
    buyer,
    bystander: opener,
    storyId: story.id,
    mediaId,
    auctionId,
    bidId: bids.items[0]!.id,
    offerId: offers.items[0]!.id,
    orderId: order.id,
    windowId: payment.id,
    checkoutSessionId,
    notificationId: notification.id,
  };
}

/** A callable URL for an OpenAPI path, with the world's resources in its parameters. */
export function urlFor(world: World, method: string, path: string): string {
  const byPrefix: [RegExp, string][] = [
    [/^\/v1\/(admin\/)?stories\/\{id\}/, world.storyId],
    [/^\/v1\/(admin\/)?auctions\/\{id\}/, world.auctionId],
    [/^\/v1\/offers\/\{id\}/, world.offerId],
    [/^\/v1\/orders\/\{id\}/, world.orderId],
    [/^\/v1\/notifications\/\{id\}/, world.notificationId],
    [/^\/v1\/makers\/\{id\}/, world.sessions.owner.userId],
    [/^\/v1\/admin\/users\/\{id\}/, world.bystander.userId],
    [/^\/v1\/payment-windows\/\{id\}/, world.windowId],
    [/^\/v1\/admin\/reports\/\{id\}/, randomUUID()],
  ];
  const id = byPrefix.find(([re]) => re.test(path))?.[1] ?? randomUUID();
  void method;
  return path
    .replace('{id}', id)
    .replace('{storyId}', world.storyId)
    .replace('{makerId}', world.sessions.owner.userId)
    .replace('{bidId}', world.bidId)
    .replace('{mediaId}', world.mediaId)
    .replace('{sessionId}', world.checkoutSessionId)
    .replace('{token}', 'not-a-token')
    .replace('{*}', 'master.m3u8');
}
