import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { waitUntil } from '../notifications/test-support';
import { enqueue } from '../../platform/jobs';
import { createDraft, createPublished, email, type Api } from '../stories/test-support';
import { NOTIFY_NEW_STORY_TASK, PLAN_NEW_STORY_TASK } from './new-story-fan-out';

let runtime: Runtime;
let api: Api;
let maker: Session;
let otherMaker: Session;
let fan: Session;

type ErrorAnswer = { error: { code: string } };
interface FollowAnswer {
  following: boolean;
  followerCount: number;
}
interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const follow = (makerId: string, token: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  api.call<FollowAnswer & ErrorAnswer>(method, `/v1/makers/${makerId}/follow`, { token });

beforeAll(async () => {
  runtime = await startTestServer();
  api = apiClient(runtime);
  [maker, otherMaker, fan] = await Promise.all([
    api.signInMaker(email('maker'), 'Ada Clay'),
    api.signInMaker(email('other'), 'Bo Wood'),
    api.signIn(email('fan')),
  ]);
}, 60_000);
afterAll(() => runtime?.stop());

describe('following a maker', () => {
  it('is idempotent: following twice is one follow, unfollowing twice changes nothing', async () => {
    expect((await follow(maker.userId, fan.accessToken)).body).toEqual({ following: true, followerCount: 1 });
    expect((await follow(maker.userId, fan.accessToken)).body).toEqual({ following: true, followerCount: 1 });
    const [a, b] = await Promise.all([
      follow(maker.userId, otherMaker.accessToken),
      follow(maker.userId, otherMaker.accessToken),
    ]);
    expect([a.body.followerCount, b.body.followerCount]).toContain(2);
    expect((await follow(maker.userId, otherMaker.accessToken, 'DELETE')).body).toEqual({
      following: false,
      followerCount: 1,
    });
    expect((await follow(maker.userId, otherMaker.accessToken, 'DELETE')).body).toEqual({
      following: false,
      followerCount: 1,
    });
  });

  it('refuses following yourself (422), a user who is no maker and a suspended maker (404), and anonymous callers (401)', async () => {
    const self = await follow(maker.userId, maker.accessToken);
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('cannot_follow_self');
    const notMaker = await follow(fan.userId, maker.accessToken);
    expect(notMaker.status).toBe(404);
    expect(notMaker.body.error.code).toBe('maker_not_found');
    expect((await follow(randomUUID(), fan.accessToken)).status).toBe(404);
    expect((await api.call('PUT', `/v1/makers/${maker.userId}/follow`)).status).toBe(401);

    const suspended = await api.signInMaker(email('suspended'), 'Cy Glass');
    await runtime.ctx.db.execute(sql`update identity.users set status = 'suspended' where id = ${suspended.userId}`);
    const refused = await follow(suspended.userId, fan.accessToken);
    expect(refused.status).toBe(404);
    expect(refused.body.error.code).toBe('maker_not_found');
  });

  it('shows on the maker profile: follower count, whether I follow (signed in only), rating and since', async () => {
    const mine = await api.call<Record<string, unknown>>('GET', `/v1/makers/${maker.userId}`, {
      token: fan.accessToken,
    });
    expect(mine.body).toMatchObject({
      userId: maker.userId,
      displayName: 'Ada Clay',
      followerCount: 1,
      following: true,
      rating: { average: null, count: 0 },
    });
    expect(mine.body.since).toBe(mine.body.createdAt);
    const other = await api.call<Record<string, unknown>>('GET', `/v1/makers/${maker.userId}`, {
      token: otherMaker.accessToken,
    });
    expect(other.body).toMatchObject({ followerCount: 1, following: false });
    const anonymous = await api.call<Record<string, unknown>>('GET', `/v1/makers/${maker.userId}`);
    expect(anonymous.body.followerCount).toBe(1);
    expect(anonymous.body).not.toHaveProperty('following');
  });

  it('lists the makers I follow, most recently followed first, in keyset pages', async () => {
    const reader = await api.signIn(email('reader'));
    const makers = [maker, otherMaker, await api.signInMaker(email('third'), 'Di Loom')];
    for (const m of makers) expect((await follow(m.userId, reader.accessToken)).status).toBe(200);
    const first = await api.call<Page<{ userId: string; displayName: string; followerCount: number }>>(
      'GET',
      '/v1/me/following?limit=2',
      { token: reader.accessToken },
    );
    expect(first.body.items.map((m) => m.displayName)).toEqual(['Di Loom', 'Bo Wood']);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await api.call<Page<{ userId: string; followerCount: number }>>(
      'GET',
      `/v1/me/following?limit=2&cursor=${first.body.nextCursor}`,
      { token: reader.accessToken },
    );
    expect(second.body.items).toEqual([expect.objectContaining({ userId: maker.userId, followerCount: 2 })]);
    expect(second.body.nextCursor).toBeNull();
    expect((await api.call('GET', '/v1/me/following')).status).toBe(401);
    const bad = await api.call<ErrorAnswer>('GET', '/v1/me/following?cursor=nonsense', { token: reader.accessToken });
    expect(bad.status).toBe(400);
  });
});

describe('personal data', () => {
  it('exports whom a user follows; deleting the account drops its follows and the follows of it', async () => {
    const leaving = await api.signInMaker(email('leaving'), 'Gil Leather');
    const followed = await api.signInMaker(email('followed'), 'Hal Felt');
    const admirer = await api.signIn(email('admirer'));
    await follow(followed.userId, leaving.accessToken);
    await follow(leaving.userId, admirer.accessToken);

    const exported = await api.call<{ social: { following: { makerId: string }[] } }>('GET', '/v1/me/export', {
      token: leaving.accessToken,
    });
    expect(exported.body.social.following).toEqual([expect.objectContaining({ makerId: followed.userId })]);

    expect((await api.call('DELETE', '/v1/me', { token: leaving.accessToken })).status).toBe(204);
    const profile = await api.call<{ followerCount: number }>('GET', `/v1/makers/${followed.userId}`);
    expect(profile.body.followerCount).toBe(0);
    const mine = await api.call<Page<unknown>>('GET', '/v1/me/following', { token: admirer.accessToken });
    expect(mine.body.items).toEqual([]);
  });
});

describe('the Following feed', () => {
  it('shows only the followed makers’ published stories, newest first; signed-in only', async () => {
    const viewer = await api.signIn(email('viewer'));
    const empty = await api.call<Page<unknown>>('GET', '/v1/feed?following=true', { token: viewer.accessToken });
    expect(empty.body).toEqual({ items: [], nextCursor: null });

    await follow(maker.userId, viewer.accessToken);
    const older = await createPublished(runtime, api, maker, { title: 'Older bowl' });
    await createPublished(runtime, api, otherMaker, { title: 'Not followed' });
    await createDraft(runtime, api, maker, { title: 'Still a draft' });
    const newer = await createPublished(runtime, api, maker, { title: 'Newer bowl' });

    const page = await api.call<Page<{ id: string; maker: { id: string } }>>('GET', '/v1/feed?following=true&limit=1', {
      token: viewer.accessToken,
    });
    expect(page.body.items.map((s) => s.id)).toEqual([newer.id]);
    const next = await api.call<Page<{ id: string; maker: { id: string } }>>(
      'GET',
      `/v1/feed?following=true&limit=50&cursor=${page.body.nextCursor}`,
      { token: viewer.accessToken },
    );
    expect(next.body.items.map((s) => s.id)).toContain(older.id);
    expect(next.body.items.every((s) => s.maker.id === maker.userId)).toBe(true);

    const anonymous = await api.call<ErrorAnswer>('GET', '/v1/feed?following=true');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('authentication_required');
    // Without the parameter the feed is everyone's, as before.
    const all = await api.call<Page<{ id: string; title: string }>>('GET', '/v1/feed?limit=50', {
      token: viewer.accessToken,
    });
    expect(all.body.items.map((s) => s.title)).toContain('Not followed');
  }, 60_000);
});

describe('new story notifications', () => {
  it('notify every follower once when a followed maker publishes, even when the story is published again', async () => {
    const author = await api.signInMaker(email('author'), 'Eli Forge');
    const followers = await Promise.all([1, 2, 3].map((n) => api.signIn(email(`follower${n}`))));
    for (const f of followers) await follow(author.userId, f.accessToken);

    const story = await createPublished(runtime, api, author, { title: 'A forged knife' });
    const countOf = async () => {
      const result = await runtime.ctx.db.execute<{ n: number }>(
        sql`select count(*)::int as n from notifications.notifications
            where kind = 'new_story' and data->>'storyId' = ${story.id}`,
      );
      return result.rows[0]!.n;
    };
    await waitUntil(async () => (await countOf()) === 3);

    const inbox = await api.call<{ items: { kind: string; title: string; body: string; link: string }[] }>(
      'GET',
      '/v1/notifications',
      { token: followers[0]!.accessToken },
    );
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'new_story',
          title: 'Eli Forge published a new story',
          body: 'A forged knife',
          link: `/stories/${story.id}`,
        }),
      ]),
    );

    // Withdrawn and published again: the followers were told already.
    expect((await api.call('POST', `/v1/stories/${story.id}/unpublish`, { token: author.accessToken })).status).toBe(
      200,
    );
    expect((await api.call('POST', `/v1/stories/${story.id}/publish`, { token: author.accessToken })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await countOf()).toBe(3);
  }, 60_000);

  it('tells no follower of a story that is no longer public when its fan-out runs', async () => {
    const author = await api.signInMaker(email('withdrawn-author'), 'Fay Glass');
    const followers = await Promise.all([1, 2].map((n) => api.signIn(email(`withdrawn-follower${n}`))));
    for (const f of followers) await follow(author.userId, f.accessToken);
    // Never published (or withdrawn before the jobs ran): the plan and a batch already queued both find it private.
    const draft = await createDraft(runtime, api, author, { title: 'A vase kept back' });
    const story = { storyId: draft.id, makerId: author.userId, title: 'A vase kept back' };
    await runtime.ctx.db.transaction(async (tx) => {
      await enqueue(tx, PLAN_NEW_STORY_TASK, story);
      await enqueue(tx, NOTIFY_NEW_STORY_TASK, { ...story, makerName: 'Fay Glass', after: null, through: null });
    });
    await waitUntil(async () => {
      const left = await runtime.ctx.db.execute<{ n: number }>(
        sql`select count(*)::int as n from graphile_worker.jobs where task_identifier like 'social:%'`,
      );
      return left.rows[0]!.n === 0;
    });
    const told = await runtime.ctx.db.execute<{ n: number }>(
      sql`select count(*)::int as n from notifications.notifications where dedupe_key = ${`new_story:${draft.id}`}`,
    );
    expect(told.rows[0]!.n).toBe(0);
  });

  it('offers new_story as a preference, pushed but not emailed by default', async () => {
    const prefs = await api.call<{ items: { kind: string; channel: string; enabled: boolean }[] }>(
      'GET',
      '/v1/notifications/preferences',
      { token: fan.accessToken },
    );
    const newStory = prefs.body.items.filter((p) => p.kind === 'new_story');
    expect(newStory).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'email', enabled: false }),
        expect.objectContaining({ channel: 'web_push', enabled: true }),
      ]),
    );
  });
});

describe('the shop page', () => {
  it('lists the sold pieces apart from those still for sale (sold=true / sold=false)', async () => {
    const shop = await api.signInMaker(email('shop'), 'Fay Kiln');
    const sold = await createPublished(runtime, api, shop, { title: 'Sold vase' });
    const forSale = await createPublished(runtime, api, shop, { title: 'Vase for sale' });
    const none = await api.call<Page<{ id: string }>>('GET', `/v1/makers/${shop.userId}/stories?sold=true`);
    expect(none.body.items).toEqual([]);
    // A buy-now whose payment went through, as the auctions module records it.
    await runtime.ctx.db.execute(sql`insert into auctions.payment_windows
      (id, story_id, maker_id, winner_id, amount_minor, currency, reason, status, opens_at, expires_at, closed_at)
      values (${randomUUID()}, ${sold.id}, ${shop.userId}, ${fan.userId}, 20000, 'USD', 'buy_now', 'paid', now(), now() + interval '1 day', now())`);
    const soldPage = await api.call<Page<{ id: string }>>('GET', `/v1/makers/${shop.userId}/stories?sold=true`);
    expect(soldPage.body.items.map((s) => s.id)).toEqual([sold.id]);
    const unsold = await api.call<Page<{ id: string }>>('GET', `/v1/makers/${shop.userId}/stories?sold=false`);
    expect(unsold.body.items.map((s) => s.id)).toEqual([forSale.id]);
    const all = await api.call<Page<{ id: string }>>('GET', `/v1/makers/${shop.userId}/stories`);
    expect(all.body.items.map((s) => s.id).sort()).toEqual([sold.id, forSale.id].sort());
  }, 60_000);
});
