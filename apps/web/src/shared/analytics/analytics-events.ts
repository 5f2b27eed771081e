import { api, sessionStore } from '../api/client';
import { clientId } from '../api/client-id';
import { createAnalyticsQueue, runAnalyticsQueue, type AnalyticsEvent, type AnalyticsQueue } from './analytics-queue';

export type { AnalyticsEvent } from './analytics-queue';

/** Sends events to `POST /v1/analytics/events` at once; analytics never gets in a viewer's way, so a failure is dropped. */
export async function sendAnalyticsEvents(events: AnalyticsEvent[]): Promise<void> {
  if (events.length === 0) return;
  const clientTime = new Date().toISOString();
  await api
    .POST('/v1/analytics/events', {
      params: { header: { 'x-client-id': clientId() } },
      body: { events: events.map((event) => ({ clientTime, ...event })) },
    })
    .catch(() => undefined);
}

let queue: AnalyticsQueue | null = null;

/** The page's queue, started on first use. */
function pageQueue(): AnalyticsQueue {
  if (queue) return queue;
  queue = createAnalyticsQueue({
    send: async (batch, { keepalive }) => {
      await api.POST('/v1/analytics/events', {
        params: { header: { 'x-client-id': clientId() } },
        body: batch,
        keepalive,
      });
    },
    beacon:
      typeof navigator !== 'undefined' && typeof navigator.sendBeacon === 'function'
        ? (url, body) => navigator.sendBeacon(url, body)
        : undefined,
    signedIn: () => sessionStore.get() !== null,
    clientId,
  });
  runAnalyticsQueue(queue);
  return queue;
}

/** Records what the viewer saw or did (feed impression, play, watch-through, story view, like), sent in batches. */
export function trackEvent(event: AnalyticsEvent): void {
  pageQueue().track(event);
}
