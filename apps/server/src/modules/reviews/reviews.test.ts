import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { makerWithTotp, paidLocalOrder, signIn, startServer, type Api } from '../payments/test-support';
import { orderReviewOf } from './read-reviews';
import type { ReviewView } from './schemas';
import { reviewsDepsOf } from './test-support';

const ADMIN = `reviews-admin-${Date.now().toString(36)}@example.com`;
const DAY_MS = 24 * 3600 * 1000;

interface ErrorBody {
  error: { code: string };
}
interface ReviewPage {
  items: ReviewView[];
  average: number | null;
  count: number;
  nextCursor: string | null;
}

let runtime: Runtime;
let api: Api;
let admin: Session;

beforeAll(async () => {
  ({ runtime, api } = await startServer({ env: { ADMIN_EMAILS: ADMIN } }));
  admin = await signIn(api, 'admin', ADMIN);
  await api.enrolTotp(admin);
}, 60_000);
afterAll(async () => runtime?.stop());

const post = <T>(path: string, who: Session, body?: unknown) =>
  api.call<T & ErrorBody>('POST', path, { token: who.accessToken, ...(body === undefined ? {} : { body }) });
const review = (who: Session, orderId: string, body: unknown) =>
  post<ReviewView>(`/v1/orders/${orderId}/review`, who, body);
const reviewsOf = (makerId: string, query = '') =>
  api.call<ReviewPage & ErrorBody>('GET', `/v1/makers/${makerId}/reviews${query}`);
const ratingOf = async (makerId: string) =>
  (await api.call<{ rating: { average: number | null; count: number } }>('GET', `/v1/makers/${makerId}`)).body.rating;

/** A paid order of a fresh story of the maker, bought by `buyer` and shipped to France. */
async function paidOrder(maker: Session, buyer: Session): Promise<string> {
  return paidLocalOrder(runtime, api, maker, buyer, 12_000);
}

/** A paid order, shipped by the maker and confirmed delivered by the buyer. */
async function deliveredOrder(maker: Session, buyer: Session): Promise<string> {
  const orderId = await paidOrder(maker, buyer);
  const shipped = await post(`/v1/orders/${orderId}/shipment`, maker, { carrier: 'UPS', trackingNumber: 'T1' });
  expect(shipped.status).toBe(200);
  expect((await post(`/v1/orders/${orderId}/delivery-confirmation`, buyer)).status).toBe(200);
  return orderId;
}

async function notificationsOf(userId: string, kind: string): Promise<{ title: string; link: string | null }[]> {
  const { rows } = await runtime.ctx.pool.query<{ title: string; link: string | null }>(
    'select title, link from notifications.notifications where user_id = $1 and kind = $2',
    [userId, kind],
  );
  return rows;
}

describe('a buyer reviews the maker of a delivered order', () => {
  it('only after delivery, only the buyer, once; the maker hears of it and the rating follows', async () => {
    const maker = await makerWithTotp(runtime, api, 'rev-maker');
    const buyer = await signIn(api, 'rev-buyer');
    const stranger = await signIn(api, 'rev-stranger');
    const orderId = await paidOrder(maker, buyer);

    const early = await review(buyer, orderId, { rating: 5 });
    expect([early.status, early.body.error.code]).toEqual([409, 'order_not_delivered']);
    await post(`/v1/orders/${orderId}/shipment`, maker, { carrier: 'UPS', trackingNumber: 'T1' });
    expect((await review(buyer, orderId, { rating: 5 })).body.error.code).toBe('order_not_delivered');
    expect((await post(`/v1/orders/${orderId}/delivery-confirmation`, buyer)).status).toBe(200);

    const byMaker = await review(maker, orderId, { rating: 5 });
    expect([byMaker.status, byMaker.body.error.code]).toEqual([403, 'not_allowed_for_party']);
    const byAdmin = await review(admin, orderId, { rating: 5 });
    expect([byAdmin.status, byAdmin.body.error.code]).toEqual([403, 'not_allowed_for_party']);
    const byStranger = await review(stranger, orderId, { rating: 5 });
    expect([byStranger.status, byStranger.body.error.code]).toEqual([404, 'order_not_found']);
    expect((await review(buyer, crypto.randomUUID(), { rating: 5 })).status).toBe(404);

    const stored = await post<ReviewView>(`/v1/orders/${orderId}/review`, buyer, {
      rating: 4,
      text: '<b>Lovely</b> bowl, well packed.',
    });
    expect(stored.status).toBe(201);
    expect(stored.body).toMatchObject({ rating: 4, text: '<b>Lovely</b> bowl, well packed.', makerId: maker.userId });
    expect(stored.body.reply).toBeUndefined();
    const again = await review(buyer, orderId, { rating: 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'already_reviewed']);

    expect(await ratingOf(maker.userId)).toEqual({ average: 4, count: 1 });
    const page = await reviewsOf(maker.userId);
    expect(page.body).toMatchObject({ average: 4, count: 1, nextCursor: null });
    expect(page.body.items.map((r) => r.id)).toEqual([stored.body.id]);
    const received = await notificationsOf(maker.userId, 'review_received');
    expect(received.map((n) => n.link)).toEqual([`/orders/${orderId}`]);
    expect(received[0]!.title).toMatch(/rated you 4 of 5$/);

    const mine = await api.call<{ review: ReviewView | null; canReview: boolean }>(
      'GET',
      `/v1/orders/${orderId}/review`,
      { token: maker.accessToken },
    );
    expect(mine.body).toMatchObject({ canReview: false, review: { id: stored.body.id } });
    expect((await api.call('GET', `/v1/orders/${orderId}/review`, { token: stranger.accessToken })).status).toBe(404);
  }, 60_000);

  it('refuses a rating outside 1–5 and text that is blank or over 1,000 characters (400)', async () => {
    const maker = await makerWithTotp(runtime, api, 'rev-input-maker');
    const buyer = await signIn(api, 'rev-input-buyer');
    const orderId = await deliveredOrder(maker, buyer);
    const bad = [
      { rating: 0 },
      { rating: 6 },
      { rating: 3.5 },
      { rating: '5' },
      {},
      { rating: 5, text: '   ' },
      { rating: 5, text: 'x'.repeat(1001) },
      { rating: 5, text: 'a\u0000b' },
    ];
    for (const body of bad) {
      const res = await review(buyer, orderId, body);
      expect([res.status, res.body.error.code], JSON.stringify(body).slice(0, 40)).toEqual([400, 'validation_failed']);
    }
    expect((await review(buyer, orderId, { rating: 1, text: 'é'.repeat(1000) })).status).toBe(201);
  }, 60_000);

  it('takes reviews for 60 days after delivery, completed orders included, and then no more', async () => {
    const maker = await makerWithTotp(runtime, api, 'rev-late-maker');
    const buyer = await signIn(api, 'rev-late-buyer');
    const late = await deliveredOrder(maker, buyer);
    const inTime = await deliveredOrder(maker, buyer);
    const moveDelivery = (orderId: string, daysAgo: number, status: string) =>
      runtime.ctx.pool.query(`update orders.orders set delivered_at = $2, status = $3 where id = $1`, [
        orderId,
        new Date(Date.now() - daysAgo * DAY_MS),
        status,
      ]);
    await moveDelivery(late, 61, 'completed');
    await moveDelivery(inTime, 59, 'completed');

    const deps = reviewsDepsOf(runtime);
    const caller = { userId: buyer.userId, roles: [] };
    expect(await orderReviewOf(deps, caller, late)).toMatchObject({ review: null, canReview: false });
    expect(await orderReviewOf(deps, caller, inTime)).toMatchObject({ review: null, canReview: true });

    const refused = await review(buyer, late, { rating: 5 });
    expect([refused.status, refused.body.error.code]).toEqual([409, 'review_window_closed']);
    expect((await review(buyer, inTime, { rating: 5 })).status).toBe(201);
    expect(await ratingOf(maker.userId)).toEqual({ average: 5, count: 1 });
  }, 60_000);

  it('takes exactly one of many concurrent posts for one order', async () => {
    const maker = await makerWithTotp(runtime, api, 'rev-race-maker');
    const buyer = await signIn(api, 'rev-race-buyer');
    const orderId = await deliveredOrder(maker, buyer);
    const base = await runtime.app!.listen({ port: 0, host: '127.0.0.1' });
    const answers = await Promise.all(
      [5, 4, 3, 2, 1, 5, 4, 3].map((rating) =>
        fetch(`${base}/v1/orders/${orderId}/review`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${buyer.accessToken}` },
          body: JSON.stringify({ rating }),
        }).then(async (res) => ({ status: res.status, body: (await res.json()) as ReviewView & ErrorBody })),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409).map((a) => a.body.error.code)).toEqual(
      Array<string>(7).fill('already_reviewed'),
    );
    const taken = answers.find((a) => a.status === 201)!.body;
    const { rows } = await runtime.ctx.pool.query('select rating from reviews.reviews where order_id = $1', [orderId]);
    expect(rows).toEqual([{ rating: taken.rating }]);
    expect(await ratingOf(maker.userId)).toEqual({ average: taken.rating, count: 1 });
    expect(await notificationsOf(maker.userId, 'review_received')).toHaveLength(1);
  }, 60_000);
});

describe('the maker answers', () => {
  it('once, only the reviewed maker; the buyer hears of it and the answer shows with the review', async () => {
    const maker = await makerWithTotp(runtime, api, 'rev-reply-maker');
    const other = await makerWithTotp(runtime, api, 'rev-reply-other');
    const buyer = await signIn(api, 'rev-reply-buyer');
    const orderId = await deliveredOrder(maker, buyer);
    const { body } = await review(buyer, orderId, { rating: 3, text: 'Smaller than it looked.' });
    const answer = (who: Session, text: string) => post<ReviewView>(`/v1/reviews/${body.id}/reply`, who, { text });

    expect((await answer(buyer, 'Me too')).body.error.code).toBe('not_allowed_for_party');
    expect((await answer(other, 'Not mine')).status).toBe(403);
    expect((await answer(maker, '  ')).status).toBe(400);
    expect((await post(`/v1/reviews/${crypto.randomUUID()}/reply`, maker, { text: 'x' })).status).toBe(404);
    const first = await answer(maker, 'Sizes are in the description; happy to take it back.');
    expect(first.status).toBe(201);
    expect(first.body.reply).toMatchObject({ text: 'Sizes are in the description; happy to take it back.' });
    const second = await answer(maker, 'Changed my mind');
    expect([second.status, second.body.error.code]).toEqual([409, 'already_replied']);

    const page = await reviewsOf(maker.userId);
    expect(page.body.items[0]!.reply!.text).toBe('Sizes are in the description; happy to take it back.');
    const answered = await notificationsOf(buyer.userId, 'review_reply');
    expect(answered.map((n) => n.link)).toEqual([`/orders/${orderId}`]);
    expect(answered[0]!.title).toMatch(/answered your review$/);
  }, 60_000);
});

describe("a maker's reviews", () => {
  let maker: Session;
  let buyers: Session[];
  let ids: string[];

  beforeAll(async () => {
    maker = await makerWithTotp(runtime, api, 'rev-many-maker');
    buyers = [];
    ids = [];
    for (const rating of [5, 4, 2, 5, 1]) {
      const buyer = await signIn(api, 'rev-many-buyer');
      const orderId = await deliveredOrder(maker, buyer);
      const res = await review(buyer, orderId, { rating, text: `Rated ${rating}` });
      expect(res.status).toBe(201);
      buyers.push(buyer);
      ids.push(res.body.id);
    }
  }, 120_000);

  it('page newest first by keyset, each review once, equal times included', async () => {
    const read = async (limit: number) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 10; pages++) {
        const res = await reviewsOf(maker.userId, `?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...res.body.items.map((r) => r.id));
        cursor = res.body.nextCursor;
        if (!cursor) return { seen, pages: pages + 1 };
      }
      throw new Error('the pages did not end');
    };
    const { seen, pages } = await read(2);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    // Reviews written in the same millisecond still page by id, none lost or repeated.
    await runtime.ctx.pool.query(`update reviews.reviews set created_at = now() where maker_id = $1`, [maker.userId]);
    const tied = await read(2);
    expect(new Set(tied.seen)).toEqual(new Set(ids));
    expect(tied.seen).toHaveLength(ids.length);
    expect((await reviewsOf(maker.userId, '?cursor=not-a-cursor')).body.error.code).toBe('invalid_cursor');
  });

  it('keep the rating exact through reports, a dismissal and an admin removal (audited)', async () => {
    const exact = async () => {
      const { rows } = await runtime.ctx.pool.query<{ avg: string; n: number }>(
        `select round(avg(rating), 2)::text as avg, count(*)::int as n
           from reviews.reviews where maker_id = $1 and removed_at is null`,
        [maker.userId],
      );
      return { average: Number(rows[0]!.avg), count: rows[0]!.n };
    };
    expect(await ratingOf(maker.userId)).toEqual({ average: 3.4, count: 5 });
    expect(await ratingOf(maker.userId)).toEqual(await exact());

    const reporter = await signIn(api, 'rev-reporter');
    const report = (who: Session, id: string) =>
      post(`/v1/reviews/${id}/report`, who, { reason: 'Not about the piece' });
    expect((await report(reporter, ids[4]!)).status).toBe(201);
    expect((await report(reporter, ids[4]!)).status).toBe(200);
    expect((await report(maker, ids[4]!)).status).toBe(201);
    expect((await report(buyers[4]!, ids[4]!)).body.error.code).toBe('cannot_report_self');
    expect((await report(reporter, ids[1]!)).status).toBe(201);

    const queue = await api.call<{ items: { id: string; review: ReviewView }[] }>('GET', '/v1/admin/review-reports', {
      token: admin.accessToken,
    });
    expect(queue.body.items.filter((r) => r.review.id === ids[4]).length).toBe(2);
    expect((await api.call('GET', '/v1/admin/review-reports', { token: reporter.accessToken })).status).toBe(403);
    expect((await post(`/v1/admin/reviews/${ids[4]}/remove`, maker, { reason: 'x' })).status).toBe(403);

    const kept = await post<{ reportsResolved: number }>(`/v1/admin/reviews/${ids[1]}/dismiss-reports`, admin);
    expect([kept.status, kept.body.reportsResolved]).toEqual([200, 1]);
    expect(await ratingOf(maker.userId)).toEqual({ average: 3.4, count: 5 });

    const removed = await post<{ reportsResolved: number; rating: unknown }>(
      `/v1/admin/reviews/${ids[4]}/remove`,
      admin,
      { reason: 'Abuse of the maker' },
    );
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ reportsResolved: 2, rating: { average: 4, count: 4 } });
    expect(await ratingOf(maker.userId)).toEqual({ average: 4, count: 4 });
    expect(await ratingOf(maker.userId)).toEqual(await exact());
    const twice = await post(`/v1/admin/reviews/${ids[4]}/remove`, admin, { reason: 'again' });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'review_already_removed']);
    expect(await ratingOf(maker.userId)).toEqual({ average: 4, count: 4 });

    const page = await reviewsOf(maker.userId, '?limit=50');
    expect(page.body.items.map((r) => r.id)).not.toContain(ids[4]);
    expect(page.body).toMatchObject({ average: 4, count: 4 });
    const audit = await runtime.ctx.pool.query(
      `select action, reason from platform.audit_log where actor_id = $1 and target_type = 'review' and target_id = $2`,
      [admin.userId, ids[4]],
    );
    expect(audit.rows).toEqual([{ action: 'review.remove', reason: 'Abuse of the maker' }]);
    const dismissed = await runtime.ctx.pool.query(
      `select 1 from platform.audit_log where action = 'review.reports_dismissed' and target_id = $1`,
      [ids[1]],
    );
    expect(dismissed.rowCount).toBe(1);
    const open = await api.call<{ items: { review: ReviewView }[] }>('GET', '/v1/admin/review-reports', {
      token: admin.accessToken,
    });
    expect(open.body.items.filter((r) => ids.includes(r.review.id))).toEqual([]);
    expect((await report(reporter, ids[4]!)).body.error.code).toBe('review_not_found');
  });
});

describe('account data', () => {
  it('exports reviews written and received; deleting the buyer erases the text and keeps the rating', async () => {
    const maker = await makerWithTotp(runtime, api, 'rev-data-maker');
    const buyer = await signIn(api, 'rev-data-buyer');
    const orderId = await deliveredOrder(maker, buyer);
    const { body } = await review(buyer, orderId, { rating: 2, text: 'My private opinion' });
    await post(`/v1/reviews/${body.id}/reply`, maker, { text: 'Sorry to hear it' });

    type Exported = { reviews: { written: { text: string }[]; received: { text: string; reply: { text: string } }[] } };
    const mine = await api.call<Exported>('GET', '/v1/me/export', { token: buyer.accessToken });
    expect(mine.body.reviews.written.map((r) => r.text)).toEqual(['My private opinion']);
    const theirs = await api.call<Exported>('GET', '/v1/me/export', { token: maker.accessToken });
    expect(theirs.body.reviews.received).toMatchObject([
      { text: 'My private opinion', reply: { text: 'Sorry to hear it' } },
    ]);

    expect((await api.call('DELETE', '/v1/me', { token: buyer.accessToken })).status).toBe(204);
    const page = await reviewsOf(maker.userId);
    expect(page.body.items).toMatchObject([
      { id: body.id, rating: 2, text: null, buyer: { displayName: 'Deleted user', deleted: true } },
    ]);
    expect(page.body.items[0]!.reply?.text).toBe('Sorry to hear it');
    expect(page.body).toMatchObject({ average: 2, count: 1 });
    const stored = await runtime.ctx.pool.query(`select 1 from reviews.reviews where text like '%private%'`);
    expect(stored.rowCount).toBe(0);
  }, 60_000);
});
