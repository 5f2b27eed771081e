// Accepted bids/s on one hot auction (concurrent bidders over HTTP) vs the same
// lock–update–insert transaction in a bare `pg` loop; checks no acknowledged bid is missing.
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Session } from '../apps/server/test/client';
import { percentile, ratio, signIn, type Bench } from './support';

interface BidAnswer {
  bid?: { id: string };
  auction?: { minNextBidMinor: number | null };
  error?: { code: string; details?: { minNextBidMinor?: number } };
}

async function productBids(bench: Bench, auctionId: string, bidders: Session[], seconds: number, start: number) {
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  let refused = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    bidders.map(async (who, i) => {
      let next = start;
      while (Date.now() < until) {
        const started = performance.now();
        const res = await fetch(`${bench.base}/v1/auctions/${auctionId}/bids`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${who.accessToken}`,
            'idempotency-key': randomUUID(),
          },
          body: JSON.stringify({ amountMinor: next + i }),
        });
        const body = (await res.json()) as BidAnswer;
        latencies.push(performance.now() - started);
        if (res.status === 201 && body.bid) {
          acknowledged.push(body.bid.id);
          next = body.auction?.minNextBidMinor ?? next + 100;
        } else if (res.status === 422 || res.status === 409) {
          refused += 1;
          next = body.error?.details?.minNextBidMinor ?? next + 100;
        } else {
          throw new Error(`unexpected answer to a bid: ${res.status} ${JSON.stringify(body)}`);
        }
      }
    }),
  );
  return { acknowledged, refused, latencies: latencies.sort((a, b) => a - b) };
}

/**
 * The same race in a bare `pg` loop: each worker bids the minimum it last heard plus its own
 * offset; under the row lock the bid is refused when below the current minimum (rollback) or
 * written (update + insert + commit). Only the bookkeeping of the product is missing.
 */
async function bareBids(databaseUrl: string, workers: number, seconds: number) {
  const increment = 100;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: workers });
  await pool.query(`create schema if not exists bench_baseline;
    drop table if exists bench_baseline.bids; drop table if exists bench_baseline.auctions;
    create table bench_baseline.auctions (id int primary key, high bigint not null, last_sequence int not null, bid_count int not null);
    create table bench_baseline.bids (id text primary key, auction_id int not null, sequence int not null, amount bigint not null, created_at timestamptz not null, unique (auction_id, sequence));
    insert into bench_baseline.auctions values (1, 10000, 0, 0);`);
  let accepted = 0;
  let refused = 0;
  const latencies: number[] = [];
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, i) => {
      let next = 10000 + increment;
      while (Date.now() < until) {
        const started = performance.now();
        const client = await pool.connect();
        try {
          await client.query('begin');
          const row = await client.query<{ high: string; last_sequence: number }>(
            'select high, last_sequence from bench_baseline.auctions where id = 1 for update',
          );
          const minimum = Number(row.rows[0]!.high) + increment;
          const amount = next + i;
          if (amount < minimum) {
            await client.query('rollback');
            refused += 1;
            next = minimum;
            latencies.push(performance.now() - started);
            continue;
          }
          const sequence = row.rows[0]!.last_sequence + 1;
          await client.query(
            'update bench_baseline.auctions set high = $1, last_sequence = $2, bid_count = bid_count + 1 where id = 1',
            [amount, sequence],
          );
          await client.query(
            'insert into bench_baseline.bids (id, auction_id, sequence, amount, created_at) values ($1, 1, $2, $3, now())',
            [randomUUID(), sequence, amount],
          );
          await client.query('commit');
          accepted += 1;
          next = amount + increment;
          latencies.push(performance.now() - started);
        } finally {
          client.release();
        }
      }
    }),
  );
  await pool.end();
  return { accepted, refused, latencies: latencies.sort((a, b) => a - b) };
}

const ms = (sorted: number[], p: number) => `${percentile(sorted, p).toFixed(1)} ms`;

export async function benchBids(
  bench: Bench,
  storyId: string,
  bidderCount: number,
  seconds: number,
): Promise<string[]> {
  const bidders: Session[] = [];
  for (let i = 0; i < bidderCount + 1; i++) bidders.push(await signIn(bench.api, `bidder${i}`));
  const opened = await bench.api.call<{ auction: { id: string; minNextBidMinor: number } }>(
    'POST',
    `/v1/stories/${storyId}/offers`,
    { token: bidders[0]!.accessToken, body: { amountMinor: 10_000 } },
  );
  if (opened.status !== 201) throw new Error(`auction did not open: ${opened.status} ${JSON.stringify(opened.body)}`);
  const auctionId = opened.body.auction.id;
  const { acknowledged, refused, latencies } = await productBids(
    bench,
    auctionId,
    bidders.slice(1),
    seconds,
    opened.body.auction.minNextBidMinor,
  );
  const stored = await bench.runtime.ctx.pool.query<{ id: string }>(
    'select id from auctions.bids where auction_id = $1',
    [auctionId],
  );
  const ids = new Set(stored.rows.map((r) => r.id));
  const lost = acknowledged.filter((id) => !ids.has(id)).length;
  const productRate = acknowledged.length / seconds;
  const bare = await bareBids(bench.databaseUrl, bidderCount, seconds);
  const bareRate = bare.accepted / seconds;
  return [
    `bids (one hot auction, ${bidderCount} bidders, ${seconds} s): ${productRate.toFixed(0)} accepted/s (${refused} refused as outbid), p50 ${ms(latencies, 50)} p99 ${ms(latencies, 99)}, acknowledged ${acknowledged.length}, lost ${lost}`,
    `  bare pg lock-check-update-insert loop, same race: ${bareRate.toFixed(0)} accepted/s (${bare.refused} refused), p50 ${ms(bare.latencies, 50)} p99 ${ms(bare.latencies, 99)} → ${ratio(productRate, bareRate)}`,
    ...(lost > 0 ? [`  ERROR: ${lost} acknowledged bids are missing from the database`] : []),
  ];
}
