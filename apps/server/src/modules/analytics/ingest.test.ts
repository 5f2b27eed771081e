import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { publishedStory, signIn, signInMaker, startAuctionServer, type Api } from '../auctions/test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;
let viewer: Session;
let storyId: string;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer());
  maker = await signInMaker(api, 'ingest-maker');
  viewer = await signIn(api, 'ingest-viewer');
  storyId = await publishedStory(runtime, api, maker);
});
afterAll(async () => runtime.stop());

interface StoredEvent {
  type: string;
  source: string;
  user_id: string | null;
  anonymous_id: string | null;
  story_id: string | null;
  maker_id: string | null;
  position_ms: number | null;
  client_time: Date | null;
}

async function storedFor(where: string, value: string): Promise<StoredEvent[]> {
  const { rows } = await runtime.ctx.pool.query<StoredEvent>(
    `select type, source, user_id, anonymous_id, story_id, maker_id, position_ms, client_time
       from analytics.events where ${where} = $1 order by id`,
    [value],
  );
  return rows;
}

const send = (events: unknown[], options: { token?: string; clientId?: string } = {}) =>
  api.call<{ accepted: number; dropped: number; error?: { code: string } }>('POST', '/v1/analytics/events', {
    body: { events },
    ...(options.token ? { token: options.token } : {}),
    ...(options.clientId ? { headers: { 'x-client-id': options.clientId } } : {}),
  });

describe('POST /v1/analytics/events', () => {
  it('stores an anonymous batch under the client id, with the story’s maker, and answers 202', async () => {
    const clientId = randomUUID();
    const res = await send(
      [
        { type: 'feed_impression', storyId, feedPosition: 2 },
        { type: 'story_view', storyId, clientTime: '2026-01-01T10:00:00+02:00' },
        { type: 'play', storyId, mediaId: randomUUID(), positionMs: 0 },
        { type: 'watch_through', storyId, positionMs: 31_000, durationMs: 31_000 },
      ],
      { clientId },
    );
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 4, dropped: 0 });
    const rows = await storedFor('anonymous_id', clientId);
    expect(rows.map((r) => r.type)).toEqual(['feed_impression', 'story_view', 'play', 'watch_through']);
    for (const row of rows) {
      expect(row).toMatchObject({ source: 'client', user_id: null, story_id: storyId, maker_id: maker.userId });
    }
    expect(rows[1]!.client_time?.toISOString()).toBe('2026-01-01T08:00:00.000Z');
    expect(rows[3]!.position_ms).toBe(31_000);
  });

  it('stores a signed-in viewer by user id only (the client id is not linked to the account)', async () => {
    const clientId = randomUUID();
    const res = await send([{ type: 'like', storyId }], { token: viewer.accessToken, clientId });
    expect(res.status).toBe(202);
    expect(await storedFor('user_id', viewer.userId)).toEqual([
      expect.objectContaining({ type: 'like', user_id: viewer.userId, anonymous_id: null }),
    ]);
    expect(await storedFor('anonymous_id', clientId)).toEqual([]);
  });

  it('stores a playback failure with its cause, for the story or for a bare media item', async () => {
    const clientId = randomUUID();
    const mediaId = randomUUID();
    const res = await send(
      [
        { type: 'playback_error', storyId, mediaId, cause: 'not_found', positionMs: 1_500 },
        { type: 'playback_error', mediaId, cause: 'token_refused' },
      ],
      { clientId },
    );
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 2, dropped: 0 });
    const { rows } = await runtime.ctx.pool.query<{ type: string; cause: string; story_id: string | null }>(
      `select type, cause, story_id from analytics.events where anonymous_id = $1 order by id`,
      [clientId],
    );
    expect(rows).toEqual([
      { type: 'playback_error', cause: 'not_found', story_id: storyId },
      { type: 'playback_error', cause: 'token_refused', story_id: null },
    ]);
  });

  it('refuses a playback failure without a known cause, and a cause on any other event', async () => {
    const clientId = randomUUID();
    expect((await send([{ type: 'playback_error', storyId }], { clientId })).status).toBe(400);
    expect((await send([{ type: 'playback_error', storyId, cause: 'Error: boom' }], { clientId })).status).toBe(400);
    expect((await send([{ type: 'play', storyId, cause: 'network' }], { clientId })).status).toBe(400);
    expect(await storedFor('anonymous_id', clientId)).toEqual([]);
  });

  it('drops events about stories that do not exist, keeping the rest', async () => {
    const clientId = randomUUID();
    const res = await send(
      [
        { type: 'story_view', storyId: randomUUID() },
        { type: 'story_view', storyId },
      ],
      { clientId },
    );
    expect(res.body).toEqual({ accepted: 1, dropped: 1 });
    expect((await storedFor('anonymous_id', clientId)).map((r) => r.story_id)).toEqual([storyId]);
  });

  it('needs a UUID client id from anonymous callers', async () => {
    const missing = await send([{ type: 'story_view', storyId }]);
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe('client_id_required');
    const bad = await send([{ type: 'story_view', storyId }], { clientId: 'not-a-uuid-at-all' });
    expect(bad.status).toBe(400);
  });

  it.each([
    ['an email', { email: 'someone@example.com' }],
    ['an IP address', { ip: '203.0.113.9' }],
    ['a phone number', { phone: '+15555550100' }],
    ['a user agent', { userAgent: 'Mozilla/5.0' }],
    ['a name', { name: 'Ada Lovelace' }],
    ['a user id of its own choosing', { userId: randomUUID() }],
  ])('refuses the whole batch (400) when an event carries %s, storing nothing', async (_label, extra) => {
    const clientId = randomUUID();
    const res = await send(
      [
        { type: 'story_view', storyId },
        { type: 'play', storyId, ...extra },
      ],
      { clientId },
    );
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_failed');
    expect(await storedFor('anonymous_id', clientId)).toEqual([]);
  });

  it('refuses unknown top-level fields, server-only types, empty and oversized batches', async () => {
    const clientId = randomUUID();
    const extraTop = await api.call('POST', '/v1/analytics/events', {
      body: { events: [{ type: 'story_view', storyId }], email: 'x@example.com' },
      headers: { 'x-client-id': clientId },
    });
    expect(extraTop.status).toBe(400);
    expect((await send([{ type: 'bid', storyId }], { clientId })).status).toBe(400);
    expect((await send([{ type: 'play' }], { clientId })).status).toBe(400);
    expect((await send([], { clientId })).status).toBe(400);
    const tooMany = Array.from({ length: 101 }, () => ({ type: 'feed_impression', storyId }));
    expect((await send(tooMany, { clientId })).status).toBe(400);
    const justRight = await send(tooMany.slice(0, 100), { clientId });
    expect(justRight.body).toEqual({ accepted: 100, dropped: 0 });
  });

  it('has no column that could hold an address, an IP or a name', async () => {
    const { rows } = await runtime.ctx.pool.query<{ column_name: string }>(
      `select column_name from information_schema.columns where table_schema = 'analytics' and table_name = 'events'`,
    );
    const columns = rows.map((r) => r.column_name).sort();
    expect(columns).toEqual(
      [
        'amount_minor',
        'anonymous_id',
        'auction_id',
        'cause',
        'client_time',
        'currency',
        'duration_ms',
        'feed_position',
        'id',
        'maker_id',
        'media_id',
        'occurred_at',
        'position_ms',
        'source',
        'story_id',
        'type',
        'user_id',
      ].sort(),
    );
  });

  it('a bad token is a 401 even though sign-in is optional', async () => {
    const res = await api.call('POST', '/v1/analytics/events', {
      body: { events: [{ type: 'story_view', storyId }] },
      token: 'not-a-token',
    });
    expect(res.status).toBe(401);
  });
});
