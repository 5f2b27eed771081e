import type { paths, Schemas } from '@vw/api-client';

export type AnalyticsEvent = Schemas['ClientAnalyticsEventInput'];
type EventBatch = paths['/v1/analytics/events']['post']['requestBody']['content']['application/json'];

/** Where events go, typed by the client's paths so the beacon cannot drift from the route. */
export const ANALYTICS_EVENTS_PATH: keyof paths = '/v1/analytics/events';

/** The server takes at most 100 events a call; beacons and keepalive requests stay well under 64 KiB. */
export const MAX_BATCH = 50;
/** Events waiting beyond this (an offline viewer) are dropped, oldest first: analytics never grows without bound. */
export const MAX_QUEUED = 500;
export const FLUSH_INTERVAL_MS = 5_000;

export interface AnalyticsTransport {
  /** A batch through the typed client (bearer token, `X-Client-Id`); `keepalive` when the page is going away. */
  send(batch: EventBatch, options: { keepalive: boolean }): Promise<void>;
  /** `navigator.sendBeacon`, when the browser has it: false when it refused to queue the request. */
  beacon?: (url: string, body: Blob) => boolean;
  signedIn(): boolean;
  clientId(): string;
  now?: () => Date;
}

export interface AnalyticsQueue {
  track(event: AnalyticsEvent): void;
  /** Sends everything waiting now (the timer does this every few seconds). */
  flush(): Promise<void>;
  /** Sends everything waiting as the page goes away: a beacon when signed out, a keepalive request otherwise. */
  flushOnHide(): void;
  pending(): number;
}

/**
 * A small in-memory queue of client events (feed impressions, plays, watch-throughs, story views,
 * likes), sent in batches to `POST /v1/analytics/events`: every few seconds while the page is
 * open, and once more when it is hidden or left. Sending never throws at the app: a batch the
 * server or the network refuses is dropped, as analytics must never get in a viewer's way.
 *
 * On page hide a signed-out viewer's batch goes by `navigator.sendBeacon` (a Blob of type
 * `application/json`, the client id in the batch because a beacon cannot set headers), falling
 * back to a keepalive request; a signed-in viewer's goes by a keepalive request through the typed
 * client, which carries the bearer token a beacon could not.
 */
export function createAnalyticsQueue(transport: AnalyticsTransport): AnalyticsQueue {
  const now = transport.now ?? (() => new Date());
  let queue: AnalyticsEvent[] = [];

  const take = (): AnalyticsEvent[][] => {
    const batches: AnalyticsEvent[][] = [];
    for (let i = 0; i < queue.length; i += MAX_BATCH) batches.push(queue.slice(i, i + MAX_BATCH));
    queue = [];
    return batches;
  };

  const sendQuietly = (events: AnalyticsEvent[], keepalive: boolean) =>
    transport.send({ events }, { keepalive }).catch(() => undefined);

  return {
    track(event) {
      queue.push({ clientTime: now().toISOString(), ...event });
      if (queue.length > MAX_QUEUED) queue = queue.slice(queue.length - MAX_QUEUED);
    },
    async flush() {
      await Promise.all(take().map((events) => sendQuietly(events, false)));
    },
    flushOnHide() {
      for (const events of take()) {
        if (!transport.signedIn() && transport.beacon) {
          const batch: EventBatch = { events, clientId: transport.clientId() };
          const blob = new Blob([JSON.stringify(batch)], { type: 'application/json' });
          if (transport.beacon(ANALYTICS_EVENTS_PATH, blob)) continue;
        }
        void sendQuietly(events, true);
      }
    },
    pending: () => queue.length,
  };
}

/**
 * Runs a queue in the page: a flush every `intervalMs`, and a final one when the page is hidden
 * (`visibilitychange`) or left (`pagehide`). Returns the function that stops it.
 */
export function runAnalyticsQueue(queue: AnalyticsQueue, intervalMs = FLUSH_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    if (queue.pending() > 0) void queue.flush();
  }, intervalMs);
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') queue.flushOnHide();
  };
  const onPageHide = () => queue.flushOnHide();
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener('pagehide', onPageHide);
  return () => {
    clearInterval(timer);
    document.removeEventListener('visibilitychange', onVisibility);
    window.removeEventListener('pagehide', onPageHide);
  };
}
