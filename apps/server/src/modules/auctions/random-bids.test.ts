/**
 * Randomized, over HTTP: five users bid in random order and random concurrent batches; whatever
 * order the server accepted the requests in (the log's sequence), the outcome must be what the
 * obviously-correct reference model computes from those requests.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Runtime } from '../../composition/runtime';
import type { Session } from '../../../test/client';
import { minNextBid } from './rules';
import { modelAuction, type ModelRequest } from './rules/reference-model';
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
let maker: Session;
let users: Session[];

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer());
  maker = await signInMaker(api, 'rand-maker');
  users = await Promise.all(Array.from({ length: 5 }, (_, i) => signIn(api, `rand-${i}`)));
});
afterAll(async () => runtime.stop());

const move = fc.record({
  who: fc.integer({ min: 0, max: 4 }),
  offset: fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 3_000 }) },
    { weight: 1, arbitrary: fc.integer({ min: -500, max: -1 }) },
  ),
  maxExtra: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 6_000 })),
  /** Sent together with the next move (a concurrent interleaving). */
  withNext: fc.boolean(),
});

it('matches the reference model for random interleavings of bids from five users', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(move, { minLength: 4, maxLength: 12 }), async (moves) => {
      const storyId = await publishedStory(runtime, api, maker);
      const auction = await openAuctionWith(api, storyId, users[0]!, 10_000);
      const acknowledged: string[] = [];
      for (let i = 0; i < moves.length;) {
        const batch = [moves[i]!];
        while (batch.at(-1)!.withNext && i + batch.length < moves.length) batch.push(moves[i + batch.length]!);
        i += batch.length;
        const current = (await api.call<AuctionBody>('GET', `/v1/auctions/${auction.id}`)).body;
        const answers = await Promise.all(
          batch.map((m) => {
            const amountMinor = Math.max(1, current.minNextBidMinor! + m.offset);
            return bid(api, auction.id, users[m.who]!, amountMinor, {
              key: randomUUID(),
              ...(m.maxExtra === null ? {} : { maxAmountMinor: amountMinor + m.maxExtra }),
            });
          }),
        );
        for (const answer of answers) {
          if (answer.status === 201) acknowledged.push(answer.body.bid.id);
          else expect(['bid_too_low', 'already_leading']).toContain(answer.body.error.code);
        }
      }

      const rows = await runtime.ctx.pool.query<{
        id: string;
        bidder_id: string;
        kind: string;
        amount_minor: number;
        max_amount_minor: number;
      }>(
        `select id, bidder_id, kind, amount_minor, max_amount_minor from auctions.bids
          where auction_id = $1 and kind <> 'proxy' order by sequence`,
        [auction.id],
      );
      expect(
        rows.rows
          .filter((r) => r.kind !== 'opening')
          .map((r) => r.id)
          .sort(),
      ).toEqual([...acknowledged].sort());
      const requests: ModelRequest[] = rows.rows.map((r) => ({
        bidderId: r.bidder_id,
        amountMinor: r.amount_minor,
        maxAmountMinor: r.max_amount_minor,
      }));
      const model = modelAuction(requests, { reserveMinor: null, currency: 'USD', increment: minNextBid });
      const final = (await api.call<AuctionBody>('GET', `/v1/auctions/${auction.id}`)).body;
      expect({ leaderId: final.leaderId, highBidMinor: final.highBidMinor }).toEqual({
        leaderId: model.leaderId,
        highBidMinor: model.highBidMinor,
      });
      for (const user of users) {
        const mine = (await api.call<AuctionBody>('GET', `/v1/auctions/${auction.id}`, { token: user.accessToken }))
          .body;
        expect(mine.myMaxAmountMinor).toBe(model.maxima.get(user.userId) ?? null);
      }
      const shown = await runtime.ctx.pool.query<{ amount_minor: number }>(
        `select amount_minor from auctions.bids where auction_id = $1 and kind <> 'max_raise' order by sequence`,
        [auction.id],
      );
      const amounts = shown.rows.map((r) => r.amount_minor);
      for (let k = 1; k < amounts.length; k++) expect(amounts[k]!).toBeGreaterThan(amounts[k - 1]!);
    }),
    { numRuns: 8 },
  );
}, 240_000);
