import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAnalyticsQueue,
  MAX_BATCH,
  MAX_QUEUED,
  runAnalyticsQueue,
  type AnalyticsEvent,
  type AnalyticsTransport,
} from './analytics-queue';

const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const CLIENT_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const AT = new Date('2026-12-05T10:00:00.000Z');

interface Sent {
  events: AnalyticsEvent[];
  keepalive: boolean;
}

function fakeTransport(options: { signedIn?: boolean; beacon?: boolean | null } = {}) {
  const sent: Sent[] = [];
  const beacons: { url: string; body: Blob }[] = [];
  const transport: AnalyticsTransport = {
    send: async (batch, { keepalive }) => {
      sent.push({ events: batch.events, keepalive });
    },
    signedIn: () => options.signedIn ?? false,
    clientId: () => CLIENT_ID,
    now: () => AT,
  };
  if (options.beacon !== null) {
    transport.beacon = (url, body) => {
      beacons.push({ url, body });
      return options.beacon ?? true;
    };
  }
  return { transport, sent, beacons };
}

const impression = (feedPosition: number): AnalyticsEvent => ({
  type: 'feed_impression',
  storyId: STORY_ID,
  feedPosition,
});

/** jsdom's Blob has no text(): read it as a browser would with a FileReader. */
function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('unreadable blob'));
    reader.readAsText(blob);
  });
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

describe('the analytics queue', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] }));
  afterEach(() => {
    stop?.();
    stop = null;
    vi.useRealTimers();
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
  });

  it('batches events and sends them every few seconds through the typed client, stamped with the client time', async () => {
    const { transport, sent } = fakeTransport({ signedIn: true });
    const queue = createAnalyticsQueue(transport);
    stop = runAnalyticsQueue(queue, 5_000);
    queue.track(impression(0));
    queue.track({ type: 'play', storyId: STORY_ID, positionMs: 0 });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent).toEqual([
      {
        keepalive: false,
        events: [
          { ...impression(0), clientTime: AT.toISOString() },
          { type: 'play', storyId: STORY_ID, positionMs: 0, clientTime: AT.toISOString() },
        ],
      },
    ]);
    expect(queue.pending()).toBe(0);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(sent).toHaveLength(1); // nothing waiting, nothing sent
  });

  it('sends a signed-out viewer’s events by beacon when the page is hidden: a JSON Blob naming the client id', async () => {
    const { transport, sent, beacons } = fakeTransport();
    const queue = createAnalyticsQueue(transport);
    stop = runAnalyticsQueue(queue);
    queue.track(impression(3));
    setVisibility('hidden');
    expect(sent).toEqual([]);
    expect(beacons).toHaveLength(1);
    expect(beacons[0]!.url).toBe('/v1/analytics/events');
    expect(beacons[0]!.body.type).toBe('application/json');
    expect(JSON.parse(await blobText(beacons[0]!.body))).toEqual({
      clientId: CLIENT_ID,
      events: [{ ...impression(3), clientTime: AT.toISOString() }],
    });
    expect(queue.pending()).toBe(0);
  });

  it('sends on pagehide too, and nothing twice', async () => {
    const { transport, beacons } = fakeTransport();
    const queue = createAnalyticsQueue(transport);
    stop = runAnalyticsQueue(queue);
    queue.track(impression(1));
    window.dispatchEvent(new Event('pagehide'));
    setVisibility('hidden');
    expect(beacons).toHaveLength(1);
  });

  it('falls back to a keepalive request when the browser refuses the beacon or has none', () => {
    for (const beacon of [false, null] as const) {
      const { transport, sent } = fakeTransport({ beacon });
      const queue = createAnalyticsQueue(transport);
      queue.track(impression(0));
      queue.flushOnHide();
      expect(sent).toEqual([{ keepalive: true, events: [{ ...impression(0), clientTime: AT.toISOString() }] }]);
    }
  });

  it('sends a signed-in viewer’s events by keepalive request (a beacon could not carry the bearer token)', () => {
    const { transport, sent, beacons } = fakeTransport({ signedIn: true });
    const queue = createAnalyticsQueue(transport);
    queue.track({ type: 'like', storyId: STORY_ID });
    queue.flushOnHide();
    expect(beacons).toEqual([]);
    expect(sent).toEqual([
      { keepalive: true, events: [{ type: 'like', storyId: STORY_ID, clientTime: AT.toISOString() }] },
    ]);
  });

  it('splits a long queue into batches the server accepts and keeps only the newest events when offline', async () => {
    const { transport, sent } = fakeTransport({ signedIn: true });
    const queue = createAnalyticsQueue(transport);
    for (let i = 0; i < MAX_QUEUED + 10; i++) queue.track(impression(i));
    expect(queue.pending()).toBe(MAX_QUEUED);
    await queue.flush();
    expect(sent.map((s) => s.events.length)).toEqual(Array(MAX_QUEUED / MAX_BATCH).fill(MAX_BATCH));
    expect(sent[0]!.events[0]).toMatchObject({ feedPosition: 10 });
  });

  it('never throws at the app when a batch is refused', async () => {
    const { transport } = fakeTransport();
    transport.send = () => Promise.reject(new TypeError('offline'));
    const queue = createAnalyticsQueue(transport);
    queue.track(impression(0));
    await expect(queue.flush()).resolves.toBeUndefined();
    queue.track(impression(1));
    transport.beacon = undefined;
    expect(() => queue.flushOnHide()).not.toThrow();
  });
});
