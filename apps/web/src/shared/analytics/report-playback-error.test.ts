import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reportPlaybackError } from './report-playback-error';

const MEDIA_ID = '0b8e2a4c-6a43-4f7e-9d55-1f1f3c2b9a10';
const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';

describe('reportPlaybackError', () => {
  let sent: Request[];

  beforeEach(() => {
    sent = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        sent.push(request);
        return Promise.resolve(new Response(JSON.stringify({ accepted: 1, dropped: 0 }), { status: 202 }));
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('posts a playback_error with its cause, story, media and position, under a stable client id', async () => {
    await reportPlaybackError({
      failure: { cause: 'not_found', detail: 'fragLoadError' },
      storyId: STORY_ID,
      mediaId: MEDIA_ID,
      position: 2.345,
    });
    await reportPlaybackError({
      failure: { cause: 'network', detail: 'fragLoadTimeOut' },
      storyId: null,
      mediaId: MEDIA_ID,
      position: 0,
    });

    expect(sent).toHaveLength(2);
    const [first, second] = sent as [Request, Request];
    expect(first.method).toBe('POST');
    expect(new URL(first.url).pathname).toBe('/v1/analytics/events');
    const body = (await first.json()) as { events: Record<string, unknown>[] };
    expect(body.events).toEqual([
      {
        type: 'playback_error',
        cause: 'not_found',
        storyId: STORY_ID,
        mediaId: MEDIA_ID,
        positionMs: 2345,
        clientTime: body.events[0]?.clientTime,
      },
    ]);
    expect(typeof body.events[0]?.clientTime).toBe('string');
    const clientId = first.headers.get('x-client-id');
    expect(clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get('x-client-id')).toBe(clientId);
    const later = (await second.json()) as { events: Record<string, unknown>[] };
    expect(later.events[0]).not.toHaveProperty('storyId');
    expect(later.events[0]).toMatchObject({ type: 'playback_error', cause: 'network', mediaId: MEDIA_ID });
  });

  it('never throws at the player when the report cannot be sent', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('offline'))),
    );
    await expect(
      reportPlaybackError({ failure: { cause: 'media', detail: 'bufferAppendError' }, mediaId: MEDIA_ID, position: 1 }),
    ).resolves.toBeUndefined();
  });
});
