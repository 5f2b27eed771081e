/** The database itself refuses what must never happen, whatever code runs against it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import {
  bid,
  openAuctionWith,
  publishedStory,
  signIn,
  signInMaker,
  startAuctionServer,
  type Api,
  type AuctionBody,
} from './test-support';

let runtime: Runtime;
let api: Api;
let auction: AuctionBody;
let bidId: string;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer());
  const maker = await signInMaker(api, 'guard-maker');
  const storyId = await publishedStory(runtime, api, maker, { autoRejectBelowMin: false });
  auction = await openAuctionWith(api, storyId, await signIn(api, 'guard-a'), 10_000);
  bidId = (await bid(api, auction.id, await signIn(api, 'guard-b'), 10_600)).body.bid.id;
});
afterAll(async () => runtime.stop());

const sql = (text: string, values: unknown[] = []) => runtime.ctx.pool.query(text, values);

describe('append-only records', () => {
  it('refuses UPDATE, DELETE and TRUNCATE on the auction event log', async () => {
    await expect(
      sql(`update auctions.auction_events set type = 'x' where auction_id = $1`, [auction.id]),
    ).rejects.toThrow(/append-only/);
    await expect(sql('delete from auctions.auction_events where auction_id = $1', [auction.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(sql('truncate auctions.auction_events')).rejects.toThrow(/append-only/);
    const left = await sql('select count(*)::int as n from auctions.auction_events where auction_id = $1', [
      auction.id,
    ]);
    expect((left.rows[0] as { n: number }).n).toBeGreaterThan(0);
  });

  it('never deletes a bid and lets only its void flags change, one way', async () => {
    await expect(sql('delete from auctions.bids where id = $1', [bidId])).rejects.toThrow(/never deleted/);
    await expect(sql('update auctions.bids set amount_minor = 1 where id = $1', [bidId])).rejects.toThrow(/void flags/);
    await sql(`update auctions.bids set voided = true, void_reason = 'fraud' where id = $1`, [bidId]);
    await expect(
      sql('update auctions.bids set voided = false, void_reason = null where id = $1', [bidId]),
    ).rejects.toThrow(/stays voided/);
  });

  it('records at most one end per auction', async () => {
    const insertEnd = () =>
      sql(
        `insert into auctions.auction_events (auction_id, story_id, type, data, at) values ($1, $2, 'ended', '{}', now())`,
        [auction.id, auction.storyId],
      );
    await insertEnd();
    await expect(insertEnd()).rejects.toThrow(/auction_events_one_end/);
  });
});

describe('uniqueness', () => {
  it('one waiting offer per user per story, and one auction in flight per story', async () => {
    const user = '00000000-0000-4000-8000-000000000001';
    const offer = () =>
      sql(
        `insert into auctions.offers (id, story_id, user_id, amount_minor, currency, status, created_at)
         values (gen_random_uuid(), $1, $2, 100, 'USD', 'pending', now())`,
        [auction.storyId, user],
      );
    await offer();
    await expect(offer()).rejects.toThrow(/offers_one_pending_per_user/);
    await expect(
      sql(
        `insert into auctions.auctions (id, story_id, maker_id, status, currency, opening_minimum_minor, starts_at, ends_at, last_sequence, bid_count)
         values (gen_random_uuid(), $1, $2, 'active', 'USD', 100, now(), now(), 0, 0)`,
        [auction.storyId, user],
      ),
    ).rejects.toThrow(/auctions_one_open_per_story/);
  });
});
