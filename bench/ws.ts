// Sustained WebSocket fan-out: bids arrive at a steady rate (the hot auction's achieved rate, from
// a process of its own: bench/bid-load.ts) while N subscribers of the auction, spread over two API
// processes (events cross between them through Redis, or PostgreSQL without it), watch from a
// process of their own (bench/ws-fleet.ts). Halfway through each run slow consumers join —
// subscribers that stop reading — and the others' bid-to-screen latency (bid request sent → message
// received) is reported before and after they joined, and split at the moment the server took the
// event off the bus. Baseline: a bare `ws` server broadcasting a message of the same size to the
// same fleet, as many as the product sent each subscriber in the run before (one per accepted
// bid), evenly spread and each stamped when it was due. Runs alternate, three of each.
// Also: server memory per connection of the API process hosting this benchmark.
import { fork, type ChildProcess } from 'node:child_process';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { Session } from '../apps/server/test/client';
import type { StreamReport } from './bid-load';
import type { FleetCommand, FleetReport } from './ws-fleet';
import { openAuction } from './bids';
import { loadNow, median, ratio, runChild, spread, type Bench } from './support';

type RunReport = Extract<FleetReport, { type: 'report' }> & {
  /** How long work waited for this process's event loop over the run (p99 and max, ms). */
  loopDelay: { p99: number; max: number };
};

/** Live heap + buffers after garbage from earlier phases is collected (run with --expose-gc). */
async function memory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 100));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** The subscriber process: one command at a time, answered in order. */
class FleetProcess {
  private readonly child: ChildProcess;
  received = 0;
  private finished = false;
  private waiting: ((report: FleetReport) => void)[] = [];

  constructor() {
    this.child = fork(fileURLToPath(new URL('./ws-fleet.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    this.child.on('exit', (code, signal) => {
      if (!this.finished) throw new Error(`the subscriber process stopped early (${signal ?? code})`);
    });
    this.child.on('message', (report: FleetReport) => {
      if (report.type === 'received') this.received = report.total;
      else this.waiting.shift()?.(report);
    });
  }

  command<T extends FleetReport>(command: FleetCommand): Promise<T> {
    return new Promise((resolve) => {
      this.waiting.push(resolve as (report: FleetReport) => void);
      this.child.send(command);
    });
  }

  finish(): void {
    this.finished = true;
    this.child.send({ type: 'finish' } satisfies FleetCommand);
  }
}

const wallClock = () => performance.timeOrigin + performance.now();

interface Side {
  fleet: FleetProcess;
  urls: string[];
  channel: string;
  sockets: number;
  /** Sends bids (or broadcasts) at `rate` for `seconds`; returns what was shown and when it left. */
  stream(rate: number, seconds: number): Promise<[number, number][]>;
}

async function run(side: Side, rate: number, seconds: number, slow: number): Promise<RunReport> {
  await side.fleet.command({ type: 'reset' });
  const splitAt = wallClock() + (seconds * 1000) / 2;
  const joining = (async () => {
    await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
    if (slow > 0) await side.fleet.command({ type: 'slow', urls: side.urls, channel: side.channel, count: slow });
  })();
  // This process serves half the product's subscribers (and the bare server's broadcast).
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  const sent = await side.stream(rate, seconds);
  loop.disable();
  await joining;
  const expected = sent.length * side.sockets;
  const deadline = Date.now() + 30_000;
  while (side.fleet.received < expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const report = await side.fleet.command<Extract<FleetReport, { type: 'report' }>>({ type: 'report', sent, splitAt });
  return { ...report, loopDelay: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } };
}

export async function benchWebSockets(
  bench: Bench,
  options: {
    newStory: () => Promise<string>;
    opener: Session;
    bidders: Session[];
    subscribers: number;
    slow: number;
    rate: number;
    seconds: number;
    runs: number;
  },
): Promise<string[]> {
  // Each product run bids on a fresh auction, as the bid benchmark does: the minimum next bid grows
  // by 1 % a step, so one auction carried through three runs at the achieved rate would reach the
  // largest amount accepted. Between runs the subscribers move to the new auction's channel.
  let auction = await openAuction(bench, await options.newStory(), options.opener);
  let next = auction.minNextBidMinor;
  const second = await bench.startApiProcess();
  // As the app connects: taking batches (a busy channel in at most one frame per interval).
  const wsUrl = (base: string) => `${base.replace('http', 'ws')}/v1/realtime?batch=1`;

  // The product: half the subscribers on this process, half on the second API process.
  const productFleet = new FleetProcess();
  const before = await memory();
  const productOpen = await productFleet.command<Extract<FleetReport, { type: 'opened' }>>({
    type: 'open',
    urls: [wsUrl(bench.base), wsUrl(second.base)],
    channel: `auction:${auction.id}`,
    count: options.subscribers,
  });
  const productBytes = (await memory()) - before;
  let sample = '';
  const stream = { accepted: 0, refused: 0, errors: 0, p50: [] as number[], p99: [] as number[] };
  const product: Side = {
    fleet: productFleet,
    urls: [wsUrl(bench.base), wsUrl(second.base)],
    channel: `auction:${auction.id}`,
    sockets: productOpen.sockets,
    stream: async (rate, seconds) => {
      const auctionId = auction.id;
      const report = await runChild<StreamReport>('bid-load.ts', {
        mode: 'stream',
        base: bench.base,
        auctionId,
        tokens: options.bidders.map((b) => b.accessToken),
        rate,
        seconds,
        start: next,
      });
      stream.accepted += report.sent.length;
      stream.refused += report.refused;
      stream.errors += report.errors;
      stream.p50.push(report.p50);
      stream.p99.push(report.p99);
      sample ||= JSON.stringify({
        type: 'bid_placed',
        channel: `auction:${auctionId}`,
        data: (await bench.api.call('GET', `/v1/auctions/${auctionId}`)).body,
      });
      return report.sent;
    },
  };

  // The bare server: every subscriber on one plain `ws` server in this process.
  const server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const subscribers = new Set<WebSocket>();
  server.on('connection', (socket) => {
    socket.send(JSON.stringify({ type: 'welcome' }));
    socket.on('message', () => {
      subscribers.add(socket);
      socket.send(JSON.stringify({ type: 'subscribed' }));
    });
    socket.on('close', () => subscribers.delete(socket));
  });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const bareUrl = `ws://127.0.0.1:${(server.address() as { port: number }).port}`;
  const bareFleet = new FleetProcess();
  const bareBefore = await memory();
  const bareOpen = await bareFleet.command<Extract<FleetReport, { type: 'opened' }>>({
    type: 'open',
    urls: [bareUrl],
    channel: 'auction:x',
    count: options.subscribers,
  });
  const bareBytes = (await memory()) - bareBefore;
  let bareAmount = 1_000_000;
  const bare: Side = {
    fleet: bareFleet,
    urls: [bareUrl],
    channel: 'auction:x',
    sockets: bareOpen.sockets,
    stream: async (rate, seconds) => {
      const sent: [number, number][] = [];
      const begin = performance.now();
      for (let i = 0; performance.now() - begin < seconds * 1000; i++) {
        const due = begin + (i * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        bareAmount += 100;
        // Stamped when it was due, as the bids are sent on time: a broadcast that runs late counts
        // its lateness, as a bid that waits for a busy product does.
        const at = performance.timeOrigin + due;
        const text = (sample || JSON.stringify({ type: 'bid_placed', data: { pad: 'x'.repeat(600) } })).replace(
          /"highBidMinor":\d+/,
          `"highBidMinor":${bareAmount}`,
        );
        const withAmount = text.includes('"highBidMinor"') ? text : text.replace('{', `{"highBidMinor":${bareAmount},`);
        for (const s of subscribers) s.send(withAmount);
        sent.push([bareAmount, at]);
      }
      return sent;
    },
  };

  const startLoad = loadNow();
  const productRuns: RunReport[] = [];
  const bareRuns: RunReport[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      if (i > 0) {
        auction = await openAuction(bench, await options.newStory(), options.opener);
        next = auction.minNextBidMinor;
        product.channel = `auction:${auction.id}`;
        await productFleet.command({ type: 'switch', channel: product.channel });
      }
      const productRun = await run(product, options.rate, options.seconds, options.slow);
      productRuns.push(productRun);
      // As many messages as each product subscriber was sent in that run (the accepted bids; the
      // refused ones send nothing), spread evenly.
      const messages = Math.max(productRun.expected / Math.max(productOpen.sockets, 1), 1);
      bareRuns.push(await run(bare, messages / options.seconds, options.seconds, options.slow));
    }
  } finally {
    productFleet.finish();
    bareFleet.finish();
    await new Promise((r) => server.close(r));
    await second.stop();
  }

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  const perConnection = productBytes / Math.max(Math.ceil(productOpen.sockets / 2), 1);
  const barePerConnection = bareBytes / Math.max(bareOpen.sockets, 1);
  const describe = (name: string, runs: RunReport[], sockets: number, failed: number) => [
    `  ${name}: p50 ${spread(
      runs.map((r) => r.before.p50),
      0,
      ' ms',
    )}, p99 ${spread(
      runs.map((r) => r.before.p99),
      0,
      ' ms',
    )}; ` +
      `with ${options.slow} slow consumers: p50 ${spread(
        runs.map((r) => r.after.p50),
        0,
        ' ms',
      )}, p99 ${spread(
        runs.map((r) => r.after.p99),
        0,
        ' ms',
      )}; ` +
      `delivered ${runs.reduce((n, r) => n + r.delivered, 0)}/${runs.reduce((n, r) => n + r.expected, 0)}, ${sockets} subscribers (${failed} failed), slow consumers closed by the server ${runs.map((r) => `${r.slowClosed}/${r.slow}`).join(', ')}`,
  ];
  const p99 = median(productRuns.map((r) => Math.max(r.before.p99, r.after.p99)));
  return [
    `websocket fan-out, sustained (${options.subscribers} subscribers over two API processes, bids at ${options.rate}/s for ${options.seconds} s × ${options.runs}, slow consumers join halfway; median (spread); ${startLoad} → ${loadNow()})`,
    ...describe('product (bid sent → message received)', productRuns, productOpen.sockets, productOpen.failed),
    ...describe(
      'bare ws broadcast, as many messages as the product sent each subscriber in the run before, each alone',
      bareRuns,
      bareOpen.sockets,
      bareOpen.failed,
    ),
    `  product split: bid sent → off the bus p50 ${spread(
      productRuns.map((r) => r.split?.toServer.p50 ?? NaN),
      0,
      ' ms',
    )}, p99 ${spread(
      productRuns.map((r) => r.split?.toServer.p99 ?? NaN),
      0,
      ' ms',
    )}; off the bus → received p50 ${spread(
      productRuns.map((r) => r.split?.toScreen.p50 ?? NaN),
      0,
      ' ms',
    )}, p99 ${spread(
      productRuns.map((r) => r.split?.toScreen.p99 ?? NaN),
      0,
      ' ms',
    )}`,
    `  event-loop delay of the API process holding half the subscribers: p99 ${spread(
      productRuns.map((r) => r.loopDelay.p99),
      0,
      ' ms',
    )}, max ${spread(
      productRuns.map((r) => r.loopDelay.max),
      0,
      ' ms',
    )} (bare server's process while broadcasting: p99 ${spread(
      bareRuns.map((r) => r.loopDelay.p99),
      0,
      ' ms',
    )})`,
    `  bid stream: ${stream.accepted} accepted, ${stream.refused} refused (overtaken while in flight), ${stream.errors} errors (503); answered in p50 ${spread(stream.p50, 0, ' ms')}, p99 ${spread(stream.p99, 0, ' ms')}`,
    `  → product p99 ${p99} ms (target ≤ 250 ms)`,
    `server memory per connection (heap + external of the API process holding half the subscribers): ${kb(perConnection)} vs bare ws ${kb(barePerConnection)} → ${ratio(perConnection, barePerConnection)} (target ≤ 4 KiB)`,
  ];
}
