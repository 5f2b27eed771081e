import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import {
  bid,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
} from '../auctions/test-support';
import { makerWithTotp, paidLocalOrder } from '../payments/test-support';
import { ADMIN_PREFIX } from './admin-gate';
import { adminOperations } from './test-support';

let runtime: Runtime;
let api: Api;
let admin: Session;
let maker: Session;
let seller: Session;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ env: { ADMIN_EMAILS: 'audit-admin@example.com' } }));
  admin = await api.signInAdmin('audit-admin@example.com', { remoteAddress: '10.98.0.1' });
  maker = await signInMaker(api, 'audit-maker');
  seller = await makerWithTotp(runtime, api, 'audit-seller');
});
afterAll(async () => runtime.stop());

interface AdminAction {
  /** The OpenAPI operation this case covers. */
  operation: string;
  /** Prepares a target; returns the call and the audit entry it must leave. */
  prepare(): Promise<{
    url: string;
    body?: unknown;
    expected: { action: string; targetType: string; targetId: string; reason?: string };
  }>;
}

async function reportOn(storyId: string): Promise<string> {
  const reporter = await signIn(api, 'audit-reporter');
  const res = await api.call<{ id: string }>('POST', '/v1/reports', {
    token: reporter.accessToken,
    body: { targetType: 'story', targetId: storyId, reason: 'Looks mass-produced' },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

/** A review of `seller`, written after delivery and reported; returns its id. */
async function reportedReview(): Promise<string> {
  const buyer = await signIn(api, 'audit-reviewer');
  const orderId = await paidOrder(buyer);
  const shipped = await api.call('POST', `/v1/orders/${orderId}/shipment`, {
    token: seller.accessToken,
    body: { carrier: 'UPS', trackingNumber: '1Z999AA10123456784' },
  });
  expect(shipped.status).toBe(200);
  const delivered = await api.call('POST', `/v1/orders/${orderId}/delivery-confirmation`, {
    token: buyer.accessToken,
  });
  expect(delivered.status).toBe(200);
  const review = await api.call<{ id: string }>('POST', `/v1/orders/${orderId}/review`, {
    token: buyer.accessToken,
    body: { rating: 1, text: 'Never again' },
  });
  expect(review.status).toBe(201);
  const reported = await api.call('POST', `/v1/reviews/${review.body.id}/report`, {
    token: maker.accessToken,
    body: { reason: 'Not about the piece' },
  });
  expect(reported.status).toBeLessThan(300);
  return review.body.id;
}

/** A paid order (buy-now through the local checkout); returns its id. */
async function paidOrder(buyer?: Session): Promise<string> {
  return paidLocalOrder(runtime, api, seller, buyer ?? (await signIn(api, 'audit-buyer')), 30_000);
}

// Every admin action of every module. A new admin route without a case here fails the coverage test below.
const actions: AdminAction[] = [
  {
    operation: 'POST /v1/admin/users/{id}/suspend',
    prepare: async () => {
      const user = await signIn(api, 'audit-suspend');
      return {
        url: `/v1/admin/users/${user.userId}/suspend`,
        body: { reason: 'Shill bidding' },
        expected: { action: 'user.suspend', targetType: 'user', targetId: user.userId, reason: 'Shill bidding' },
      };
    },
  },
  {
    operation: 'POST /v1/admin/users/{id}/reinstate',
    prepare: async () => {
      const user = await signIn(api, 'audit-reinstate');
      const suspended = await api.call('POST', `/v1/admin/users/${user.userId}/suspend`, {
        token: admin.accessToken,
        body: {},
      });
      expect(suspended.status).toBe(200);
      return {
        url: `/v1/admin/users/${user.userId}/reinstate`,
        body: { reason: 'Appeal upheld' },
        expected: { action: 'user.reinstate', targetType: 'user', targetId: user.userId, reason: 'Appeal upheld' },
      };
    },
  },
  {
    operation: 'POST /v1/admin/stories/{id}/unpublish',
    prepare: async () => {
      const storyId = await publishedStory(runtime, api, maker);
      return {
        url: `/v1/admin/stories/${storyId}/unpublish`,
        body: { reason: 'Not handmade' },
        expected: { action: 'story.unpublish', targetType: 'story', targetId: storyId, reason: 'Not handmade' },
      };
    },
  },
  {
    operation: 'POST /v1/admin/stories/{id}/archive',
    prepare: async () => {
      const storyId = await publishedStory(runtime, api, maker);
      return {
        url: `/v1/admin/stories/${storyId}/archive`,
        body: { reason: 'Duplicate listing' },
        expected: { action: 'story.archive', targetType: 'story', targetId: storyId, reason: 'Duplicate listing' },
      };
    },
  },
  {
    operation: 'POST /v1/admin/reports/{id}/resolve',
    prepare: async () => {
      const reportId = await reportOn(await publishedStory(runtime, api, maker));
      return {
        url: `/v1/admin/reports/${reportId}/resolve`,
        body: { outcome: 'dismissed', note: 'Within the rules' },
        expected: { action: 'report.dismissed', targetType: 'report', targetId: reportId, reason: 'Within the rules' },
      };
    },
  },
  {
    operation: 'POST /v1/admin/auctions/{id}/bids/{bidId}/void',
    prepare: async () => {
      const storyId = await publishedStory(runtime, api, maker);
      const auction = await openAuctionWith(api, storyId, await signIn(api, 'audit-opener'));
      const placed = await bid(api, auction.id, await signIn(api, 'audit-bidder'), 20_000);
      expect(placed.status).toBe(201);
      return {
        url: `/v1/admin/auctions/${auction.id}/bids/${placed.body.bid.id}/void`,
        body: { reason: 'Stolen card' },
        expected: {
          action: 'auction.bid_voided',
          targetType: 'bid',
          targetId: placed.body.bid.id,
          reason: 'Stolen card',
        },
      };
    },
  },
  {
    operation: 'GET /v1/admin/analytics/export',
    prepare: async () => ({
      url: '/v1/admin/analytics/export?from=2026-01-01&to=2026-01-02',
      expected: {
        action: 'analytics.export',
        targetType: 'analytics_events',
        targetId: '2026-01-01T00:00:00.000Z/2026-01-02T00:00:00.000Z',
      },
    }),
  },
  {
    operation: 'POST /v1/admin/reviews/{id}/remove',
    prepare: async () => {
      const reviewId = await reportedReview();
      return {
        url: `/v1/admin/reviews/${reviewId}/remove`,
        body: { reason: 'Abusive' },
        expected: { action: 'review.remove', targetType: 'review', targetId: reviewId, reason: 'Abusive' },
      };
    },
  },
  {
    operation: 'POST /v1/admin/reviews/{id}/dismiss-reports',
    prepare: async () => {
      const reviewId = await reportedReview();
      return {
        url: `/v1/admin/reviews/${reviewId}/dismiss-reports`,
        body: { note: 'An honest opinion' },
        expected: {
          action: 'review.reports_dismissed',
          targetType: 'review',
          targetId: reviewId,
          reason: 'An honest opinion',
        },
      };
    },
  },
  // Admin actions on routes shared with makers (orders): audited when an admin acts.
  {
    operation: 'POST /v1/orders/{id}/refunds',
    prepare: async () => {
      const orderId = await paidOrder();
      return {
        url: `/v1/orders/${orderId}/refunds`,
        body: { amountMinor: 1_000, reason: 'Damaged in transit' },
        expected: { action: 'order.refund', targetType: 'order', targetId: orderId, reason: 'Damaged in transit' },
      };
    },
  },
  {
    operation: 'POST /v1/orders/{id}/cancel',
    prepare: async () => {
      const orderId = await paidOrder();
      return {
        url: `/v1/orders/${orderId}/cancel`,
        body: { reason: 'Fraudulent purchase' },
        expected: { action: 'order.cancel', targetType: 'order', targetId: orderId, reason: 'Fraudulent purchase' },
      };
    },
  },
];

/** Reads that change nothing: not audited. */
const readOnly = new Set([
  'GET /v1/admin/reports',
  'GET /v1/admin/audit-log',
  'GET /v1/admin/message-reports',
  'GET /v1/admin/review-reports',
]);
/**
 * Admin actions whose audit entries are checked beside the rest of their module's rules: reading
 * a reported conversation (conversations/conversations.test.ts checks the entry of every page read).
 */
const auditedElsewhere = new Set(['GET /v1/admin/conversations/{id}']);

interface AuditPage {
  items: {
    actorId: string;
    actorName: string | null;
    action: string;
    targetType: string;
    targetId: string;
    reason: string | null;
  }[];
}

describe('the audit log', () => {
  it('has a case below for every admin action the app publishes', () => {
    const published = adminOperations(runtime)
      .map((op) => `${op.method} ${op.path}`)
      .filter((op) => !readOnly.has(op) && !auditedElsewhere.has(op));
    const covered = actions.map((a) => a.operation).filter((op) => op.split(' ')[1]!.startsWith(ADMIN_PREFIX));
    expect(covered.sort()).toEqual(published);
  });

  it.each(actions.map((a) => [a.operation, a] as const))(
    'records %s with actor, action, target and reason',
    async (_op, action) => {
      const { url, body, expected } = await action.prepare();
      const method = action.operation.startsWith('GET') ? 'GET' : 'POST';
      const res = await runtime.app!.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${admin.accessToken}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: JSON.stringify(body) }),
      });
      expect(res.statusCode, res.body).toBeLessThan(300);

      const log = await api.call<AuditPage>(
        'GET',
        `/v1/admin/audit-log?targetType=${expected.targetType}&targetId=${encodeURIComponent(expected.targetId)}`,
        { token: admin.accessToken },
      );
      expect(log.status).toBe(200);
      const entry = log.body.items.find((e) => e.action === expected.action);
      expect(entry).toMatchObject({
        actorId: admin.userId,
        actorName: expect.any(String) as string,
        targetType: expected.targetType,
        targetId: expected.targetId,
        reason: expected.reason ?? null,
      });
    },
  );
});
