import websocket from '@fastify/websocket';
import type { LiveMessage } from '@vw/domain';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Socket } from 'node:net';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import type { CacheAnnouncements } from '../cache';
import { DomainError } from '../errors';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { Authenticate } from '../http/auth';
import type { Caller, HttpApp } from '../http/types';
import type { Metrics } from '../metrics';
import type { EventBus, RealtimeEvent } from './bus';
import { CLOSE } from './close-codes';

/** Decides whether a caller (or an anonymous viewer) may subscribe to `<prefix>:<id>`. */
export type ChannelAuthorizer = (caller: Caller | null, id: string) => boolean | Promise<boolean>;

const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('subscribe'), channel: z.string().max(120) }),
  z.object({ type: z.literal('unsubscribe'), channel: z.string().max(120) }),
  z.object({ type: z.literal('auth'), token: z.string().max(4096) }),
  z.object({ type: z.literal('ping') }),
]);

const HEARTBEAT_MS = 30_000;
/** The longest delay a timer takes; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;
/** Internal bus channel telling every process that a session or an account lost its access. */
const ACCESS_CHANNEL = '$access';
/** Internal bus channel telling every process that a namespace of the shared cache was dropped. */
const CACHE_CHANNEL = '$cache';

/**
 * Lets go of the HTTP request and response the upgrade went through, which would otherwise live as
 * long as the connection (some 7 KiB each, with their headers and logger): the plugin attaches a
 * response to the socket to route the upgrade and leaves it there, and keeps the request in its
 * error listener. The connection keeps nothing of them.
 */
function releaseUpgradeRequest(socket: WebSocket, raw: IncomingMessage): void {
  const tcp = raw.socket as Socket & { _httpMessage?: ServerResponse | null };
  if (tcp._httpMessage) tcp._httpMessage.detachSocket(tcp);
  socket.removeAllListeners('error');
  socket.on('error', terminate);
}

function terminate(this: WebSocket): void {
  this.terminate();
}

/**
 * The socket listeners every connection shares: each finds its connection by the socket it is
 * called on, so a connection costs no closures of its own.
 */
function listenersOf(realtime: Realtime) {
  const pong = function (this: WebSocket) {
    realtime.ponged(this);
  };
  const close = function (this: WebSocket) {
    realtime.closed(this);
  };
  const message = function (this: WebSocket, raw: Buffer) {
    realtime.receive(this, raw);
  };
  return { pong, close, message };
}

/** Caps of one connection, and of the connections of one client address (per process). */
export interface RealtimeLimits {
  maxSubscriptions: number;
  maxMessageBytes: number;
  messagesPerSecond: number;
  connectionsPerAddress: number;
  /**
   * Bytes waiting to be written to one connection past which it is a slow consumer (a phone that
   * stopped reading): it is closed (4008 `slow_consumer`; the app reconnects and refetches) rather
   * than buffering without bound or slowing the others.
   */
  maxBufferedBytes: number;
  /**
   * For connections that take batches (`?batch=1`, the app does): at most one frame per channel
   * per this many milliseconds. An event on a quiet channel leaves at once; on a busy one the
   * events of the interval leave together, in one frame (a JSON array), and a price update
   * overtaken by the next one for the same leader and end is left out.
   */
  batchIntervalMs: number;
  /**
   * The longest the process writes one run of frames to subscribers before it lets other work (a
   * bid, a page) run: a frame for thousands of connections is written a slice at a time, each
   * write being a system call, instead of holding the process for the whole fan-out.
   */
  sendSliceMs: number;
}

export const DEFAULT_REALTIME_LIMITS: RealtimeLimits = {
  maxSubscriptions: 100,
  maxMessageBytes: 4096,
  messagesPerSecond: 20,
  connectionsPerAddress: 20,
  maxBufferedBytes: 256 * 1024,
  batchIntervalMs: 100,
  sendSliceMs: 1,
};

/** An event as a subscriber receives it, stamped with the server's time when it arrived. */
interface Outgoing {
  type: string;
  channel: string;
  data: unknown;
  serverTime: string;
}

/** A channel's events waiting for its next batch, and what its last batch showed. */
interface Batch {
  events: Outgoing[];
  timer: NodeJS.Timeout | null;
  lastFlush: number;
  /** Leader and end of the last auction state sent, to tell a price update from a lead change. */
  shown: string | undefined;
}

/** A frame on its way to the connections of a channel that were subscribed when it was made. */
interface Delivery {
  channel: string;
  frame: Buffer;
  targets: Connection[];
  /** The next target to write to. */
  next: number;
}

/** Sends between two looks at the clock while writing a slice. */
const SENDS_PER_CLOCK_CHECK = 32;

/** Updates that only move the price may be overtaken: the next one carries the same lead and end. */
const OVERTAKEN_TYPES: ReadonlySet<string> = new Set(['bid_placed']);

function leadAndEnd(event: Outgoing): string | undefined {
  const data = event.data as { leaderId?: unknown; endsAt?: unknown } | null;
  return data !== null && typeof data === 'object' ? `${String(data.leaderId)}|${String(data.endsAt)}` : undefined;
}

/**
 * The events of one batch that must be shown: every event, except a price update that neither
 * changed the lead or the end nor is the last of the batch, when the next event is the same kind
 * of update — its state is carried by that next one ("latest state wins"). Also answers the lead
 * and end the batch leaves shown.
 */
function coalesce(
  events: readonly Outgoing[],
  shown: string | undefined,
): { kept: Outgoing[]; shown: string | undefined } {
  const kept: Outgoing[] = [];
  let before = shown;
  for (let i = 0; i < events.length; i++) {
    const event = events[i]!;
    const next = events[i + 1];
    const state = leadAndEnd(event);
    const overtaken =
      next !== undefined &&
      OVERTAKEN_TYPES.has(event.type) &&
      next.type === event.type &&
      state === before &&
      leadAndEnd(next) === state;
    if (!overtaken) kept.push(event);
    if (OVERTAKEN_TYPES.has(event.type) || event.type === 'extended') before = state;
  }
  return { kept, shown: before };
}

/** How long a slow consumer has to complete the closing handshake before its socket is destroyed. */
const SLOW_CLOSE_GRACE_MS = 1000;

/** A session (or every session of a user) that may no longer receive anything private. */
export interface AccessEnded {
  userId: string;
  /** Unset: every session of the user. */
  sessionId?: string;
  reason: 'session_ended' | 'account_suspended';
}

/**
 * An account whose sessions go on but whose standing changed: its roles, its two-step sign-in, its
 * language, or a suspension lifted.
 */
export interface AccountChanged {
  userId: string;
  reason: 'account_changed';
}

/** What every process is told when a session's or an account's standing changes. */
export type AccessChange = AccessEnded | AccountChanged;

interface Connection {
  socket: WebSocket;
  caller: Caller | null;
  channels: Set<string>;
  alive: boolean;
  address: string;
  expiry: NodeJS.Timeout | null;
  windowStart: number;
  messagesInWindow: number;
  /** Messages are handled in order: a subscribe sent right after auth sees the caller. */
  queue: Promise<void>;
  /** Takes a channel's events in batches (`?batch=1`). */
  batched: boolean;
}

/**
 * The real-time endpoint: clients subscribe to channels (`auction:<id>`, `user:<id>`, …); any
 * process publishes, and the bus carries each event to every process holding subscribers.
 * Every message carries `serverTime` so clients run countdowns on the server's clock.
 */
export class Realtime {
  private readonly authorizers = new Map<string, ChannelAuthorizer>();
  /** Each channel's subscribers in this process, with the channel's name (shared by its connections). */
  private readonly subscribers = new Map<string, Set<Connection> & { readonly channel: string }>();
  /** Channels with subscribers that take batches, and what waits for their next frame. */
  private readonly batches = new Map<string, Batch>();
  /** Open connections by socket; one set of listeners serves them all (no closures per connection). */
  private readonly connections = new Map<WebSocket, Connection>();
  private authenticate: Authenticate = () => Promise.reject(new DomainError('invalid_token', 'Not attached'));
  private readonly listeners = listenersOf(this);
  private readonly perAddress = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | null = null;
  private gauge: { set(value: number): void } | null = null;
  private backlog: { set(value: number): void } | null = null;
  private readonly slowClosed;
  private readonly accessListeners: ((change: AccessChange) => void)[] = [];
  private readonly cacheListeners: ((namespace: string) => void)[] = [];
  private attached = false;
  /** Frames waiting to be written, oldest first (see `pump`). */
  private readonly deliveries: Delivery[] = [];
  private pumping = false;

  constructor(
    readonly bus: EventBus,
    private readonly logger: Logger,
    private readonly metrics: Metrics,
    private readonly limits: RealtimeLimits = DEFAULT_REALTIME_LIMITS,
    private readonly clock: Clock = { now: () => new Date() },
  ) {
    this.registerChannel('user', (caller, id) => caller?.userId === id);
    this.slowClosed = metrics.counter(
      'realtime_slow_consumers_closed_total',
      'Real-time connections closed because they stopped reading (past the buffer limit)',
    );
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

  /**
   * Publishes one of the product's messages: `LiveMessage` (@vw/domain) ties its data to its type,
   * the schema the web app parses it with. `publish` is the untyped transport underneath.
   */
  async publishMessage(message: LiveMessage): Promise<void> {
    await this.publish(message.channel, message.type, message.data);
  }

  /**
   * Tells every process that a session's or an account's standing changed: each hands it to its
   * `onAccessChange` listeners, and an ending closes the connections of that session (sign-out) or
   * of every session of the user (sign-out everywhere, suspension, deletion). Call it once the
   * change has committed.
   */
  async announceAccess(change: AccessChange): Promise<void> {
    await this.publish(ACCESS_CHANNEL, change.reason, change);
  }

  /** Calls `listener` with every access change any process announces, once this process listens. */
  onAccessChange(listener: (change: AccessChange) => void): void {
    this.accessListeners.push(listener);
  }

  /**
   * The bus subscription through which this process hears every access change (see
   * `EventBus.subscription`); null while it hears none: before `attach`, or with the bus down.
   */
  accessSubscription(): number | null {
    return this.attached ? this.bus.subscription() : null;
  }

  /**
   * The shared cache's drops, announced to every process (each keeps near copies of what it read
   * only while it hears them; see `CacheAnnouncements`).
   */
  readonly cacheAnnouncements: CacheAnnouncements = {
    subscription: () => this.accessSubscription(),
    announce: (namespace) => this.publish(CACHE_CHANNEL, 'cleared', { namespace }),
    onCleared: (listener) => {
      this.cacheListeners.push(listener);
    },
  };

  /** Subscribers connected to this process (for tests and metrics). */
  localSubscriberCount(channel: string): number {
    return this.subscribers.get(channel)?.size ?? 0;
  }

  /** Writes of frames to connections that wait for the next slice (for tests and metrics). */
  pendingSends(): number {
    let pending = 0;
    for (const d of this.deliveries) pending += d.targets.length - d.next;
    return pending;
  }

  private deliver(event: RealtimeEvent): void {
    if (event.channel === CACHE_CHANNEL) {
      const namespace = (event.data as { namespace?: unknown } | null)?.namespace;
      if (typeof namespace === 'string') for (const listener of this.cacheListeners) listener(namespace);
      return;
    }
    if (event.channel === ACCESS_CHANNEL) {
      const change = event.data as AccessChange;
      for (const listener of this.accessListeners) {
        try {
          listener(change);
        } catch (err) {
          this.logger.error({ err }, 'an access-change listener failed');
        }
      }
      if (change.reason !== 'account_changed') this.closeEnded(change);
      return;
    }
    const subs = this.subscribers.get(event.channel);
    if (!subs || subs.size === 0) return;
    const outgoing: Outgoing = {
      type: event.type,
      channel: event.channel,
      data: event.data,
      serverTime: new Date().toISOString(),
    };
    const alone: Connection[] = [];
    let batched = false;
    for (const c of subs) {
      if (c.batched) batched = true;
      else alone.push(c);
    }
    // Encoded once for every subscriber of this process (a string would be encoded per socket).
    if (alone.length > 0) this.send(subs.channel, Buffer.from(JSON.stringify(outgoing)), alone);
    if (batched) this.addToBatch(subs.channel, outgoing);
  }

  /** Queues a frame for these connections and writes what a slice allows at once. */
  private send(channel: string, frame: Buffer, targets: Connection[]): void {
    this.deliveries.push({ channel, frame, targets, next: 0 });
    if (!this.pumping) this.pump();
  }

  /**
   * Writes the queued frames, oldest first, for at most `sendSliceMs`, then lets the process's
   * other work run before the next slice. Frames leave in the order they were queued, so every
   * connection still gets a channel's events in order; a connection that left the channel
   * meanwhile gets nothing more of it.
   */
  private readonly pump = (): void => {
    this.pumping = true;
    const deadline = performance.now() + this.limits.sendSliceMs;
    let sent = 0;
    while (this.deliveries.length > 0) {
      const delivery = this.deliveries[0]!;
      while (delivery.next < delivery.targets.length) {
        const c = delivery.targets[delivery.next++]!;
        if (c.channels.has(delivery.channel)) this.sendTo(c, delivery.frame);
        if (++sent % SENDS_PER_CLOCK_CHECK === 0 && performance.now() >= deadline) {
          this.backlog?.set(this.pendingSends());
          setImmediate(this.pump);
          return;
        }
      }
      this.deliveries.shift();
    }
    this.pumping = false;
    if (sent >= SENDS_PER_CLOCK_CHECK) this.backlog?.set(0);
  };

  private sendTo(c: Connection, payload: Buffer): void {
    const socket = c.socket;
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > this.limits.maxBufferedBytes) this.closeSlow(c);
    else socket.send(payload, { binary: false });
  }

  /** Sends at once on a channel that sent nothing for an interval; else with the interval's batch. */
  private addToBatch(channel: string, event: Outgoing): void {
    let batch = this.batches.get(channel);
    if (batch === undefined) {
      batch = { events: [], timer: null, lastFlush: 0, shown: undefined };
      this.batches.set(channel, batch);
    }
    batch.events.push(event);
    if (batch.timer !== null) return;
    const wait = batch.lastFlush + this.limits.batchIntervalMs - Date.now();
    if (wait <= 0) {
      this.flush(channel, batch);
      return;
    }
    const ready = batch;
    batch.timer = setTimeout(() => this.flush(channel, ready), wait);
    batch.timer.unref();
  }

  private flush(channel: string, batch: Batch): void {
    batch.timer = null;
    batch.lastFlush = Date.now();
    const { kept: events, shown } = coalesce(batch.events, batch.shown);
    batch.events = [];
    batch.shown = shown;
    const subs = this.subscribers.get(channel);
    if (subs === undefined || events.length === 0) return;
    const targets: Connection[] = [];
    for (const c of subs) if (c.batched) targets.push(c);
    if (targets.length > 0)
      this.send(channel, Buffer.from(JSON.stringify(events.length === 1 ? events[0] : events)), targets);
  }

  /**
   * Closes a connection that stopped reading: no more is queued for it, the close frame says why,
   * and a socket that does not finish closing within a second is destroyed, freeing its buffer.
   */
  private closeSlow(conn: Connection): void {
    this.slowClosed.inc();
    for (const channel of conn.channels) this.leave(conn, channel);
    conn.socket.close(CLOSE.slowConsumer, 'slow_consumer');
    setTimeout(() => conn.socket.terminate(), SLOW_CLOSE_GRACE_MS).unref();
  }

  /** Registers `GET /v1/realtime` on the app. */
  async attach(app: HttpApp, authenticate: Authenticate): Promise<void> {
    // Only processes that hold connections listen to the bus; workers just publish.
    this.bus.onEvent((event) => this.deliver(event));
    this.attached = true;
    await this.bus.ready();
    // Over the cap, `ws` closes the connection itself with 1009 (CLOSE.messageTooBig).
    await app.register(websocket, { options: { maxPayload: this.limits.maxMessageBytes } });
    this.authenticate = authenticate;
    const gauge = this.metrics.gauge('websocket_connections', 'Open WebSocket connections');
    this.gauge = gauge;
    this.backlog = this.metrics.gauge(
      'realtime_pending_sends',
      'Writes of live frames to connections waiting for the next slice of the fan-out',
    );
    this.heartbeat = setInterval(() => {
      for (const c of this.connections.values()) {
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
      this.deliveries.length = 0;
      for (const c of this.connections.values()) c.socket.close(CLOSE.goingAway, 'server shutting down');
    });

    app.get(
      '/v1/realtime',
      {
        websocket: true,
        schema: {
          tags: ['realtime'],
          summary:
            'WebSocket: send {"type":"subscribe","channel":"auction:<id>"}; receive {type, channel, data, serverTime} (with ?batch=1, also arrays of them)',
          querystring: z.object({
            token: z.string().max(4096).optional(),
            batch: z.enum(['0', '1']).optional(),
          }),
        },
      },
      async (socket, req) => {
        releaseUpgradeRequest(socket, req.raw);
        const address = req.ip;
        const conn: Connection = {
          socket,
          caller: null,
          channels: new Set(),
          alive: true,
          address,
          expiry: null,
          windowStart: 0,
          messagesInWindow: 0,
          queue: Promise.resolve(),
          batched: req.query.batch === '1',
        };
        const fromAddress = (this.perAddress.get(address) ?? 0) + 1;
        this.perAddress.set(address, fromAddress);
        this.connections.set(socket, conn);
        gauge.set(this.connections.size);
        socket.on('pong', this.listeners.pong);
        socket.on('close', this.listeners.close);
        if (fromAddress > this.limits.connectionsPerAddress) {
          socket.close(CLOSE.rateLimited, 'too_many_connections');
          return;
        }
        socket.on('message', this.listeners.message);
        const token = req.query.token;
        if (token) this.enqueue(conn, () => this.authenticateBy(conn, token));
        await conn.queue;
        this.reply(conn, { type: 'welcome' });
      },
    );
  }

  /** Sends one of the connection's own answers (an error, `subscribed`, `pong`…), with the server's time. */
  private reply(conn: Connection, msg: Record<string, unknown>): void {
    const socket = conn.socket;
    if (socket.readyState === socket.OPEN)
      socket.send(JSON.stringify({ ...msg, serverTime: new Date().toISOString() }));
  }

  private enqueue(conn: Connection, work: () => Promise<void>): void {
    conn.queue = conn.queue.then(work).catch((err: unknown) => {
      this.logger.warn({ err }, 'realtime message failed');
    });
  }

  private async authenticateBy(conn: Connection, token: string): Promise<void> {
    try {
      await this.setCaller(conn, await this.authenticate(token));
    } catch (err) {
      if (!this.closeForLostAccess(conn, err)) this.reply(conn, { type: 'error', code: 'invalid_token' });
    }
  }

  /** A message from a client: counted against its rate, then handled after the ones before it. */
  receive(socket: WebSocket, raw: Buffer): void {
    const conn = this.connections.get(socket);
    if (!conn) return;
    if (!this.withinRate(conn)) {
      socket.close(CLOSE.rateLimited, 'too_many_messages');
      return;
    }
    this.enqueue(conn, () => this.handle(conn, raw.toString('utf8')));
  }

  /** A connection closed: it leaves its channels, its expiry timer and its address's count. */
  closed(socket: WebSocket): void {
    const conn = this.connections.get(socket);
    if (!conn) return;
    for (const ch of conn.channels) this.leave(conn, ch);
    if (conn.expiry) clearTimeout(conn.expiry);
    this.connections.delete(socket);
    const left = (this.perAddress.get(conn.address) ?? 1) - 1;
    if (left > 0) this.perAddress.set(conn.address, left);
    else this.perAddress.delete(conn.address);
    this.gauge?.set(this.connections.size);
  }

  /** Takes the connection off the channel's subscribers; a channel nobody hears is forgotten. */
  private leave(conn: Connection, channel: string): void {
    const set = this.subscribers.get(channel);
    if (!set) return;
    set.delete(conn);
    if (set.size === 0) {
      this.subscribers.delete(channel);
      const batch = this.batches.get(channel);
      if (batch?.timer) clearTimeout(batch.timer);
      this.batches.delete(channel);
    }
  }

  /** A pong: the connection is alive. */
  ponged(socket: WebSocket): void {
    const conn = this.connections.get(socket);
    if (conn) conn.alive = true;
  }

  private async handle(conn: Connection, text: string): Promise<void> {
    const send = (msg: Record<string, unknown>) => this.reply(conn, msg);
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
          const caller = await this.authenticate(parsed.token);
          await this.setCaller(conn, caller, send);
          send({ type: 'authenticated', userId: caller.userId });
        } catch (err) {
          if (!this.closeForLostAccess(conn, err)) send({ type: 'error', code: 'invalid_token' });
        }
        return;
      case 'unsubscribe':
        conn.channels.delete(parsed.channel);
        this.leave(conn, parsed.channel);
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
        if (!conn.channels.has(channel) && conn.channels.size >= this.limits.maxSubscriptions) {
          send({ type: 'error', code: 'too_many_subscriptions', channel });
          return;
        }
        let set = this.subscribers.get(channel);
        if (!set) this.subscribers.set(channel, (set = Object.assign(new Set<Connection>(), { channel })));
        set.add(conn);
        conn.channels.add(set.channel);
        send({ type: 'subscribed', channel });
        return;
      }
      default: {
        const _exhaustive: never = parsed;
        return _exhaustive;
      }
    }
  }

  /** Counts a message against the connection's per-second cap; false once it is exceeded. */
  private withinRate(conn: Connection): boolean {
    const now = Date.now();
    if (now - conn.windowStart >= 1000) {
      conn.windowStart = now;
      conn.messagesInWindow = 0;
    }
    conn.messagesInWindow += 1;
    return conn.messagesInWindow <= this.limits.messagesPerSecond;
  }

  /**
   * Closes the connection when its token expires. A timer cannot wait longer than about 24.8 days
   * (it would fire at once), so a later expiry waits the longest it can and then arms again.
   */
  private armExpiry(conn: Connection, expiresAt: Date): void {
    const left = Math.max(0, expiresAt.getTime() - this.clock.now().getTime());
    const wait = Math.min(left, MAX_TIMER_MS);
    conn.expiry = setTimeout(() => {
      if (wait < left) this.armExpiry(conn, expiresAt);
      else conn.socket.close(CLOSE.tokenExpired, 'token_expired');
    }, wait);
    conn.expiry.unref();
  }

  /**
   * Who the connection speaks for from now on, until the token's expiry (then it is closed, unless
   * an `auth` message renewed it). Channels the new caller may not hear are dropped.
   */
  private async setCaller(
    conn: Connection,
    caller: Caller,
    send?: (m: Record<string, unknown>) => void,
  ): Promise<void> {
    const previous = conn.caller;
    conn.caller = caller;
    if (conn.expiry) clearTimeout(conn.expiry);
    conn.expiry = null;
    if (caller.expiresAt) this.armExpiry(conn, caller.expiresAt);
    if (previous && previous.userId !== caller.userId) {
      for (const channel of [...conn.channels]) {
        const sep = channel.indexOf(':');
        const authorize = this.authorizers.get(channel.slice(0, sep));
        if (authorize && (await authorize(caller, channel.slice(sep + 1)))) continue;
        conn.channels.delete(channel);
        this.leave(conn, channel);
        send?.({ type: 'unsubscribed', channel });
      }
    }
  }

  /** Closes the connection when a token was refused because its session or account lost access. */
  private closeForLostAccess(conn: Connection, err: unknown): boolean {
    const code = err instanceof DomainError ? err.code : null;
    if (code === 'account_suspended') conn.socket.close(CLOSE.accountSuspended, 'account_suspended');
    else if (code === 'session_ended') conn.socket.close(CLOSE.sessionEnded, 'session_ended');
    else if (code === 'token_expired') conn.socket.close(CLOSE.tokenExpired, 'token_expired');
    else return false;
    return true;
  }

  private closeEnded(ended: AccessEnded): void {
    const code = ended.reason === 'account_suspended' ? CLOSE.accountSuspended : CLOSE.sessionEnded;
    for (const c of this.connections.values()) {
      if (!c.caller || c.caller.userId !== ended.userId) continue;
      if (ended.sessionId && c.caller.sessionId !== ended.sessionId) continue;
      c.socket.close(code, ended.reason);
    }
  }

  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    await this.bus.close();
  }
}
