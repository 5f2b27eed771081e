// The bid benchmarks' load generators, each in a process of its own (never the API's). Settings
// come from argv as JSON; the figures go out as one JSON line.
//   { mode: 'http', bases, auctionId, tokens, seconds, start }  N bidders race on one auction over
//     HTTP, each bidding the minimum it last heard plus its own offset (one bidder per token);
//     bidder i talks to API process bases[i mod bases.length].
//   { mode: 'sql', databaseUrl, workers, poolSize, seconds, softClose, maxima }  the same race as
//     a bare `pg` loop (see `bareAttempt`).
//   { mode: 'stream', base, auctionId, tokens, rate, seconds, start }  bids sent at a steady rate
//     (open loop, two bidders in turn), each stamped with its wall-clock send time.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface HttpBidsReport {
  acknowledged: string[];
  refused: number;
  /** Answered 503. */
  errors: number;
  requests: number;
  p50: number;
  p99: number;
}
export interface SqlBidsReport {
  accepted: number;
  refused: number;
  p50: number;
  p99: number;
}
export interface StreamReport {
  /** [amount shown, wall-clock ms the request was sent] of every accepted bid. */
  sent: [number, number][];
  refused: number;
  errors: number;
  p50: number;
  p99: number;
}

interface BidAnswer {
  bid?: { id: string };
  auction?: { minNextBidMinor: number | null };
  error?: { code: string; details?: { minNextBidMinor?: number } };
}

const settings = JSON.parse(process.argv[2] ?? '{}') as Record<string, unknown> & { mode: string };
const wallClock = () => performance.timeOrigin + performance.now();

function pct(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) / 10;
}

async function bid(base: string, auctionId: string, token: string, amountMinor: number) {
  const res = await fetch(`${base}/v1/auctions/${auctionId}/bids`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'idempotency-key': randomUUID(),
    },
    body: JSON.stringify({ amountMinor }),
  });
  const body = (await res.json()) as BidAnswer;
  // A 503 (the database pool was busy past its timeout) is an error the figures count, not a refusal.
  if (res.status === 503) return { accepted: false, failed: true, body };
  if (res.status !== 201 && res.status !== 422 && res.status !== 409) {
    throw new Error(`unexpected answer to a bid: ${res.status} ${JSON.stringify(body)}`);
  }
  return { accepted: res.status === 201 && body.bid !== undefined, failed: false, body };
}

async function httpBids(s: {
  bases: string[];
  auctionId: string;
  tokens: string[];
  seconds: number;
  start: number;
}): Promise<HttpBidsReport> {
  const acknowledged: string[] = [];
  const latencies: number[] = [];
  let refused = 0;
  let errors = 0;
  const until = Date.now() + s.seconds * 1000;
  await Promise.all(
    s.tokens.map(async (token, i) => {
      let next = s.start;
      while (Date.now() < until) {
        const started = performance.now();
        const { accepted, failed, body } = await bid(s.bases[i % s.bases.length]!, s.auctionId, token, next + i);
        latencies.push(performance.now() - started);
        if (failed) errors += 1;
        else if (accepted) {
          acknowledged.push(body.bid!.id);
          next = body.auction?.minNextBidMinor ?? next + 100;
        } else {
          refused += 1;
          next = body.error?.details?.minNextBidMinor ?? next + 100;
        }
      }
    }),
  );
  return {
    acknowledged,
    refused,
    errors,
    requests: latencies.length,
    p50: pct(latencies, 50),
    p99: pct(latencies, 99),
  };
}

/**
 * The bare race: under the auction row's lock a bid below the current minimum is refused
 * (rollback); otherwise the row is updated (the end moved in soft close) and the bid inserted.
 * With maxima on the book the top two are read under the lock and the bidder's own is upserted,
 * the bare core of proxy bidding. Only the product's bookkeeping is missing.
 */
async function sqlBids(s: {
  databaseUrl: string;
  workers: number;
  poolSize: number;
  seconds: number;
  softClose: boolean;
  maxima: number;
}): Promise<SqlBidsReport> {
  const increment = 100;
  const pool = new pg.Pool({ connectionString: s.databaseUrl, max: Math.min(s.workers, s.poolSize) });
  await pool.query(`create schema if not exists bench_baseline;
    drop table if exists bench_baseline.bids; drop table if exists bench_baseline.maxima; drop table if exists bench_baseline.auctions;
    create table bench_baseline.auctions (id int primary key, high bigint not null, last_sequence int not null, bid_count int not null, ends_at timestamptz not null);
    create table bench_baseline.bids (id text primary key, auction_id int not null, sequence int not null, amount bigint not null, created_at timestamptz not null, unique (auction_id, sequence));
    create table bench_baseline.maxima (auction_id int not null, bidder int not null, max_amount bigint not null, primary key (auction_id, bidder));
    create index on bench_baseline.maxima (auction_id, max_amount desc);
    insert into bench_baseline.auctions values (1, 10000, 0, 0, now() + interval '${s.softClose ? 120 : 259200} seconds');
    insert into bench_baseline.maxima select 1, -g, 10000 + g * 100 from generate_series(1, ${s.maxima}) g;`);
  let accepted = 0;
  let refused = 0;
  const latencies: number[] = [];
  const until = Date.now() + s.seconds * 1000;
  await Promise.all(
    Array.from({ length: s.workers }, async (_, i) => {
      let next = 10000 + increment;
      while (Date.now() < until) {
        const started = performance.now();
        const client = await pool.connect();
        try {
          await client.query('begin');
          const row = await client.query<{ high: string; last_sequence: number; open: boolean }>(
            'select high, last_sequence, now() < ends_at as open from bench_baseline.auctions where id = 1 for update',
          );
          if (s.maxima > 0) {
            await client.query(
              'select bidder, max_amount from bench_baseline.maxima where auction_id = 1 order by max_amount desc limit 2',
            );
          }
          const minimum = Number(row.rows[0]!.high) + increment;
          const amount = next + i;
          if (amount < minimum || !row.rows[0]!.open) {
            await client.query('rollback');
            refused += 1;
            next = minimum;
            latencies.push(performance.now() - started);
            continue;
          }
          const sequence = row.rows[0]!.last_sequence + 1;
          await client.query(
            `update bench_baseline.auctions set high = $1, last_sequence = $2, bid_count = bid_count + 1
               ${s.softClose ? ", ends_at = greatest(ends_at, now() + interval '600 seconds')" : ''} where id = 1`,
            [amount, sequence],
          );
          await client.query(
            'insert into bench_baseline.bids (id, auction_id, sequence, amount, created_at) values ($1, 1, $2, $3, now())',
            [randomUUID(), sequence, amount],
          );
          if (s.maxima > 0) {
            await client.query(
              `insert into bench_baseline.maxima values (1, $1, $2)
                 on conflict (auction_id, bidder) do update set max_amount = excluded.max_amount`,
              [i, amount],
            );
          }
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
  return { accepted, refused, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

/** Bids at `rate` per second, whatever the answers' latency (open loop), two bidders in turn. */
async function streamBids(s: {
  base: string;
  auctionId: string;
  tokens: string[];
  rate: number;
  seconds: number;
  start: number;
}): Promise<StreamReport> {
  const sent: [number, number][] = [];
  const latencies: number[] = [];
  let refused = 0;
  let errors = 0;
  let next = s.start;
  // The auction's increment at the current price, learnt from each answer.
  let step = 100;
  const inFlight: Promise<void>[] = [];
  const interval = 1000 / s.rate;
  const begin = performance.now();
  for (let i = 0; performance.now() - begin < s.seconds * 1000; i++) {
    const due = begin + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const amount = next;
    // The next bid's amount, should this one still be in flight when it leaves: one step above.
    next = amount + step;
    const at = wallClock();
    const started = performance.now();
    inFlight.push(
      bid(s.base, s.auctionId, s.tokens[i % s.tokens.length]!, amount).then(({ accepted, failed, body }) => {
        latencies.push(performance.now() - started);
        if (accepted) sent.push([amount, at]);
        else if (failed) errors += 1;
        else refused += 1;
        const heard = accepted ? body.auction?.minNextBidMinor : body.error?.details?.minNextBidMinor;
        if (accepted && heard) step = Math.max(100, heard - amount);
        if (heard && heard > next) next = heard;
      }),
    );
  }
  await Promise.all(inFlight);
  return { sent, refused, errors, p50: pct(latencies, 50), p99: pct(latencies, 99) };
}

const report =
  settings.mode === 'http'
    ? await httpBids(settings as never)
    : settings.mode === 'sql'
      ? await sqlBids(settings as never)
      : await streamBids(settings as never);
console.log(JSON.stringify(report));
