// N WebSocket subscribers of one auction: bid-to-delivery latency (bid request sent → message
// received by each subscriber) and memory per connection, vs a bare `ws` server broadcasting a
// message of the same size. Clients run in this process too, for both, so the ratio is fair.
import { performance } from 'node:perf_hooks';
import { WebSocket, WebSocketServer } from 'ws';
import type { Session } from '../apps/server/test/client';
import { percentile, ratio, type Bench } from './support';

interface Fleet {
  sockets: WebSocket[];
  latencies: number[];
  received: number;
  /** Connections refused or reset before subscribing (the machine ran out of something). */
  failed: number;
}

/** Opens `count` subscribers in batches; every `bid_placed` message records now − `sentAt()`. */
async function openFleet(url: string, channel: string, count: number, sentAt: () => number): Promise<Fleet> {
  const fleet: Fleet = { sockets: [], latencies: [], received: 0, failed: 0 };
  const batch = 200;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async () => {
        // A connection reset while thousands open at once is retried, as a real client would.
        for (let attempt = 1; attempt <= 3; attempt++) {
          if (await subscribe(url, channel, fleet, sentAt)) return;
        }
        fleet.failed += 1;
      }),
    );
  }
  return fleet;
}

function subscribe(url: string, channel: string, fleet: Fleet, sentAt: () => number): Promise<boolean> {
  const socket = new WebSocket(url);
  return new Promise<boolean>((resolve) => {
    let subscribed = false;
    socket.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (text.includes('"bid_placed"')) {
        fleet.latencies.push(performance.now() - sentAt());
        fleet.received += 1;
      } else if (text.includes('"subscribed"')) {
        subscribed = true;
        fleet.sockets.push(socket);
        resolve(true);
      } else if (text.includes('"welcome"')) socket.send(JSON.stringify({ type: 'subscribe', channel }));
    });
    socket.on('error', () => {
      if (!subscribed) resolve(false);
    });
  });
}

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

async function drive(
  url: string,
  channel: string,
  count: number,
  rounds: number,
  fire: (round: number) => Promise<void>,
): Promise<Figures> {
  let sentAt = 0;
  const before = await memory();
  const fleet = await openFleet(url, channel, count, () => sentAt);
  const after = await memory();
  for (let round = 0; round < rounds; round++) {
    const target = (round + 1) * fleet.sockets.length;
    sentAt = performance.now();
    await fire(round);
    await until(() => fleet.received >= target, 30_000);
    await new Promise((r) => setTimeout(r, 50));
  }
  for (const s of fleet.sockets) s.terminate();
  const sorted = fleet.latencies.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    delivered: fleet.received,
    expected: fleet.sockets.length * rounds,
    failed: fleet.failed,
    bytesPerConnection: (after - before) / Math.max(fleet.sockets.length, 1),
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
    `memory per connection (server + client in one process, heap + external): ${kb(product.bytesPerConnection)} vs bare ws ${kb(baseline.bytesPerConnection)} → ${ratio(product.bytesPerConnection, baseline.bytesPerConnection)}`,
  ];
}
