import {
  parseControlMessage,
  parseLiveMessage,
  type RealtimeControlMessage,
  type ReceivedLiveMessage,
} from '@vw/domain';
import type { ServerClock } from '../time/server-clock';

/**
 * What the server sends: a published message `{type, channel, data, serverTime}` whose data
 * matches its type's schema (@vw/domain), or one of the connection's own answers (subscribed,
 * error with `code`, pong…). Anything else is logged and dropped, never passed on.
 */
export type RealtimeMessage = ReceivedLiveMessage | (RealtimeControlMessage & { data?: undefined });

/** Parses one frame from the server; null (and a console warning) when it is not a message we know. */
export function parseRealtimeMessage(text: string): RealtimeMessage | null {
  const value = parseJson(text);
  return value === undefined ? null : messageOf(value);
}

/**
 * The messages of one frame: one message, or (a connection that takes batches) an array of them,
 * in the order they were published; what is not a message we know is logged and left out.
 */
export function parseRealtimeFrame(text: string): RealtimeMessage[] {
  const value = parseJson(text);
  if (value === undefined) return [];
  const messages = (Array.isArray(value) ? value : [value]).map(messageOf);
  return messages.filter((m): m is RealtimeMessage => m !== null);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    console.warn('realtime: ignoring a frame that is not JSON');
    return undefined;
  }
}

function messageOf(value: unknown): RealtimeMessage | null {
  const message = parseLiveMessage(value) ?? parseControlMessage(value);
  if (message === null) {
    const type = typeof value === 'object' && value !== null && 'type' in value ? String(value.type) : undefined;
    console.warn('realtime: ignoring an unknown or malformed message', type);
  }
  return message;
}

/** Close codes of `/v1/realtime` (the server's `platform/realtime/close-codes.ts`). */
export const CLOSE = {
  tokenExpired: 4001,
  sessionEnded: 4002,
  accountSuspended: 4003,
  /** The app stopped reading (a backgrounded tab) and its backlog passed the server's limit. */
  slowConsumer: 4008,
  rateLimited: 4029,
} as const;

export type RealtimeStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';
export type RealtimeListener = (message: RealtimeMessage) => void;

export interface RealtimeOptions {
  url: string;
  /** A current access token (refreshed when needed), or null for an anonymous connection. */
  getToken: () => Promise<string | null>;
  /** Called when the server refuses the token, before authenticating again. */
  renewToken: () => Promise<unknown>;
  clock: ServerClock;
  createSocket?: (url: string) => WebSocket;
  random?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  pingIntervalMs?: number;
}

/**
 * One WebSocket for the whole app: channels are reference-counted, re-subscribed after every
 * reconnect, and reconnects back off exponentially with jitter (reset once a connection opens).
 * Every message's `serverTime` feeds the server clock; pings measure the round trip.
 */
export class RealtimeClient {
  private socket: WebSocket | null = null;
  private readonly channels = new Map<string, Set<RealtimeListener>>();
  private readonly statusListeners = new Set<(status: RealtimeStatus) => void>();
  private state: RealtimeStatus = 'idle';
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private pingSentAt: number | undefined;
  /** Subscriptions are sent only after the (async) authentication message, so they see the caller. */
  private ready = false;
  private generation = 0;
  /** Token refusals on this connection: a token the server keeps refusing is not retried forever. */
  private refusals = 0;
  /**
   * Set when the server ended the session or suspended the account: connect anonymously (public
   * channels only) until the session changes, so a dead token never loops through reconnects.
   */
  private anonymousOnly = false;

  constructor(private readonly options: RealtimeOptions) {}

  status(): RealtimeStatus {
    return this.state;
  }

  onStatus(listener: (status: RealtimeStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  /** Listens to a channel (`auction:<id>`, `user:<id>`); the returned function stops listening. */
  subscribe(channel: string, listener: RealtimeListener): () => void {
    let listeners = this.channels.get(channel);
    if (!listeners) {
      listeners = new Set();
      this.channels.set(channel, listeners);
      this.send({ type: 'subscribe', channel });
    }
    listeners.add(listener);
    this.ensureConnected();
    return () => {
      const set = this.channels.get(channel);
      if (!set) return;
      set.delete(listener);
      if (set.size === 0) {
        this.channels.delete(channel);
        this.send({ type: 'unsubscribe', channel });
      }
    };
  }

  /** The session changed: authenticate again (or reconnect anonymously after sign-out). */
  sessionChanged(signedIn: boolean): void {
    this.anonymousOnly = false;
    if (!this.socket) return;
    if (signedIn && this.state === 'open') void this.authenticate(this.generation);
    else this.restart();
  }

  /**
   * The access token was refreshed (same user): the connection is renewed with an `auth` message,
   * before the server closes it at the old token's expiry.
   */
  tokenRefreshed(): void {
    if (this.socket && this.state === 'open' && !this.anonymousOnly) void this.authenticate(this.generation);
  }

  /** Reconnects now if the connection is down (back online, tab visible again). */
  wake(): void {
    if (this.channels.size > 0 && this.state === 'reconnecting') {
      clearTimeout(this.reconnectTimer);
      this.connect();
    }
  }

  close(): void {
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    this.generation += 1;
    this.socket?.close(1000);
    this.socket = null;
    this.setState('idle');
  }

  private restart(): void {
    this.close();
    this.ensureConnected();
  }

  private ensureConnected(): void {
    if (!this.socket && this.state !== 'reconnecting') this.connect();
  }

  private connect(): void {
    const generation = ++this.generation;
    this.ready = false;
    this.setState('connecting');
    const socket = (this.options.createSocket ?? ((url) => new WebSocket(url)))(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      if (generation !== this.generation) return;
      this.attempt = 0;
      this.refusals = 0;
      this.setState('open');
      void this.authenticate(generation);
      clearInterval(this.pingTimer);
      this.pingTimer = setInterval(() => this.ping(), this.options.pingIntervalMs ?? 25_000);
    };
    socket.onmessage = (event: MessageEvent) => {
      if (generation === this.generation && typeof event.data === 'string') this.receive(event.data);
    };
    socket.onclose = (event: { code?: number }) => {
      if (generation !== this.generation) return;
      this.socket = null;
      this.ready = false;
      clearInterval(this.pingTimer);
      this.closedBy(event.code ?? 1006);
    };
    socket.onerror = () => {
      // The close event follows and schedules the reconnect.
    };
  }

  private async authenticate(generation: number): Promise<void> {
    let token: string | null = null;
    try {
      token = this.anonymousOnly ? null : await this.options.getToken();
    } catch {
      token = null;
    }
    if (generation !== this.generation || !this.socket) return;
    if (token) this.rawSend({ type: 'auth', token });
    if (!this.ready) {
      this.ready = true;
      for (const channel of this.channels.keys()) this.rawSend({ type: 'subscribe', channel });
    }
    this.ping();
  }

  /** What a close code asks of the client (`CLOSE`); anything else is a dropped connection. */
  private closedBy(code: number): void {
    if (code === CLOSE.tokenExpired && !this.anonymousOnly) {
      // Renew first, then reconnect at once with the fresh token.
      this.setState('reconnecting');
      const generation = this.generation;
      void this.options
        .renewToken()
        .catch(() => undefined)
        .then(() => {
          if (generation === this.generation && !this.socket && this.channels.size > 0) this.connect();
          else if (this.channels.size === 0) this.setState('idle');
        });
      return;
    }
    if (code === CLOSE.sessionEnded || code === CLOSE.accountSuspended) {
      this.anonymousOnly = true;
      // The renewal fails the same way, which signs the browser out.
      void this.options.renewToken().catch(() => undefined);
    }
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.channels.size === 0) {
      this.setState('idle');
      return;
    }
    const base = this.options.baseDelayMs ?? 500;
    const max = this.options.maxDelayMs ?? 30_000;
    const ceiling = Math.min(max, base * 2 ** this.attempt);
    const delay = ceiling / 2 + (this.options.random ?? Math.random)() * (ceiling / 2);
    this.attempt += 1;
    this.setState('reconnecting');
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private ping(): void {
    this.pingSentAt = Date.now();
    this.rawSend({ type: 'ping' });
  }

  private receive(text: string): void {
    for (const message of parseRealtimeFrame(text)) this.handle(message);
  }

  private handle(message: RealtimeMessage): void {
    if (message.serverTime) {
      const isPong = message.type === 'pong' && this.pingSentAt !== undefined;
      this.options.clock.sample(message.serverTime, Date.now(), isPong ? this.pingSentAt : undefined);
      if (isPong) this.pingSentAt = undefined;
    }
    if (message.type === 'error' && message.code === 'invalid_token') {
      this.refusals += 1;
      if (this.refusals > 2) return;
      const generation = this.generation;
      void this.options
        .renewToken()
        .catch(() => undefined)
        .then(() => this.authenticate(generation));
      return;
    }
    if (!message.channel) return;
    for (const listener of this.channels.get(message.channel) ?? []) listener(message);
  }

  private send(message: Record<string, unknown>): void {
    if (this.ready) this.rawSend(message);
  }

  private rawSend(message: Record<string, unknown>): void {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }

  private setState(state: RealtimeStatus): void {
    if (state === this.state) return;
    this.state = state;
    this.statusListeners.forEach((l) => l(state));
  }
}
