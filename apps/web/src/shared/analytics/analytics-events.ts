import type { Schemas } from '@vw/api-client';
import { callApi } from '../api/client';

export type AnalyticsEvent = Schemas['ClientAnalyticsEventInput'];

const CLIENT_ID_KEY = 'vw.analytics-client-id';

/**
 * The random id this browser reports under while signed out (the server stores a signed-in
 * viewer by account instead); made once and kept, so a viewer's events hang together.
 */
export function analyticsClientId(): string {
  try {
    const kept = localStorage.getItem(CLIENT_ID_KEY);
    if (kept) return kept;
    const made = crypto.randomUUID();
    localStorage.setItem(CLIENT_ID_KEY, made);
    return made;
  } catch {
    // Storage refused (private mode): an id for this page's life is still better than none.
    return crypto.randomUUID();
  }
}

/** Sends events to `POST /v1/analytics/events`; analytics never gets in a viewer's way, so a failure is dropped. */
export async function sendAnalyticsEvents(events: AnalyticsEvent[]): Promise<void> {
  if (events.length === 0) return;
  const clientTime = new Date().toISOString();
  await callApi<unknown>('POST', '/v1/analytics/events', {
    body: { events: events.map((event) => ({ clientTime, ...event })) },
    headers: { 'x-client-id': analyticsClientId() },
  }).catch(() => undefined);
}
