// N WebSocket subscribers of one auction: bid-to-delivery latency (bid request sent → message
// received by each subscriber) and server memory per connection, vs a bare `ws` server
// broadcasting a message of the same size. The subscribers run in a process of their own
// (bench/ws-fleet.ts), for both, as real clients would.
import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { WebSocket } from 'ws';
import { WebSocketServer } from 'ws';
import type { FleetCommand, FleetReport } from './ws-fleet';
import type { Session } from '../apps/server/test/client';
import { percentile, ratio, type Bench } from './support';

async function until(probe: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

/** Live heap + buffers after garbage from earlier phases is collected (run with --expose-gc). */
async function memory(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    globalThis.gc?.();
    await new Promise((r) => setTimeout(r, 100));
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

interface Figures {
  p50: number;
  p99: number;
  delivered: number;
  expected: number;
  failed: number;
  bytesPerConnection: number;
}

/** The subscriber process: opens the fleet, reports progress and finally every receipt. */
class FleetProcess {
  private readonly child: ChildProcess;
  received = 0;
  private finished = false;
  private opened: Promise<{ sockets: number; failed: number }>;
  private receipts: Promise<[number, number][]>;

  constructor() {
    this.child = fork(fileURLToPath(new URL('./ws-fleet.ts', import.meta.url)), {
      execArgv: ['--import', 'tsx'],
      stdio: 'inherit',
    });
    let opened: (v: { sockets: number; failed: number }) => void = () => undefined;
    let receipts: (v: [number, number][]) => void = () => undefined;
    this.opened = new Promise((resolve) => (opened = resolve));
    this.receipts = new Promise((resolve) => (receipts = resolve));
    this.child.on('exit', (code, signal) => {
      if (!this.finished) throw new Error(`the subscriber process stopped early (${signal ?? code})`);
    });
    this.child.on('message', (report: FleetReport) => {
      if (report.type === 'opened') opened(report);
      else if (report.type === 'received') this.received = report.total;
      else receipts(report.receipts);
    });
  }

  open(url: string, channel: string, count: number) {
    this.command({ type: 'open', url, channel, count });
    return this.opened;
  }

  finish() {
    this.finished = true;
    this.command({ type: 'finish' });
    return this.receipts;
  }

  private command(command: FleetCommand): void {
    this.child.send(command);
  }
}

const wallClock = () => performance.timeOrigin + performance.now();

async function drive(
  url: string,
  channel: string,
  count: number,
  rounds: number,
  fire: (round: number) => Promise<void>,
): Promise<Figures> {
  const fleet = new FleetProcess();
  const before = await memory();
  const { sockets, failed } = await fleet.open(url, channel, count);
  const after = await memory();
  const sentAt: number[] = [];
  for (let round = 0; round < rounds; round++) {
    sentAt.push(wallClock());
    await fire(round);
    await until(() => fleet.received >= (round + 1) * sockets, 30_000);
    await new Promise((r) => setTimeout(r, 50));
  }
  const receipts = await fleet.finish();
  const sorted = receipts.map(([round, at]) => at - sentAt[round]!).sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    delivered: receipts.length,
    expected: sockets * rounds,
    failed,
    bytesPerConnection: (after - before) / Math.max(sockets, 1),
  };
}

export async function benchWebSockets(
  bench: Bench,
  auctionId: string,
  bidders: [Session, Session],
  firstAmount: number,
  count: number,
  rounds: number,
): Promise<string[]> {
  const wsBase = bench.base.replace('http', 'ws');
  let amount = firstAmount;
  let sample = '';
  const product = await drive(`${wsBase}/v1/realtime`, `auction:${auctionId}`, count, rounds, async (round) => {
    const bidder = bidders[round % 2]!;
    const res = await fetch(`${bench.base}/v1/auctions/${auctionId}/bids`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bidder.accessToken}` },
      body: JSON.stringify({ amountMinor: amount, maxAmountMinor: amount }),
    });
    const body = (await res.json()) as { auction?: { minNextBidMinor: number }; error?: unknown };
    if (res.status !== 201) throw new Error(`bid refused: ${res.status} ${JSON.stringify(body)}`);
    amount = body.auction!.minNextBidMinor;
    sample ||= JSON.stringify({ type: 'bid_placed', channel: `auction:${auctionId}`, data: body.auction });
  });

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
  const port = (server.address() as { port: number }).port;
  const baseline = await drive(`ws://127.0.0.1:${port}`, 'auction:x', count, rounds, async () => {
    const text = sample || JSON.stringify({ type: 'bid_placed', data: { pad: 'x'.repeat(600) } });
    for (const s of subscribers) s.send(text);
  });
  await new Promise((r) => server.close(r));

  const kb = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  return [
    `websocket fan-out (${count} subscribers on one auction, ${rounds} bids): p50 ${product.p50.toFixed(0)} ms, p99 ${product.p99.toFixed(0)} ms, delivered ${product.delivered}/${product.expected}, failed connections ${product.failed}`,
    `  bare ws broadcast: p50 ${baseline.p50.toFixed(0)} ms, p99 ${baseline.p99.toFixed(0)} ms, delivered ${baseline.delivered}/${baseline.expected}, failed connections ${baseline.failed} → p99 ×${(product.p99 / Math.max(baseline.p99, 0.1)).toFixed(1)}`,
    `server memory per connection (heap + external): ${kb(product.bytesPerConnection)} vs bare ws ${kb(baseline.bytesPerConnection)} → ${ratio(product.bytesPerConnection, baseline.bytesPerConnection)}`,
  ];
}
