/** A WebSocket client of `/v1/realtime` for tests: connects, waits for the welcome, keeps every message. */
import WebSocket from 'ws';

export interface LiveMessage {
  type: string;
  channel?: string;
  code?: string;
  data?: Record<string, unknown>;
  serverTime?: string;
}

export interface LiveClient {
  socket: WebSocket;
  messages: LiveMessage[];
  send: (message: unknown) => void;
  /** The first message matching `match` (waiting for it up to `ms`). */
  next: (match: (m: LiveMessage) => boolean, ms?: number) => Promise<LiveMessage>;
}

export async function connectLive(url: string): Promise<LiveClient> {
  const socket = new WebSocket(url);
  const messages: LiveMessage[] = [];
  socket.on('message', (raw: Buffer) => messages.push(JSON.parse(raw.toString()) as LiveMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const next = async (match: (m: LiveMessage) => boolean, ms = 15_000): Promise<LiveMessage> => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = messages.find(match);
      if (found) return found;
      if (Date.now() > deadline) throw new Error(`no matching message; got ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await next((m) => m.type === 'welcome');
  return { socket, messages, next, send: (m) => socket.send(JSON.stringify(m)) };
}

/** Connects and subscribes to `channel`, resolving once the server confirms it. */
export async function subscribeLive(url: string, channel: string): Promise<LiveClient> {
  const client = await connectLive(url);
  client.send({ type: 'subscribe', channel });
  await client.next((m) => m.type === 'subscribed');
  return client;
}
