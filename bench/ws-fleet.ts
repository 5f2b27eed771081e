// WebSocket subscribers in their own process (as real clients are), driven by bench/ws.ts over
// IPC. Opens N subscribers of a channel (spread over one or more servers), records when each
// `bid_placed` message arrives and which amount it showed, and can add slow consumers: subscribers
// that stop reading their socket, as a phone on a bad network does. Latencies are computed here
// from the send times the driver hands over; times are wall-clock milliseconds
// (performance.timeOrigin + now), comparable across processes.
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

export type FleetCommand =
  | { type: 'open'; urls: string[]; channel: string; count: number }
  | { type: 'slow'; urls: string[]; channel: string; count: number }
  | { type: 'switch'; channel: string }
  | { type: 'reset' }
  | { type: 'report'; sent: [amount: number, at: number][]; splitAt: number }
  | { type: 'finish' };

export interface Latencies {
  p50: number;
  p99: number;
  count: number;
}

export type FleetReport =
  | { type: 'opened'; sockets: number; failed: number }
  | { type: 'ok' }
  | { type: 'received'; total: number }
  | {
      type: 'report';
      /** Before the slow consumers joined, and after. */
      before: Latencies;
      after: Latencies;
      delivered: number;
      expected: number;
      /** Slow consumers whose connection the server closed. */
      slowClosed: number;
      slow: number;
      /**
       * The product's messages carry the moment the server took the event off the bus
       * (`serverTime`): bid sent → taken off the bus, and taken off the bus → received. Null for
       * the bare server, whose messages carry none.
       */
      split: { toServer: Latencies; toScreen: Latencies } | null;
    };

const now = () => performance.timeOrigin + performance.now();
const sockets: WebSocket[] = [];
let slow: WebSocket[] = [];
let slowClosed = 0;
let amounts: number[] = [];
let ats: number[] = [];
let delivered: number[] = [];
let failed = 0;
/** The channel the subscribers watch, and how many are still to confirm a move to another. */
let watching = '';
let moving: { left: number; done: () => void } | null = null;
const AMOUNT = '"highBidMinor":';
const BID = '"type":"bid_placed"';
const SERVER_TIME = '"serverTime":"';

function send(report: FleetReport): void {
  process.send!(report);
}

/** One subscriber; resolves once subscribed (false when the connection failed first). */
function subscribe(url: string, channel: string, role: 'normal' | 'slow'): Promise<boolean> {
  const socket = new WebSocket(url);
  return new Promise<boolean>((resolve) => {
    let subscribed = false;
    socket.on('message', (raw: Buffer) => {
      if (subscribed) {
        if (moving && raw.includes('"type":"subscribed"')) {
          moving.left -= 1;
          if (moving.left === 0) moving.done();
          return;
        }
        // One bid per frame, or (a batch) several: each bid's high bid follows its type.
        const text = raw.toString();
        const at = now();
        for (let from = text.indexOf(BID); from >= 0; from = text.indexOf(BID, from + BID.length)) {
          const amount = text.indexOf(AMOUNT, from);
          amounts.push(amount < 0 ? -1 : parseInt(text.slice(amount + AMOUNT.length, amount + AMOUNT.length + 20), 10));
          ats.push(at);
          const time = text.indexOf(SERVER_TIME, from);
          delivered.push(
            time < 0 ? NaN : Date.parse(text.slice(time + SERVER_TIME.length, time + SERVER_TIME.length + 24)),
          );
        }
        return;
      }
      const text = raw.toString();
      if (text.includes('"subscribed"')) {
        subscribed = true;
        if (role === 'slow') {
          slow.push(socket);
          socket.removeAllListeners('message');
          // Stop reading: the server's writes pile up in the kernel, then in its own buffers.
          (socket as unknown as { _socket: Socket })._socket.pause();
          socket.on('close', () => (slowClosed += 1));
        } else sockets.push(socket);
        resolve(true);
      } else if (text.includes('"welcome"')) socket.send(JSON.stringify({ type: 'subscribe', channel }));
    });
    socket.on('error', () => {
      if (!subscribed) resolve(false);
    });
  });
}

async function open(urls: string[], channel: string, count: number, role: 'normal' | 'slow'): Promise<number> {
  const batch = 200;
  let opened = 0;
  for (let start = 0; start < count; start += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - start) }, async (_, i) => {
        const url = urls[(start + i) % urls.length]!;
        // A connection reset while thousands open at once is retried, as a real client would.
        for (let attempt = 1; attempt <= 3; attempt++) {
          if (await subscribe(url, channel, role)) {
            opened += 1;
            return;
          }
        }
        failed += 1;
      }),
    );
  }
  return opened;
}

function percentiles(values: Float64Array): Latencies {
  values.sort();
  const at = (p: number) =>
    values.length ? Math.round(values[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!) : NaN;
  return { p50: at(50), p99: at(99), count: values.length };
}

function report(sent: [number, number][], splitAt: number): FleetReport {
  const sentAt = new Map(sent);
  const before: number[] = [];
  const after: number[] = [];
  const toServer: number[] = [];
  const toScreen: number[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const at = sentAt.get(amounts[i]!);
    if (at === undefined) continue;
    (at < splitAt ? before : after).push(ats[i]! - at);
    const server = delivered[i]!;
    if (!Number.isNaN(server)) {
      toServer.push(server - at);
      toScreen.push(ats[i]! - server);
    }
  }
  for (const s of slow) {
    s.removeAllListeners('close');
    s.terminate();
  }
  const closed = slowClosed;
  const slowCount = slow.length;
  slow = [];
  slowClosed = 0;
  return {
    type: 'report',
    before: percentiles(Float64Array.from(before)),
    after: percentiles(Float64Array.from(after)),
    delivered: before.length + after.length,
    expected: sockets.length * sent.length,
    slowClosed: closed,
    slow: slowCount,
    split:
      toServer.length > 0
        ? {
            toServer: percentiles(Float64Array.from(toServer)),
            toScreen: percentiles(Float64Array.from(toScreen)),
          }
        : null,
  };
}

// Progress for the driver, which waits for every subscriber to hear the last bid.
const progress = setInterval(() => send({ type: 'received', total: amounts.length }), 50);

process.on('message', (command: FleetCommand) => {
  switch (command.type) {
    case 'open':
      watching = command.channel;
      void open(command.urls, command.channel, command.count, 'normal').then((opened) =>
        send({ type: 'opened', sockets: opened, failed }),
      );
      break;
    case 'switch': {
      const from = watching;
      watching = command.channel;
      void new Promise<void>((done) => {
        moving = { left: sockets.length, done };
        for (const s of sockets) {
          s.send(JSON.stringify({ type: 'unsubscribe', channel: from }));
          s.send(JSON.stringify({ type: 'subscribe', channel: command.channel }));
        }
      }).then(() => {
        moving = null;
        send({ type: 'ok' });
      });
      break;
    }
    case 'slow':
      void open(command.urls, command.channel, command.count, 'slow').then(() => send({ type: 'ok' }));
      break;
    case 'reset':
      amounts = [];
      ats = [];
      delivered = [];
      send({ type: 'ok' });
      break;
    case 'report':
      send(report(command.sent, command.splitAt));
      break;
    case 'finish':
      clearInterval(progress);
      for (const s of sockets) s.terminate();
      process.disconnect();
      break;
  }
});
