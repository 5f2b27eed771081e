import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../platform/clock';
import type { Runtime } from '../../composition/runtime';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import { notificationKinds, optionalChannels } from './kinds';
import { notifyCommitted } from './test-support';

interface Page {
  items: { id: string; title: string; createdAt: string; readAt: string | null }[];
  nextCursor: string | null;
}

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let ann: Session;
let bob: Session;
const clock = new ManualClock(Date.now());
const annIds: string[] = []; // oldest first

beforeAll(async () => {
  runtime = await startTestServer({ clock });
  api = apiClient(runtime);
  ann = await api.signIn('ann.inbox@example.com');
  bob = await api.signIn('bob.inbox@example.com');
  // 25 notifications; some share a timestamp, so the keyset must break ties by id.
  for (let i = 0; i < 25; i++) {
    if (i % 3 === 0) clock.advance(1000);
    annIds.push(
      await notifyCommitted(runtime, { userId: ann.userId, kind: 'bid_placed', title: `Bid ${i}`, body: `#${i}` }),
    );
  }
});
afterAll(async () => runtime?.stop());

describe('notification centre', () => {
  it('pages through my notifications newest first, each exactly once', async () => {
    const seen: Page['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: Page } = await api.call<Page>(
        'GET',
        `/v1/notifications?limit=10${cursor ? `&cursor=${cursor}` : ''}`,
        { token: ann.accessToken },
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    // Newest first; within one timestamp (three notifications share each), by id descending.
    const expected = annIds
      .map((id, i) => ({ id, at: Math.floor(i / 3) }))
      .sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1))
      .map((n) => n.id);
    expect(seen.map((n) => n.id)).toEqual(expected);
    const first = await api.call<Page>('GET', '/v1/notifications', { token: ann.accessToken });
    expect(first.body.items).toHaveLength(20);
    expect(first.body.items[0]!.createdAt).toBe(seen[0]!.createdAt);
  });

  it('rejects a forged cursor and out-of-range limits', async () => {
    expect((await api.call('GET', '/v1/notifications?cursor=bm9wZQ', { token: ann.accessToken })).body).toMatchObject({
      error: { code: 'invalid_cursor' },
    });
    expect((await api.call('GET', '/v1/notifications?limit=51', { token: ann.accessToken })).status).toBe(400);
    expect((await api.call('GET', '/v1/notifications?limit=0', { token: ann.accessToken })).status).toBe(400);
  });

  it("shows nobody else's notifications and lets nobody else mark them (404)", async () => {
    const bobs = await api.call<Page>('GET', '/v1/notifications', { token: bob.accessToken });
    expect(bobs.body.items).toEqual([]);
    const target = annIds[0]!;
    const res = await api.call('POST', `/v1/notifications/${target}/read`, { token: bob.accessToken });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ error: { code: 'notification_not_found' } });
    await api.call('POST', '/v1/notifications/read-all', { token: bob.accessToken });
    const annCount = await api.call<{ unreadCount: number }>('GET', '/v1/notifications/unread-count', {
      token: ann.accessToken,
    });
    expect(annCount.body.unreadCount).toBe(25);
    expect((await api.call('POST', `/v1/notifications/not-a-uuid/read`, { token: ann.accessToken })).status).toBe(400);
    expect((await api.call('GET', '/v1/notifications')).status).toBe(401);
    expect((await api.call('GET', '/v1/notifications/unread-count')).status).toBe(401);
  });

  it('marks one read (once: the first read time stays), then all', async () => {
    const id = annIds[3]!;
    const first = await api.call<{ notification: { readAt: string }; unreadCount: number }>(
      'POST',
      `/v1/notifications/${id}/read`,
      {
        token: ann.accessToken,
      },
    );
    expect(first.status).toBe(200);
    expect(first.body.unreadCount).toBe(24);
    expect(first.body.notification.readAt).toBe(clock.now().toISOString());
    clock.advance(5000);
    const again = await api.call<{ notification: { readAt: string }; unreadCount: number }>(
      'POST',
      `/v1/notifications/${id}/read`,
      {
        token: ann.accessToken,
      },
    );
    expect(again.body).toMatchObject({ unreadCount: 24, notification: { readAt: first.body.notification.readAt } });

    const all = await api.call<{ marked: number; unreadCount: number }>('POST', '/v1/notifications/read-all', {
      token: ann.accessToken,
    });
    expect(all.body).toEqual({ marked: 24, unreadCount: 0 });
    const count = await api.call<{ unreadCount: number }>('GET', '/v1/notifications/unread-count', {
      token: ann.accessToken,
    });
    expect(count.body.unreadCount).toBe(0);
  });
});

describe('preferences', () => {
  interface Prefs {
    items: { kind: string; channel: string; enabled: boolean; isDefault: boolean }[];
  }
  const entry = (p: Prefs, kind: string, channel: string) =>
    p.items.find((e) => e.kind === kind && e.channel === channel);

  it('lists every kind on every switchable channel with the defaults', async () => {
    const res = await api.call<Prefs>('GET', '/v1/notifications/preferences', { token: bob.accessToken });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(notificationKinds.length * optionalChannels.length);
    expect(entry(res.body, 'won', 'email')).toEqual({ kind: 'won', channel: 'email', enabled: true, isDefault: true });
    expect(entry(res.body, 'outbid', 'sms')).toMatchObject({ enabled: false, isDefault: true });
  });

  it('changes only what is given, per user', async () => {
    const put = await api.call<Prefs>('PUT', '/v1/notifications/preferences', {
      token: bob.accessToken,
      body: {
        items: [
          { kind: 'won', channel: 'email', enabled: false },
          { kind: 'outbid', channel: 'sms', enabled: true },
        ],
      },
    });
    expect(put.status).toBe(200);
    expect(entry(put.body, 'won', 'email')).toMatchObject({ enabled: false, isDefault: false });
    expect(entry(put.body, 'outbid', 'sms')).toMatchObject({ enabled: true, isDefault: false });
    expect(entry(put.body, 'shipped', 'email')).toMatchObject({ enabled: true, isDefault: true });
    const anns = await api.call<Prefs>('GET', '/v1/notifications/preferences', { token: ann.accessToken });
    expect(entry(anns.body, 'won', 'email')).toMatchObject({ enabled: true });
    const back = await api.call<Prefs>('PUT', '/v1/notifications/preferences', {
      token: bob.accessToken,
      body: { items: [{ kind: 'won', channel: 'email', enabled: true }] },
    });
    expect(entry(back.body, 'won', 'email')).toMatchObject({ enabled: true, isDefault: true });
  });

  it('in-app cannot be switched off and unknown kinds are refused', async () => {
    const put = (items: unknown) =>
      api.call('PUT', '/v1/notifications/preferences', { token: bob.accessToken, body: { items } });
    expect((await put([{ kind: 'won', channel: 'in_app', enabled: false }])).status).toBe(400);
    expect((await put([{ kind: 'party', channel: 'email', enabled: false }])).status).toBe(400);
    expect((await put([])).status).toBe(400);
  });
});

describe('mobile push tokens', () => {
  it('registers a device token and forgets it again', async () => {
    const token = 'fcm-token-0123456789';
    const res = await api.call<{ platform: string }>('POST', '/v1/notifications/mobile-push/tokens', {
      token: bob.accessToken,
      body: { platform: 'android', token },
    });
    expect(res.status).toBe(201);
    expect(res.body.platform).toBe('android');
    expect(
      (
        await api.call('POST', '/v1/notifications/mobile-push/tokens', {
          token: bob.accessToken,
          body: { platform: 'web', token },
        })
      ).status,
    ).toBe(400);
    const del = await api.call('DELETE', '/v1/notifications/mobile-push/tokens', {
      token: bob.accessToken,
      body: { token },
    });
    expect(del.status).toBe(204);
  });
});
