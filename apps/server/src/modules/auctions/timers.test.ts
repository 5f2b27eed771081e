import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import { startTestServer } from '../../../test/harness';
import {
  bid,
  eventTypes,
  openAuctionWith,
  pendingJob,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  waitFor,
  type Api,
  type AuctionBody,
} from './test-support';

// Real clock, real worker (100 ms polling): a 3-second auction with a 2-second soft close.
const env = { AUCTION_DURATION_SECONDS: '3', SOFT_CLOSE_SECONDS: '2' };
let runtime: Runtime;
let second: Runtime;
let api: Api;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ env }));
  // A second process on the same database: its worker competes for the same timer jobs.
  second = await startTestServer({ databaseUrl: runtime.databaseUrl, env });
});
afterAll(async () => {
  await second.stop();
  await runtime.stop();
});

const auctionOf = async (id: string) =>
  (await api.call<AuctionBody & { endedAt: string | null }>('GET', `/v1/auctions/${id}`)).body;

describe('durable end timer', () => {
  it('fires through the worker, is moved by a soft-close extension, and ends the auction exactly once', async () => {
    const maker = await signInMaker(api, 'timer-maker');
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'timer-a'), 10_000);
    const firstEnd = Date.parse(auction.endsAt);
    expect((await pendingJob(runtime, `auction-end:${auction.id}`))?.runAt.getTime()).toBe(firstEnd);

    await new Promise((r) => setTimeout(r, Math.max(0, firstEnd - Date.now() - 1_500)));
    const late = await bid(api, auction.id, await signIn(api, 'timer-b'), 10_600);
    expect(late.status).toBe(201);
    const movedEnd = Date.parse(late.body.auction.endsAt);
    expect(movedEnd).toBeGreaterThan(firstEnd);
    expect((await pendingJob(runtime, `auction-end:${auction.id}`))?.runAt.getTime()).toBe(movedEnd);

    const ended = await waitFor(async () => {
      const a = await auctionOf(auction.id);
      return a.status === 'awaiting_payment' ? a : null;
    });
    expect(Date.parse(ended.endedAt!)).toBeGreaterThanOrEqual(movedEnd);
    expect(ended.winnerId).toBe(late.body.auction.leaderId);
    expect((await eventTypes(runtime, auction.id)).filter((t) => t === 'ended')).toHaveLength(1);
    // The worker removes the finished job just after the task's transaction commits.
    await waitFor(async () => ((await pendingJob(runtime, `auction-end:${auction.id}`)) === null ? true : null));
  });

  it('many end jobs firing on two workers at the end moment still end it once', async () => {
    const maker = await signInMaker(api, 'timer-maker-2');
    const storyId = await publishedStory(runtime, api, maker);
    const auction = await openAuctionWith(api, storyId, await signIn(api, 'timer-c'), 10_000);
    for (let i = 0; i < 12; i++) {
      await runtime.ctx.pool.query(
        `select graphile_worker.add_job('auctions.end', json_build_object('auctionId', $1::text), run_at => $2::timestamptz)`,
        [auction.id, auction.endsAt],
      );
    }
    await waitFor(async () => {
      const left = await runtime.ctx.pool.query(
        `select count(*)::int as n from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
          where t.identifier = 'auctions.end' and j.payload->>'auctionId' = $1`,
        [auction.id],
      );
      return (left.rows[0] as { n: number }).n === 0;
    }, 15_000);
    const types = await eventTypes(runtime, auction.id);
    expect(types.filter((t) => t === 'ended')).toHaveLength(1);
    expect(types.filter((t) => t === 'payment_window_opened')).toHaveLength(1);
    const windows = await runtime.ctx.pool.query(
      'select count(*)::int as n from auctions.payment_windows where auction_id = $1',
      [auction.id],
    );
    expect(windows.rows[0]).toEqual({ n: 1 });
  });
});
