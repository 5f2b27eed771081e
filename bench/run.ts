// The benchmarks (not tests): `npm run bench`. Each figure is printed with its ratio to a bare
// baseline doing the same essential work, measured in the same run: three runs of each, product
// and baseline in turn, reported as median (spread). The product runs as deployed — API in this
// process, jobs in a child process, logs at `info`, Redis on — and every load generator runs in a
// process of its own. Needs the PostgreSQL service (BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432) and Redis (BENCH_REDIS, default redis://127.0.0.1:6379;
// `off` runs without it). Settings (defaults in brackets):
//   BENCH_SECONDS [10]          duration of each load run
//   BENCH_RUNS [3]              runs of each side
//   BENCH_CONNECTIONS [64]      HTTP connections for the feed
//   BENCH_FEED_VIEWERS [100], BENCH_FEED_AUCTIONS [5]  signed-in viewers, live auctions in the feed
//   BENCH_BIDDERS [16,200]      bidder counts on the hot auction (one scenario each)
//   BENCH_BID_MAXIMA [300]      proxy maxima on the auction of the "maxima" scenario (0: skip it)
//   BENCH_SOFT_CLOSE [1]        run the 16-bidder race inside the soft-close window too (0: skip)
//   BENCH_BID_PROCESSES [2]     run the 16-bidder race spread over this many API processes too (1: skip)
//   BENCH_WS_SUBSCRIBERS [10000], BENCH_WS_SLOW [100], BENCH_WS_RATE [the 16-bidder rate, or 20]
//   BENCH_SEARCH_STORIES [100000], BENCH_SEARCH_CONNECTIONS [16], BENCH_SEARCH_RUNS [BENCH_RUNS]
//   BENCH_LOG_LEVEL [info], BENCH_WORKER=inline  log level; jobs in the API's process
//   BENCH_PRODUCT_ENV='K=V,…'   product settings to run with (e.g. REALTIME_SEND_SLICE_MS=1000)
//   BENCH_MEDIA=1               also run bench/media.ts (upload-to-ready vs a bare ffmpeg command)
//   BENCH_ONLY=feed,bids,ws,search  run only these (all by default)
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { benchBids, type BidScenario } from './bids';
import { benchFeed } from './feed';
import { benchSearch } from './search';
import { LOG_LEVEL, publishStory, REDIS_URL, signIn, signInMaker, startBench } from './support';
import { benchWebSockets } from './ws';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const seconds = num('BENCH_SECONDS', 10);
const runs = num('BENCH_RUNS', 3);
const only = new Set((process.env.BENCH_ONLY ?? 'feed,bids,ws,search').split(','));

const print = (lines: string[]) => {
  for (const l of lines) console.log(l);
};
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}; product logs at ${LOG_LEVEL}, Redis ${REDIS_URL ? 'on' : 'off'}`,
);

const bench = await startBench();
try {
  const maker = await signInMaker(bench.api, 'maker');
  const stories: string[] = [];
  for (let i = 0; i < 30; i++) stories.push(await publishStory(bench, maker, i));
  // Stories 0–21 are the feed's (its last ones get live auctions); each bid or fan-out run
  // publishes a story of its own.
  if (only.has('feed')) {
    print(
      await benchFeed(bench, {
        stories: stories.slice(0, 22),
        viewers: num('BENCH_FEED_VIEWERS', 100),
        auctions: num('BENCH_FEED_AUCTIONS', 5),
        connections: num('BENCH_CONNECTIONS', 64),
        seconds,
        runs,
      }),
    );
  }
  let achieved: number | null = null;
  let published = stories.length;
  if (only.has('bids')) {
    const counts = (process.env.BENCH_BIDDERS ?? '16,200').split(',').map(Number);
    const scenarios: BidScenario[] = counts.map((bidders) => ({ name: 'open auction', bidders }));
    const few = Math.min(...counts);
    if (process.env.BENCH_SOFT_CLOSE !== '0') scenarios.push({ name: 'in soft close', bidders: few, softClose: true });
    const maxima = num('BENCH_BID_MAXIMA', 300);
    if (maxima > 0) scenarios.push({ name: `${maxima} proxy maxima on the auction`, bidders: few, maxima });
    const processes = num('BENCH_BID_PROCESSES', 2);
    if (processes > 1) scenarios.push({ name: 'open auction', bidders: few, apiProcesses: processes });
    const { lines, figures } = await benchBids(bench, scenarios, {
      seconds,
      runs,
      newStory: () => publishStory(bench, maker, published++),
    });
    print(lines);
    achieved = figures[0]?.product ?? null;
  }
  if (only.has('ws')) {
    const bidders = [];
    for (let i = 0; i < 8; i++) bidders.push(await signIn(bench.api, `ws-bidder${i}`));
    print(
      await benchWebSockets(bench, {
        newStory: () => publishStory(bench, maker, published++),
        opener: await signIn(bench.api, 'ws-opener'),
        bidders,
        subscribers: num('BENCH_WS_SUBSCRIBERS', 10_000),
        slow: num('BENCH_WS_SLOW', 100),
        rate: process.env.BENCH_WS_RATE ? Number(process.env.BENCH_WS_RATE) : Math.max(1, Math.round(achieved ?? 20)),
        seconds,
        runs,
      }),
    );
  }
  // Last: its 100,000 generated stories would change what the feed benchmark reads.
  if (only.has('search')) {
    print(
      await benchSearch(bench, {
        stories: num('BENCH_SEARCH_STORIES', 100_000),
        connections: num('BENCH_SEARCH_CONNECTIONS', 16),
        duration: seconds,
        runs: num('BENCH_SEARCH_RUNS', runs),
      }),
    );
  }
} finally {
  await bench.close();
}

if (process.env.BENCH_MEDIA === '1') {
  const media = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'media.ts')], {
    stdio: 'inherit',
  });
  if (media.status !== 0) console.log(`media benchmark failed (exit ${media.status})`);
}
