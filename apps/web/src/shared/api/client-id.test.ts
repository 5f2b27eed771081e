import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from './client';
import { clientId } from './client-id';

const STORY_ID = '5d1c7f0e-2b7b-4a53-8a41-3c0d3e1b2f44';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the client id (X-Client-Id)', () => {
  let sent: Request[];

  beforeEach(() => {
    sent = [];
    vi.stubGlobal(
      'fetch',
      vi.fn((request: Request) => {
        sent.push(request);
        return Promise.resolve(
          new Response(JSON.stringify({ counted: true, viewCount: 1 }), {
            status: 200,
            headers: { 'content-type': 'application/json' },
          }),
        );
      }),
    );
  });
  afterEach(() => vi.unstubAllGlobals());

  it('goes with every API request of a signed-out viewer, the same id every time', async () => {
    await api.POST('/v1/stories/{id}/views', { params: { path: { id: STORY_ID } }, body: {} });
    await api.GET('/v1/feed', {});
    await api.GET('/v1/stories/{id}', { params: { path: { id: STORY_ID } } });

    expect(sent).toHaveLength(3);
    const ids = sent.map((r) => r.headers.get('x-client-id'));
    expect(ids[0]).toMatch(UUID);
    expect(new Set(ids).size).toBe(1);
    expect(sent[0]!.headers.get('authorization')).toBeNull();
  });

  it('is kept in localStorage, so the next visit reports under the same id', () => {
    const first = clientId();
    expect(first).toMatch(UUID);
    expect(Object.values({ ...localStorage })).toContain(first);
    expect(clientId()).toBe(first);
  });

  it('is a version 4 UUID even where crypto.randomUUID is missing (a page not served over HTTPS)', () => {
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      localStorage.clear();
      expect(clientId()).toMatch(UUID);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
  });

  it('replaces a kept value that is not a UUID (the server would refuse it)', () => {
    localStorage.setItem('vw.analytics-client-id', 'garbage');
    expect(clientId()).toMatch(UUID);
  });
});
