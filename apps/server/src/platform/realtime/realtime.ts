import websocket from '@fastify/websocket';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Authenticate } from '../http/auth';
import type { Caller, HttpApp } from '../http/types';
import type { Metrics } from '../metrics';
import type { EventBus, RealtimeEvent } from './bus';

/** Decides whether a caller (or an anonymous viewer) may subscribe to `<prefix>:<id>`. */
export type ChannelAuthorizer = (caller: Caller | null, id: string) => boolean | Promise<boolean>;

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channel: z.string().max(120) }),
  z.object({ type: z.literal('unsubscribe'), channel: z.string().max(120) }),
  z.object({ type: z.literal('auth'), token: z.string().max(4096) }),
  z.object({ type: z.literal('ping') }),
]);

const MAX_SUBSCRIPTIONS = 100;
const MAX_MESSAGE_BYTES = 4096;
const HEARTBEAT_MS = 30_000;

interface Connection {
  socket: WebSocket;
  caller: Caller | null;
  channels: Set<string>;
  alive: boolean;
}

/**
 * The real-time endpoint: clients subscribe to channels (`auction:<id>`, `user:<id>`, …); any
 * process publishes, and the bus carries each event to every process holding subscribers.
 * Every message carries `serverTime` so clients run countdowns on the server's clock.
 */
export class Realtime {
  private readonly authorizers = new Map<string, ChannelAuthorizer>();
  private readonly subscribers = new Map<string, Set<Connection>>();
  private readonly connections = new Set<Connection>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
  ) {
    this.registerChannel('user', (caller, id) => caller?.userId === id);
  }

  /** Lets a module open a channel family, with who may listen. */
  registerChannel(prefix: string, authorize: ChannelAuthorizer): void {
    this.authorizers.set(prefix, authorize);
  }

  /** Sends an event to every subscriber of the channel in every process; failures are logged, not thrown. */
  async publish(channel: string, type: string, data: unknown): Promise<void> {
    try {
      await this.bus.publish({ channel, type, data });
    } catch (err) {
      this.logger.warn({ err, channel, type }, 'realtime publish failed');
    }
  }

  /** Subscribers connected to this process (for tests and metrics). */
  localSubscriberCount(channel: string): number {
    return this.subscribers.get(channel)?.size ?? 0;
  }

  private deliver(event: RealtimeEvent): void {
    const subs = this.subscribers.get(event.channel);
    if (!subs || subs.size === 0) return;
    const text = JSON.stringify({
      type: event.type,
      channel: event.channel,
      data: event.data,
      serverTime: new Date().toISOString(),
    });
    for (const c of subs) {
      if (c.socket.readyState === c.socket.OPEN) c.socket.send(text);
    }
  }

  /** Registers `GET /v1/realtime` on the app. */
  async attach(app: HttpApp, authenticate: Authenticate): Promise<void> {
    // Only processes that hold connections listen to the bus; workers just publish.
    this.bus.onEvent((event) => this.deliver(event));
    await this.bus.ready();
    await app.register(websocket, { options: { maxPayload: MAX_MESSAGE_BYTES } });
    const gauge = this.metrics.gauge('websocket_connections', 'Open WebSocket connections');
    this.heartbeat = setInterval(() => {
      for (const c of this.connections) {
        if (!c.alive) {
          c.socket.terminate();
          continue;
        }
        c.alive = false;
        c.socket.ping();
      }
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    app.addHook('onClose', async () => {
      if (this.heartbeat) clearInterval(this.heartbeat);
      for (const c of this.connections) c.socket.close(1001, 'server shutting down');
    });

    app.get(
      '/v1/realtime',
      {
        websocket: true,
        schema: {
          tags: ['realtime'],
          summary:
            'WebSocket: send {"type":"subscribe","channel":"auction:<id>"}; receive {type, channel, data, serverTime}',
          querystring: z.object({ token: z.string().max(4096).optional() }),
        },
      },
      async (socket, req) => {
        const conn: Connection = { socket, caller: null, channels: new Set(), alive: true };
        this.connections.add(conn);
        gauge.set(this.connections.size);
        const send = (msg: Record<string, unknown>) => {
          if (socket.readyState === socket.OPEN)
            socket.send(JSON.stringify({ ...msg, serverTime: new Date().toISOString() }));
        };
        socket.on('pong', () => {
          conn.alive = true;
        });
        socket.on('close', () => {
          for (const ch of conn.channels) this.subscribers.get(ch)?.delete(conn);
          this.connections.delete(conn);
          gauge.set(this.connections.size);
        });
        // Messages are handled in order: a subscribe sent right after auth sees the caller.
        let queue = Promise.resolve();
        socket.on('message', (raw: Buffer) => {
          queue = queue
            .then(() => this.handle(conn, raw.toString('utf8'), authenticate, send))
            .catch((err: unknown) => {
              this.logger.warn({ err }, 'realtime message failed');
            });
        });
        const token = req.query.token;
        if (token) {
          queue = queue.then(async () => {
            try {
              conn.caller = await authenticate(token);
            } catch {
              send({ type: 'error', code: 'invalid_token' });
            }
          });
        }
        await queue;
        send({ type: 'welcome' });
      },
    );
  }

  private async handle(
    conn: Connection,
    text: string,
    authenticate: Authenticate,
    send: (m: Record<string, unknown>) => void,
  ): Promise<void> {
    let parsed: z.infer<typeof clientMessage>;
    try {
      parsed = clientMessage.parse(JSON.parse(text));
    } catch {
      send({ type: 'error', code: 'bad_message' });
      return;
    }
    switch (parsed.type) {
      case 'ping':
        send({ type: 'pong' });
        return;
      case 'auth':
        try {
          conn.caller = await authenticate(parsed.token);
          send({ type: 'authenticated', userId: conn.caller.userId });
        } catch {
          send({ type: 'error', code: 'invalid_token' });
        }
        return;
      case 'unsubscribe':
        conn.channels.delete(parsed.channel);
        this.subscribers.get(parsed.channel)?.delete(conn);
        send({ type: 'unsubscribed', channel: parsed.channel });
        return;
      case 'subscribe': {
        const { channel } = parsed;
        const sep = channel.indexOf(':');
        const authorize = sep > 0 ? this.authorizers.get(channel.slice(0, sep)) : undefined;
        if (!authorize || !(await authorize(conn.caller, channel.slice(sep + 1)))) {
          send({ type: 'error', code: 'channel_forbidden', channel });
          return;
        }
        if (!conn.channels.has(channel) && conn.channels.size >= MAX_SUBSCRIPTIONS) {
          send({ type: 'error', code: 'too_many_subscriptions', channel });
          return;
        }
        conn.channels.add(channel);
        let set = this.subscribers.get(channel);
        if (!set) this.subscribers.set(channel, (set = new Set()));
        set.add(conn);
        send({ type: 'subscribed', channel });
        return;
      }
      default: {
        const _exhaustive: never = parsed;
        return _exhaustive;
      }
    }
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.bus.close();
  }
}
