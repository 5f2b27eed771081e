import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { Logger } from 'pino';

/** One event for the subscribers of one channel, whatever process they are connected to. */
export interface RealtimeEvent {
  channel: string;
  type: string;
  data: unknown;
}

/** Carries events between processes: PostgreSQL LISTEN/NOTIFY by default, Redis pub/sub when configured. */
export interface EventBus {
  publish(event: RealtimeEvent): Promise<void>;
  onEvent(handler: (event: RealtimeEvent) => void): void;
  readonly kind: 'postgres' | 'redis';
  /**
   * The unbroken subscription that brings this process the events of every process: a number that
   * changes each time it is made again, or null while there is none. Events published while it is
   * null, or between two numbers, are lost to this process (the bus does not replay them).
   */
  subscription(): number | null;
  ready(): Promise<void>;
  close(): Promise<void>;
}

const PG_CHANNEL = 'vw_realtime';
const REDIS_CHANNEL = 'vw:realtime';
// NOTIFY payloads are capped at 8000 bytes; bigger events carry a note to re-fetch instead.
const MAX_PAYLOAD = 7800;

function encode(event: RealtimeEvent): string {
  const text = JSON.stringify(event);
  if (Buffer.byteLength(text) <= MAX_PAYLOAD) return text;
  return JSON.stringify({ channel: event.channel, type: event.type, data: { truncated: true } });
}

function decode(text: string, logger: Logger): RealtimeEvent | null {
  try {
    const e = JSON.parse(text) as RealtimeEvent;
    return typeof e.channel === 'string' && typeof e.type === 'string' ? e : null;
  } catch (err) {
    logger.warn({ err }, 'dropping malformed realtime event');
    return null;
  }
}

export class PostgresEventBus implements EventBus {
  readonly kind = 'postgres' as const;
  private client: pg.Client | null = null;
  private handlers: ((e: RealtimeEvent) => void)[] = [];
  private closed = false;
  private connecting: Promise<void> | null = null;
  /** Listening connections made so far. */
  private subscriptions = 0;
  readonly id = randomUUID();

  constructor(
    private readonly url: string,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {}

  async publish(event: RealtimeEvent): Promise<void> {
    await this.pool.query('select pg_notify($1, $2)', [PG_CHANNEL, encode(event)]);
  }

  onEvent(handler: (e: RealtimeEvent) => void): void {
    this.handlers.push(handler);
    void this.ready().catch((err: unknown) => this.logger.error({ err }, 'realtime listener failed'));
  }

  /** Set only once LISTEN has answered; cleared as soon as the listening connection fails. */
  subscription(): number | null {
    return this.client ? this.subscriptions : null;
  }

  /** Connects the listening client (once), reconnecting after a lost connection. */
  ready(): Promise<void> {
    if (this.client || this.closed || this.handlers.length === 0) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url, application_name: 'video-window-realtime' });
    client.on('notification', (msg) => {
      if (msg.channel !== PG_CHANNEL || !msg.payload) return;
      const event = decode(msg.payload, this.logger);
      if (event) for (const h of this.handlers) h(event);
    });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'realtime listener lost its connection; reconnecting');
      this.client = null;
      client.end().catch(() => {});
      this.retry();
    });
    await client.connect();
    await client.query(`listen ${PG_CHANNEL}`);
    if (this.closed) {
      await client.end();
      return;
    }
    this.subscriptions += 1;
    this.client = client;
  }

  private retry(): void {
    if (this.closed) return;
    setTimeout(() => {
      this.ready().catch(() => this.retry());
    }, 1000).unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }
}

export class RedisEventBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly pub: Redis;
  private sub: Redis | null = null;
  private handlers: ((e: RealtimeEvent) => void)[] = [];
  private subscribed: Promise<void> | null = null;
  /** Confirmed subscriptions so far, and the one in force (null while disconnected). */
  private subscriptions = 0;
  private current: number | null = null;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
  ) {
    this.pub = new Redis(url, { maxRetriesPerRequest: 2, connectTimeout: 5000, lazyConnect: false });
    this.pub.on('error', (err) => this.logger.warn({ err }, 'redis publisher error'));
  }

  async publish(event: RealtimeEvent): Promise<void> {
    await this.pub.publish(REDIS_CHANNEL, encode(event));
  }

  onEvent(handler: (e: RealtimeEvent) => void): void {
    this.handlers.push(handler);
    void this.ready();
  }

  subscription(): number | null {
    return this.current;
  }

  ready(): Promise<void> {
    if (this.handlers.length === 0) return Promise.resolve();
    this.subscribed ??= (async () => {
      const sub = new Redis(this.url, { connectTimeout: 5000 });
      sub.on('error', (err) => this.logger.warn({ err }, 'redis subscriber error'));
      sub.on('message', (_channel: string, text: string) => {
        const event = decode(text, this.logger);
        if (event) for (const h of this.handlers) h(event);
      });
      // The client reconnects and subscribes again by itself, but what was published meanwhile is
      // lost: the subscription counts as a new one once Redis has confirmed it on the new connection.
      sub.on('close', () => {
        this.current = null;
      });
      sub.on('ready', () => {
        if (this.sub === sub) void this.confirm(sub);
      });
      await this.confirm(sub);
      this.sub = sub;
    })();
    return this.subscribed;
  }

  private async confirm(sub: Redis): Promise<void> {
    try {
      await sub.subscribe(REDIS_CHANNEL);
      if (sub.status === 'ready') this.current = ++this.subscriptions;
    } catch (err) {
      this.logger.warn({ err }, 'redis subscription not confirmed');
      if (this.sub === null) throw err;
    }
  }

  /** Readiness: Redis answers. */
  async ping(): Promise<void> {
    await this.pub.ping();
  }

  async close(): Promise<void> {
    this.current = null;
    this.sub?.disconnect();
    this.pub.disconnect();
  }
}

/** Delivers events within this process only (building the API document, single-process tools). */
export class LocalEventBus implements EventBus {
  readonly kind = 'postgres' as const;
  private handlers: ((e: RealtimeEvent) => void)[] = [];

  async publish(event: RealtimeEvent): Promise<void> {
    for (const h of this.handlers) h(event);
  }

  onEvent(handler: (e: RealtimeEvent) => void): void {
    this.handlers.push(handler);
  }

  /** Every event is this process's own: none is ever missed. */
  subscription(): number | null {
    return 0;
  }

  async ready(): Promise<void> {}

  async close(): Promise<void> {
    this.handlers = [];
  }
}
