import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { ManualClock } from '../../platform/clock';
import {
  bid,
  fireTimer,
  openAuctionWith,
  pendingJob,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  waitFor,
  type Api,
} from '../auctions/test-support';

// A manual clock (timers are made due by hand) over the product's 72-hour auctions, with a
// 30-minute soft close so a late bid moves the end past the 10-minute reminder.
const clock = new ManualClock(Date.now());
const env = { SOFT_CLOSE_SECONDS: '1800', ACCESS_TOKEN_SECONDS: '1000000' };
let runtime: Runtime;
let api: Api;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ env, clock }));
});
afterAll(async () => {
  await runtime.stop();
});

const MINUTE = 60_000;
const watch = (token: string, storyId: string, method: 'PUT' | 'DELETE' = 'PUT') =>
  api.call<{ watching: boolean; error?: { code: string } }>(method, `/v1/stories/${storyId}/watch`, { token });

interface Page {
  items: { id: string; title: string; auction: unknown }[];
  nextCursor: string | null;
}
const watchlist = (token: string, query = '') => api.call<Page>('GET', `/v1/me/watchlist${query}`, { token });

/** The watchers' notices a user has, as `kind:minutes` (minutes only for reminders). */
async function watchNotices(userId: string): Promise<string[]> {
  const res = await runtime.ctx.pool.query<{ kind: string; dedupe_key: string }>(
    `select kind, dedupe_key from notifications.notifications
      where user_id = $1 and kind like 'watched_%' order by created_at, kind`,
    [userId],
  );
  return res.rows.map((r) => (r.kind === 'watched_ending_soon' ? `${r.kind}:${r.dedupe_key.split(':')[2]}` : r.kind));
}

/** Adds a job outside any timer (a retry, or one armed for an end that has since moved) and waits for it to run. */
async function runJob(task: string, payload: Record<string, unknown>): Promise<void> {
  const added = await runtime.ctx.pool.query<{ id: string }>(
    `select (graphile_worker.add_job($1, $2::json)).id as id`,
    [task, JSON.stringify(payload)],
  );
  const id = added.rows[0]!.id;
  await waitFor(async () => {
    const left = await runtime.ctx.pool.query<{ last_error: string | null }>(
      'select last_error from graphile_worker._private_jobs where id = $1',
      [id],
    );
    if (left.rows[0]?.last_error) throw new Error(left.rows[0].last_error);
    return left.rowCount === 0;
  });
}

describe('watch and unwatch', () => {
  it('is idempotent, lists feed items newest watch first in keyset pages, and hides what the viewer may not see', async () => {
    const maker = await signInMaker(api, 'watch-maker');
    const viewer = await signIn(api, 'watch-viewer');
    const stories = [];
    for (let i = 0; i < 3; i++) stories.push(await publishedStory(runtime, api, maker));

    for (const storyId of stories) {
      clock.advance(1000);
      expect((await watch(viewer.accessToken, storyId)).body).toEqual({ watching: true });
    }
    // Watching again is the same single watch, still in its first place.
    expect((await watch(viewer.accessToken, stories[0]!)).body).toEqual({ watching: true });

    const first = await watchlist(viewer.accessToken, '?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items.map((i) => i.id)).toEqual([stories[2], stories[1]]);
    expect(first.body.items[0]).toMatchObject({ title: 'A walnut bowl', auction: null });
    expect(first.body.nextCursor).not.toBeNull();
    const second = await watchlist(viewer.accessToken, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((i) => i.id)).toEqual([stories[0]]);
    expect(second.body.nextCursor).toBeNull();

    const watching = await api.call<{ storyIds: string[] }>(
      'GET',
      `/v1/me/watching?storyIds=${stories[0]},${stories[1]}`,
      { token: viewer.accessToken },
    );
    expect(watching.body, JSON.stringify(watching.body)).toEqual({ storyIds: [stories[0], stories[1]] });

    // Unwatching twice is fine; the story leaves the list.
    expect((await watch(viewer.accessToken, stories[1]!, 'DELETE')).body).toEqual({ watching: false });
    expect((await watch(viewer.accessToken, stories[1]!, 'DELETE')).body).toEqual({ watching: false });
    expect((await watchlist(viewer.accessToken)).body.items.map((i) => i.id)).toEqual([stories[2], stories[0]]);
    const rows = await runtime.ctx.pool.query('select 1 from watchlist.watches where user_id = $1', [viewer.userId]);
    expect(rows.rowCount).toBe(2);

    // A story taken back to draft is hidden from the watchlist and cannot be watched by others.
    const unpublished = await api.call('POST', `/v1/stories/${stories[2]}/unpublish`, { token: maker.accessToken });
    expect(unpublished.status).toBe(200);
    expect((await watchlist(viewer.accessToken)).body.items.map((i) => i.id)).toEqual([stories[0]]);
    const hidden = await watch(viewer.accessToken, stories[2]!);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error?.code).toBe('story_not_found');
    expect((await watch(viewer.accessToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await watch(viewer.accessToken, 'not-a-story')).status).toBe(400);
    expect((await api.call('PUT', `/v1/stories/${stories[0]}/watch`)).status).toBe(401);
    expect((await watchlist(viewer.accessToken, '?cursor=bogus')).status).toBe(400);
  });
});

describe('a watcher’s own data', () => {
  it('is in their data export and goes with their account', async () => {
    const maker = await signInMaker(api, 'watch-data-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const viewer = await signIn(api, 'watch-data-viewer');
    await watch(viewer.accessToken, storyId);
    const exported = await api.call<{ watchlist: { watches: { storyId: string }[] } }>('GET', '/v1/me/export', {
      token: viewer.accessToken,
    });
    expect(exported.body.watchlist.watches.map((w) => w.storyId)).toEqual([storyId]);
    expect((await api.call('DELETE', '/v1/me', { token: viewer.accessToken })).status).toBe(204);
    const rows = await runtime.ctx.pool.query('select 1 from watchlist.watches where user_id = $1', [viewer.userId]);
    expect(rows.rowCount).toBe(0);
  });
});

describe('watchers hear about the auction', () => {
  it('when it opens, an hour and 10 minutes before its end (re-armed by soft close, once each), and when it ends', async () => {
    const maker = await signInMaker(api, 'watched-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const early = await signIn(api, 'watcher-early');
    const opener = await signIn(api, 'watched-opener');
    await watch(early.accessToken, storyId);
    await watch(opener.accessToken, storyId);

    const auction = await openAuctionWith(api, storyId, opener, 10_000);
    const firstEnd = Date.parse(auction.endsAt);
    await waitFor(async () => (await watchNotices(early.userId)).includes('watched_auction_started'));
    // The opener hears from the auction itself, not again as a watcher.
    expect(await watchNotices(opener.userId)).toEqual([]);
    expect((await pendingJob(runtime, `watch-reminder:${auction.id}:60`))?.runAt.getTime()).toBe(
      firstEnd - 60 * MINUTE,
    );
    expect((await pendingJob(runtime, `watch-reminder:${auction.id}:10`))?.runAt.getTime()).toBe(
      firstEnd - 10 * MINUTE,
    );

    clock.set(firstEnd - 60 * MINUTE);
    await fireTimer(runtime, `watch-reminder:${auction.id}:60`);
    expect(await watchNotices(early.userId)).toEqual(['watched_auction_started', 'watched_ending_soon:60']);

    // Someone who starts watching after the hour's reminder does not get it, even when the job runs again.
    clock.advance(MINUTE);
    const late = await signIn(api, 'watcher-late');
    await watch(late.accessToken, storyId);
    await runJob('watchlist:reminder', { auctionId: auction.id, endsAt: auction.endsAt, minutesBefore: 60 });
    expect(await watchNotices(early.userId)).toEqual(['watched_auction_started', 'watched_ending_soon:60']);
    expect(await watchNotices(late.userId)).toEqual([]);

    // A bid 15 minutes before the end moves it 30 minutes on: the 10-minute reminder follows it.
    clock.set(firstEnd - 15 * MINUTE);
    const lateBid = await bid(api, auction.id, await signIn(api, 'watched-bidder'), 10_600);
    expect(lateBid.status).toBe(201);
    const newEnd = Date.parse(lateBid.body.auction.endsAt);
    expect(newEnd).toBe(firstEnd + 15 * MINUTE);
    expect((await pendingJob(runtime, `watch-reminder:${auction.id}:10`))?.runAt.getTime()).toBe(newEnd - 10 * MINUTE);
    expect(await pendingJob(runtime, `watch-reminder:${auction.id}:60`)).toBeNull();

    // A reminder armed for the old end (say, already taken by a worker when the end moved) sends nothing.
    clock.set(firstEnd - 10 * MINUTE);
    await runJob('watchlist:reminder', { auctionId: auction.id, endsAt: auction.endsAt, minutesBefore: 10 });
    expect(await watchNotices(early.userId)).toEqual(['watched_auction_started', 'watched_ending_soon:60']);

    clock.set(newEnd - 10 * MINUTE);
    await fireTimer(runtime, `watch-reminder:${auction.id}:10`);
    const tenMinutes = ['watched_auction_started', 'watched_ending_soon:60', 'watched_ending_soon:10'];
    expect(await watchNotices(early.userId)).toEqual(tenMinutes);
    expect(await watchNotices(late.userId)).toEqual(['watched_ending_soon:10']);
    // A retried reminder never notifies twice.
    await runJob('watchlist:reminder', {
      auctionId: auction.id,
      endsAt: new Date(newEnd).toISOString(),
      minutesBefore: 10,
    });
    expect(await watchNotices(early.userId)).toEqual(tenMinutes);

    clock.set(newEnd);
    await fireTimer(runtime, `auction-end:${auction.id}`);
    await waitFor(async () => (await watchNotices(late.userId)).includes('watched_auction_ended'));
    await waitFor(async () => (await watchNotices(early.userId)).includes('watched_auction_ended'));
    expect(await watchNotices(early.userId)).toEqual([...tenMinutes, 'watched_auction_ended']);
    expect(await watchNotices(maker.userId)).toEqual([]);
  });
});
