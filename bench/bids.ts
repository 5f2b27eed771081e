// Accepted bids/s on one hot auction: N bidders race over HTTP from a process of their own
// (bench/bid-load.ts) vs the same lock–check–update–insert race as a bare `pg` loop (also in its own
// process). Scenarios: 16 and 200 bidders, a run inside the soft-close window (every accepted bid
// moves the end), an auction carrying hundreds of proxy maxima, and the bidders split over two API
// processes (bids on one auction meet only at its row in PostgreSQL). Each scenario runs three times,
// product and baseline in turn, each product run on a fresh auction; after the runs every acknowledged bid is looked up in the database.
import type { Session } from '../apps/server/test/client';
import type { HttpBidsReport, SqlBidsReport } from './bid-load';
import { loadNow, median, runChild, signIn, spread, type Bench } from './support';

export interface BidScenario {
  name: string;
  bidders: number;
  softClose?: boolean;
  /** Proxy maxima placed on the auction before the race. */
  maxima?: number;
  /** API processes the bidders are spread over (this one and others on the same database and Redis). */
  apiProcesses?: number;
}

export interface BidFigures {
  scenario: BidScenario;
  /** Median accepted bids/s of the product and of the bare loop. */
  product: number;
  bare: number;
  p99: number;
}

const POOL_SIZE = 20; // the product's DATABASE_POOL_SIZE in the benchmarks

export async function openAuction(bench: Bench, storyId: string, opener: Session) {
  const opened = await bench.api.call<{ auction: { id: string; minNextBidMinor: number } }>(
    'POST',
    `/v1/stories/${storyId}/offers`,
    { token: opener.accessToken, body: { amountMinor: 10_000 } },
  );
  if (opened.status !== 201) throw new Error(`auction did not open: ${opened.status} ${JSON.stringify(opened.body)}`);
  return opened.body.auction;
}

/** `count` bidders leave ascending maxima, one after another: each becomes the leader in turn. */
async function placeMaxima(bench: Bench, auctionId: string, count: number, from: number): Promise<number> {
  let minimum = from;
  for (let i = 0; i < count; i++) {
    const who = await signIn(bench.api, `proxy${i}`);
    const res = await bench.api.call<{ auction: { minNextBidMinor: number } }>(
      'POST',
      `/v1/auctions/${auctionId}/bids`,
      { token: who.accessToken, body: { amountMinor: minimum, maxAmountMinor: minimum + 5_000 } },
    );
    if (res.status !== 201) throw new Error(`maximum refused: ${res.status} ${JSON.stringify(res.body)}`);
    minimum = res.body.auction.minNextBidMinor;
  }
  return minimum;
}

/**
 * A fresh auction for one run of `scenario`, on a story of its own, with its maxima placed and its
 * end moved into the soft-close window as the scenario asks; and the first amount to bid. Each run
 * starts from the same price (the bare loop's table is made afresh each run too): the minimum next
 * bid grows by 1 % a step, so one auction carried through three runs would reach the largest
 * amount accepted after a few thousand accepted bids.
 */
async function auctionFor(bench: Bench, scenario: BidScenario, storyId: string, opener: Session) {
  const auction = await openAuction(bench, storyId, opener);
  let start = auction.minNextBidMinor;
  if (scenario.maxima) start = await placeMaxima(bench, auction.id, scenario.maxima, start);
  if (scenario.softClose) {
    // Inside the soft-close window (600 s): the first accepted bid moves the end, and every one after it.
    await bench.runtime.ctx.pool.query(
      `update auctions.auctions set ends_at = now() + interval '120 seconds' where id = $1`,
      [auction.id],
    );
  }
  return { id: auction.id, start };
}

export async function benchBids(
  bench: Bench,
  scenarios: BidScenario[],
  options: { seconds: number; runs: number; newStory: () => Promise<string> },
): Promise<{ lines: string[]; figures: BidFigures[] }> {
  const lines: string[] = [];
  const figures: BidFigures[] = [];
  const opener = await signIn(bench.api, 'opener');
  const pool: Session[] = [];
  for (const scenario of scenarios) {
    while (pool.length < scenario.bidders) pool.push(await signIn(bench.api, `bidder${pool.length}`));
    const tokens = pool.slice(0, scenario.bidders).map((s) => s.accessToken);
    const processes = scenario.apiProcesses ?? 1;
    const others = [];
    for (let n = 1; n < processes; n++) others.push(await bench.startApiProcess());
    const bases = [bench.base, ...others.map((o) => o.base)];
    const product: HttpBidsReport[] = [];
    const bare: SqlBidsReport[] = [];
    // CPU the API process spent per bid request (this process serves the API, nothing else).
    const cpuPerRequest: number[] = [];
    const auctionIds: string[] = [];
    const startLoad = loadNow();
    for (let run = 0; run < options.runs; run++) {
      const auction = await auctionFor(bench, scenario, await options.newStory(), opener);
      auctionIds.push(auction.id);
      const cpuBefore = process.cpuUsage();
      const got = await runChild<HttpBidsReport>('bid-load.ts', {
        mode: 'http',
        bases,
        auctionId: auction.id,
        tokens,
        seconds: options.seconds,
        start: auction.start,
      });
      const cpu = process.cpuUsage(cpuBefore);
      cpuPerRequest.push((cpu.user + cpu.system) / 1000 / Math.max(1, got.requests));
      product.push(got);
      bare.push(
        await runChild<SqlBidsReport>('bid-load.ts', {
          mode: 'sql',
          databaseUrl: bench.databaseUrl,
          workers: scenario.bidders,
          poolSize: POOL_SIZE,
          seconds: options.seconds,
          softClose: scenario.softClose ?? false,
          maxima: scenario.maxima ?? 0,
        }),
      );
    }
    for (const other of others) await other.stop();
    const stored = await bench.runtime.ctx.pool.query<{ id: string }>(
      'select id from auctions.bids where auction_id = any($1::uuid[])',
      [auctionIds],
    );
    const ids = new Set(stored.rows.map((r) => r.id));
    const acknowledged = product.flatMap((r) => r.acknowledged);
    const lost = acknowledged.filter((id) => !ids.has(id)).length;
    const rate = product.map((r) => r.acknowledged.length / options.seconds);
    const bareRate = bare.map((r) => r.accepted / options.seconds);
    const p99 = median(product.map((r) => r.p99));
    figures.push({ scenario, product: median(rate), bare: median(bareRate), p99 });
    lines.push(
      `bids — ${scenario.name} (${scenario.bidders} bidders, ${processes} API process${processes > 1 ? 'es' : ''}, ${options.seconds} s × ${options.runs}, median (spread); ${startLoad} → ${loadNow()})`,
      `  product: ${spread(rate, 1)} accepted/s, ${spread(product.map((r) => r.refused))} refused, ${product.reduce((n, r) => n + r.errors, 0)} errors (503), p50 ${spread(
        product.map((r) => r.p50),
        1,
        ' ms',
      )}, p99 ${spread(
        product.map((r) => r.p99),
        1,
        ' ms',
      )}; acknowledged ${acknowledged.length}, lost ${lost}`,
      processes === 1
        ? `  API process: ${spread(
            product.map((r) => r.requests / options.seconds),
            0,
          )} requests/s, ${spread(cpuPerRequest, 2, ' ms')} CPU per request`
        : `  API processes: ${spread(
            product.map((r) => r.requests / options.seconds),
            0,
          )} requests/s in all`,
      `  bare pg loop, same race (pool ${Math.min(scenario.bidders, POOL_SIZE)}): ${spread(bareRate, 1)} accepted/s, p50 ${spread(
        bare.map((r) => r.p50),
        1,
        ' ms',
      )}, p99 ${spread(
        bare.map((r) => r.p99),
        1,
        ' ms',
      )}`,
      `  → ${(median(rate) / median(bareRate)).toFixed(2)}× the bare loop (target ≥ 0.60), p99 ${p99} ms (target ≤ 100 ms)`,
    );
    if (scenario.softClose) {
      const end = await bench.runtime.ctx.pool.query<{ moved: number }>(
        `select extract(epoch from a.ends_at - max(b.created_at))::float as moved
           from auctions.auctions a join auctions.bids b on b.auction_id = a.id where a.id = any($1::uuid[])
          group by a.id, a.ends_at`,
        [auctionIds],
      );
      lines.push(
        `  end after each run: ${end.rows.map((r) => r.moved.toFixed(1)).join(', ')} s after its last bid (soft close 600 s)`,
      );
    }
    if (lost > 0) lines.push(`  ERROR: ${lost} acknowledged bids are missing from the database`);
  }
  const plain = (f: BidFigures) => !f.scenario.softClose && !f.scenario.maxima && (f.scenario.apiProcesses ?? 1) === 1;
  const few = figures.find((f) => plain(f) && f.scenario.bidders === 16);
  const many = figures.find((f) => plain(f) && f.scenario.bidders > 16);
  const spreadOut = figures.find((f) => (f.scenario.apiProcesses ?? 1) > 1);
  if (few && spreadOut) {
    lines.push(
      `bids: ${spreadOut.scenario.apiProcesses} API processes at ${(spreadOut.product / few.product).toFixed(2)}× the one-process rate, ${(spreadOut.product / spreadOut.bare).toFixed(2)}× the bare loop`,
    );
  }
  if (few && many) {
    lines.push(
      `bids: ${many.scenario.bidders} bidders at ${(many.product / few.product).toFixed(2)}× the 16-bidder rate (target ≥ 0.50)`,
    );
  }
  return { lines, figures };
}
