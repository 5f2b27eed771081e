// The benchmarks (not tests): `npm run bench`. Each figure is printed with its ratio to a bare
// baseline doing the same essential work. Needs the PostgreSQL service (BENCH_PG_URL,
// default postgres://postgres@127.0.0.1:5432). Settings (quick defaults in brackets):
//   BENCH_SECONDS [10]          duration of each load phase
//   BENCH_CONNECTIONS [64]      HTTP connections for the feed
//   BENCH_BIDDERS [16]          concurrent bidders on the hot auction
//   BENCH_WS_SUBSCRIBERS [10000], BENCH_WS_ROUNDS [20]
//   BENCH_SEARCH_STORIES [100000], BENCH_SEARCH_CONNECTIONS [16], BENCH_SEARCH_RUNS [3]
//   BENCH_MEDIA=1               also run bench/media.ts (upload-to-ready vs bare ffmpeg)
//   BENCH_ONLY=feed,bids,ws,search  run only these (all by default)
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { benchBids } from './bids';
import { benchFeed } from './feed';
import { benchSearch } from './search';
import { publishStory, signIn, signInMaker, startBench } from './support';
import { benchWebSockets } from './ws';

const num = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const seconds = num('BENCH_SECONDS', 10);
const connections = num('BENCH_CONNECTIONS', 64);
const bidders = num('BENCH_BIDDERS', 16);
const subscribers = num('BENCH_WS_SUBSCRIBERS', 10_000);
const rounds = num('BENCH_WS_ROUNDS', 20);
const only = new Set((process.env.BENCH_ONLY ?? 'feed,bids,ws,search').split(','));

const print = (lines: string[]) => {
  for (const l of lines) console.log(l);
};
console.log(
  `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}, node ${process.version}`,
);

const bench = await startBench();
try {
  const maker = await signInMaker(bench.api, 'maker');
  const stories: string[] = [];
  for (let i = 0; i < 22; i++) stories.push(await publishStory(bench, maker, i));
  if (only.has('feed')) print(await benchFeed(bench, connections, seconds));
  if (only.has('bids')) print(await benchBids(bench, stories[0]!, bidders, seconds));
  if (only.has('ws')) {
    const opener = await signIn(bench.api, 'ws-opener');
    const a = await signIn(bench.api, 'ws-a');
    const b = await signIn(bench.api, 'ws-b');
    const opened = await bench.api.call<{ auction: { id: string; minNextBidMinor: number } }>(
      'POST',
      `/v1/stories/${stories[1]!}/offers`,
      { token: opener.accessToken, body: { amountMinor: 10_000 } },
    );
    if (opened.status !== 201) throw new Error(`auction did not open: ${opened.status}`);
    print(
      await benchWebSockets(
        bench,
        opened.body.auction.id,
        [a, b],
        opened.body.auction.minNextBidMinor,
        subscribers,
        rounds,
      ),
    );
  }
  // Last: its 100,000 generated stories would change what the feed benchmark reads.
  if (only.has('search')) {
    print(
      await benchSearch(bench, {
        stories: num('BENCH_SEARCH_STORIES', 100_000),
        connections: num('BENCH_SEARCH_CONNECTIONS', 16),
        duration: seconds,
        runs: num('BENCH_SEARCH_RUNS', 3),
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
