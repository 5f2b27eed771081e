import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { insertEvents } from './event-repo';
import { rollupDay, ROLLUP_TASK } from './rollup';
import { eventAt, makerStats, revenue, storyStats, zero } from './test-support';
import { enqueue } from '../../platform/jobs';

const D1 = '2026-03-10';
const D2 = '2026-03-11';
const clock = new ManualClock(new Date(`${D2}T12:00:00Z`));
let runtime: Runtime;

// The cast: two makers, three stories, two signed-in viewers and one anonymous one.
const [M1, M2, S1, S2, S3, U1, U2, A1, A2] = Array.from({ length: 9 }, () => randomUUID()) as [
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
  string,
];
const s1 = { storyId: S1, makerId: M1 };
const s2 = { storyId: S2, makerId: M1 };
const s3 = { storyId: S3, makerId: M2 };

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  await insertEvents(runtime.ctx.db, [
    // Day 1, story 1: four views by three viewers (U1 twice), A1 anonymous.
    eventAt(`${D1}T00:00:00.000Z`, 'story_view', { ...s1, userId: U1 }),
    eventAt(`${D1}T08:00:00.000Z`, 'story_view', { ...s1, userId: U1 }),
    eventAt(`${D1}T09:00:00.000Z`, 'story_view', { ...s1, userId: U2 }),
    eventAt(`${D1}T10:00:00.000Z`, 'story_view', { ...s1, anonymousId: A1 }),
    eventAt(`${D1}T10:00:01.000Z`, 'play', { ...s1, anonymousId: A1, positionMs: 0 }),
    eventAt(`${D1}T10:00:02.000Z`, 'play', { ...s1, userId: U1, positionMs: 0 }),
    eventAt(`${D1}T10:01:00.000Z`, 'watch_through', { ...s1, userId: U1, positionMs: 30_000 }),
    eventAt(`${D1}T10:02:00.000Z`, 'like', { ...s1, userId: U2 }),
    eventAt(`${D1}T07:00:00.000Z`, 'feed_impression', { ...s1, userId: U1, feedPosition: 0 }),
    eventAt(`${D1}T07:00:00.000Z`, 'feed_impression', { ...s1, userId: U2, feedPosition: 3 }),
    eventAt(`${D1}T07:00:00.000Z`, 'feed_impression', { ...s1, anonymousId: A1, feedPosition: 1 }),
    eventAt(`${D1}T11:00:00.000Z`, 'offer', { ...s1, userId: U2, amountMinor: 10_000, currency: 'USD' }),
    eventAt(`${D1}T12:00:00.000Z`, 'bid', { ...s1, userId: U2, amountMinor: 11_000, currency: 'USD' }),
    eventAt(`${D1}T13:00:00.000Z`, 'bid', { ...s1, userId: U1, amountMinor: 12_000, currency: 'USD' }),
    eventAt(`${D1}T14:00:00.000Z`, 'payment', { ...s1, userId: U2, amountMinor: 20_000, currency: 'USD' }),
    eventAt(`${D1}T23:59:59.999Z`, 'payment', { ...s1, userId: U1, amountMinor: 1_500, currency: 'USD' }),
    // Day 1, story 2 (same maker): U1 again and A1 again — still three unique viewers for the maker.
    eventAt(`${D1}T15:00:00.000Z`, 'story_view', { ...s2, userId: U1 }),
    eventAt(`${D1}T15:00:00.000Z`, 'story_view', { ...s2, anonymousId: A1 }),
    eventAt(`${D1}T16:00:00.000Z`, 'payment', { ...s2, userId: U1, amountMinor: 5_000, currency: 'EUR' }),
    // Day 1, the other maker's story.
    eventAt(`${D1}T17:00:00.000Z`, 'story_view', { ...s3, userId: U1 }),
    eventAt(`${D1}T17:00:01.000Z`, 'like', { ...s3, userId: U1 }),
    // A play of a media item outside any story: in the log, in no story's figures.
    eventAt(`${D1}T18:00:00.000Z`, 'play', { mediaId: randomUUID(), userId: U1 }),
    // The day before and day 2: never counted into day 1.
    eventAt('2026-03-09T23:59:59.999Z', 'story_view', { ...s1, userId: U2 }),
    eventAt(`${D2}T00:00:00.000Z`, 'story_view', { ...s1, userId: U1 }),
    eventAt(`${D2}T06:00:00.000Z`, 'story_view', { ...s2, anonymousId: A1 }),
  ]);
});
afterAll(async () => runtime.stop());

const day1Story1 = {
  ...zero,
  maker_id: M1,
  feed_impressions: 3,
  views: 4,
  unique_viewers: 3,
  plays: 2,
  watch_throughs: 1,
  likes: 1,
  offers: 1,
  bids: 2,
  payments: 2,
};
const day1Stories = {
  [S1]: day1Story1,
  [S2]: { ...zero, maker_id: M1, views: 2, unique_viewers: 2, payments: 1 },
  [S3]: { ...zero, maker_id: M2, views: 1, unique_viewers: 1, likes: 1 },
};
const day1Makers = {
  [M1]: {
    ...zero,
    feed_impressions: 3,
    views: 6,
    unique_viewers: 3,
    plays: 2,
    watch_throughs: 1,
    likes: 1,
    offers: 1,
    bids: 2,
    payments: 3,
  },
  [M2]: { ...zero, views: 1, unique_viewers: 1, likes: 1 },
};
const day1Revenue = {
  story: { [`${S1}/USD`]: 21_500, [`${S2}/EUR`]: 5_000 },
  maker: { [`${M1}/USD`]: 21_500, [`${M1}/EUR`]: 5_000 },
};

describe('the daily rollup', () => {
  it('computes exactly the hand-counted figures of a day, cut at UTC midnight', async () => {
    await rollupDay(runtime.ctx.db, D1, clock);
    expect(await storyStats(runtime.ctx.pool, D1)).toEqual(day1Stories);
    expect(await makerStats(runtime.ctx.pool, D1)).toEqual(day1Makers);
    expect(await revenue(runtime.ctx.pool, D1)).toEqual(day1Revenue);
  });

  it('is idempotent: running it again gives the same figures, and other days are untouched', async () => {
    await rollupDay(runtime.ctx.db, D2, clock);
    await rollupDay(runtime.ctx.db, D1, clock);
    await rollupDay(runtime.ctx.db, D1, clock);
    expect(await storyStats(runtime.ctx.pool, D1)).toEqual(day1Stories);
    expect(await makerStats(runtime.ctx.pool, D1)).toEqual(day1Makers);
    expect(await revenue(runtime.ctx.pool, D1)).toEqual(day1Revenue);
    expect(await storyStats(runtime.ctx.pool, D2)).toEqual({
      [S1]: { ...zero, maker_id: M1, views: 1, unique_viewers: 1 },
      [S2]: { ...zero, maker_id: M1, views: 1, unique_viewers: 1 },
    });
    expect(await makerStats(runtime.ctx.pool, D2)).toEqual({ [M1]: { ...zero, views: 2, unique_viewers: 2 } });
  });

  it('picks up a late event when re-run for its day', async () => {
    await insertEvents(runtime.ctx.db, [eventAt(`${D1}T20:00:00.000Z`, 'story_view', { ...s1, anonymousId: A2 })]);
    expect((await storyStats(runtime.ctx.pool, D1))[S1]).toEqual(day1Story1);
    await rollupDay(runtime.ctx.db, D1, clock);
    expect((await storyStats(runtime.ctx.pool, D1))[S1]).toEqual({ ...day1Story1, views: 5, unique_viewers: 4 });
    expect((await makerStats(runtime.ctx.pool, D1))[M1]).toMatchObject({ views: 7, unique_viewers: 4 });
    expect((await storyStats(runtime.ctx.pool, D1))[S2]).toEqual(day1Stories[S2]);
  });

  it('runs from the job queue: without a day it rolls up yesterday and today, with one that day', async () => {
    await runtime.ctx.pool.query('delete from analytics.daily_story_stats');
    await runtime.ctx.db.transaction((tx) => enqueue(tx, ROLLUP_TASK, {}));
    await waitForRollup(runtime, D1);
    await waitForRollup(runtime, D2);
    expect(await makerStats(runtime.ctx.pool, D2)).toEqual({ [M1]: { ...zero, views: 2, unique_viewers: 2 } });
    expect(await storyStats(runtime.ctx.pool, '2026-03-09')).toEqual({});

    await runtime.ctx.db.transaction((tx) => enqueue(tx, ROLLUP_TASK, { day: '2026-03-09' }));
    await waitForRollup(runtime, '2026-03-09');
    expect(await storyStats(runtime.ctx.pool, '2026-03-09')).toEqual({
      [S1]: { ...zero, maker_id: M1, views: 1, unique_viewers: 1 },
    });
  });

  it('serialises concurrent runs of the same day (same figures, no duplicate-key failure)', async () => {
    await Promise.all(Array.from({ length: 5 }, () => rollupDay(runtime.ctx.db, D1, clock)));
    expect((await makerStats(runtime.ctx.pool, D1))[M1]).toMatchObject({ views: 7, unique_viewers: 4 });
  });
});

async function waitForRollup(rt: Runtime, day: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await rt.ctx.pool.query('select 1 from analytics.daily_story_stats where day = $1', [day]);
    if (rows.length > 0) return;
    if (Date.now() > deadline) throw new Error(`no rollup of ${day}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
