// WebSocket subscribers in their own process (as real clients are), driven by bench/ws.ts over
// IPC: opens N subscribers of a channel, then records when each `bid_placed` message arrives.
// Times are wall-clock milliseconds (performance.timeOrigin + now), comparable across processes.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';

export type FleetCommand = { type: 'open'; url: string; channel: string; count: number } | { type: 'finish' };

export type FleetReport =
  | { type: 'opened'; sockets: number; failed: number }
  | { type: 'received'; total: number }
  | { type: 'receipts'; receipts: [round: number, at: number][] };

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
const receipts: [number, number][] = [];
let failed = 0;

function send(report: FleetReport): void {
  process.send!(report);
}

/** One subscriber; resolves once subscribed (false when the connection failed first). */
function subscribe(url: string, channel: string): Promise<boolean> {
  const socket = new WebSocket(url);
  let round = 0;
  return new Promise<boolean>((resolve) => {
    let subscribed = false;
    socket.on('message', (raw: Buffer) => {
      const text = raw.toString();
      if (text.includes('"bid_placed"')) {
        receipts.push([round++, now()]);
      } else if (text.includes('"subscribed"')) {
        subscribed = true;
        sockets.push(socket);
        resolve(true);
      } else if (text.includes('"welcome"')) socket.send(JSON.stringify({ type: 'subscribe', channel }));
    });
    socket.on('error', () => {
      if (!subscribed) resolve(false);
    });
  });
}

async function open(url: string, channel: string, count: number): Promise<void> {
  const batch = 200;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async () => {
        // A connection reset while thousands open at once is retried, as a real client would.
        for (let attempt = 1; attempt <= 3; attempt++) {
          if (await subscribe(url, channel)) return;
        }
        failed += 1;
      }),
    );
  }
  send({ type: 'opened', sockets: sockets.length, failed });
}

// Progress for the driver, which waits for every subscriber to hear a round before the next.
const progress = setInterval(() => send({ type: 'received', total: receipts.length }), 20);

process.on('message', (command: FleetCommand) => {
  if (command.type === 'open') void open(command.url, command.channel, command.count);
  else {
    clearInterval(progress);
    for (const s of sockets) s.terminate();
    // A large report is still being written when `send` returns: disconnect once it is out.
    process.send!({ type: 'receipts', receipts } satisfies FleetReport, () => process.disconnect());
  }
});
