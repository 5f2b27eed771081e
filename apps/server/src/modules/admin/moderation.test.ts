import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import { publishedStory, signIn, signInMaker, startAuctionServer, type Api } from '../auctions/test-support';
import type { ModerationReportView } from './schemas';

let runtime: Runtime;
let api: Api;
let admin: Session;
let maker: Session;
let reporter: Session;
let storyId: string;

beforeAll(async () => {
  ({ runtime, api } = await startAuctionServer({ env: { ADMIN_EMAILS: 'mod-admin@example.com' } }));
  admin = await api.signInAdmin('mod-admin@example.com', { remoteAddress: '10.97.0.1' });
  maker = await signInMaker(api, 'mod-maker');
  reporter = await signIn(api, 'mod-reporter');
  storyId = await publishedStory(runtime, api, maker);
});
afterAll(async () => runtime.stop());

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
interface NotificationView {
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

async function report(who: Session, targetType: 'story' | 'user', targetId: string): Promise<string> {
  const res = await api.call<{ id: string }>('POST', '/v1/reports', {
    token: who.accessToken,
    body: { targetType, targetId, reason: 'Please look at this' },
  });
  expect(res.status).toBe(201);
  return res.body.id;
}

const moderationNotices = async (who: Session) =>
  (await api.call<Page<NotificationView>>('GET', '/v1/notifications', { token: who.accessToken })).body.items.filter(
    (n) => n.kind === 'moderation_outcome',
  );

const resolve = (reportId: string, outcome: 'dismissed' | 'actioned', note?: string) =>
  api.call<ModerationReportView & { error?: { code: string } }>('POST', `/v1/admin/reports/${reportId}/resolve`, {
    token: admin.accessToken,
    body: { outcome, ...(note ? { note } : {}) },
  });

describe('the moderation queue', () => {
  it('lists reports newest first with the target’s label, filtered by status and target type, in pages', async () => {
    const storyReport = await report(reporter, 'story', storyId);
    const userReport = await report(reporter, 'user', maker.userId);

    const stories = await api.call<Page<ModerationReportView>>(
      'GET',
      '/v1/admin/reports?status=open&targetType=story',
      {
        token: admin.accessToken,
      },
    );
    expect(stories.status).toBe(200);
    expect(stories.body.items.map((r) => r.id)).toEqual([storyReport]);
    expect(stories.body.items[0]).toMatchObject({
      targetType: 'story',
      targetId: storyId,
      targetLabel: 'A walnut bowl',
      reporterId: reporter.userId,
      status: 'open',
    });

    const users = await api.call<Page<ModerationReportView>>('GET', '/v1/admin/reports?targetType=user', {
      token: admin.accessToken,
    });
    expect(users.body.items).toEqual([expect.objectContaining({ id: userReport, targetLabel: 'Maker mod-maker' })]);

    const first = await api.call<Page<ModerationReportView>>('GET', '/v1/admin/reports?limit=1', {
      token: admin.accessToken,
    });
    expect(first.body.items.map((r) => r.id)).toEqual([userReport]);
    const second = await api.call<Page<ModerationReportView>>(
      'GET',
      `/v1/admin/reports?limit=1&cursor=${encodeURIComponent(first.body.nextCursor!)}`,
      { token: admin.accessToken },
    );
    expect(second.body.items.map((r) => r.id)).toEqual([storyReport]);

    await resolve(userReport, 'dismissed');
    const open = await api.call<Page<ModerationReportView>>('GET', '/v1/admin/reports?status=open', {
      token: admin.accessToken,
    });
    expect(open.body.items.map((r) => r.id)).toEqual([storyReport]);
  });

  it('a dismissed report is told to the reporter only', async () => {
    const other = await signIn(api, 'mod-reporter-2');
    const reportId = await report(other, 'story', storyId);
    const makerBefore = (await moderationNotices(maker)).length;
    const res = await resolve(reportId, 'dismissed', 'Handmade indeed');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: reportId,
      status: 'dismissed',
      resolvedBy: admin.userId,
      resolutionNote: 'Handmade indeed',
    });
    expect(await moderationNotices(other)).toEqual([
      expect.objectContaining({
        title: 'Your report was reviewed',
        data: expect.objectContaining({ reportId, outcome: 'dismissed' }) as unknown,
      }),
    ]);
    expect(await moderationNotices(maker)).toHaveLength(makerBefore);
  });

  it('an actioned report is told to the reporter and to the maker; resolving twice is a 409', async () => {
    const other = await signIn(api, 'mod-reporter-3');
    const reportId = await report(other, 'story', storyId);
    const makerBefore = (await moderationNotices(maker)).length;
    expect((await resolve(reportId, 'actioned', 'Misleading photos')).status).toBe(200);
    expect(await moderationNotices(other)).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ reportId, outcome: 'actioned' }) as unknown }),
    ]);
    const makerNotices = await moderationNotices(maker);
    expect(makerNotices).toHaveLength(makerBefore + 1);
    expect(makerNotices[0]).toMatchObject({ title: 'A report on "A walnut bowl" was upheld', data: { reportId } });

    const again = await resolve(reportId, 'dismissed');
    expect(again.status).toBe(409);
    expect(again.body.error?.code).toBe('report_already_resolved');
    expect(await moderationNotices(other)).toHaveLength(1);
  });

  it('archiving a story takes it down once: the maker is told, a repeat changes nothing', async () => {
    const target = await publishedStory(runtime, api, maker);
    const makerBefore = (await moderationNotices(maker)).length;
    const first = await api.call('POST', `/v1/admin/stories/${target}/archive`, {
      token: admin.accessToken,
      body: { reason: 'Counterfeit' },
    });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ storyId: target, status: 'archived', moderated: true, changed: true });
    const notices = await moderationNotices(maker);
    expect(notices).toHaveLength(makerBefore + 1);
    expect(notices[0]).toMatchObject({
      title: 'Your story was taken down',
      data: { storyId: target, reason: 'Counterfeit' },
    });

    const again = await api.call('POST', `/v1/admin/stories/${target}/archive`, { token: admin.accessToken, body: {} });
    expect(again.body).toMatchObject({ changed: false, status: 'archived' });
    expect(await moderationNotices(maker)).toHaveLength(makerBefore + 1);
    const audit = await api.call<Page<{ action: string }>>('GET', `/v1/admin/audit-log?targetId=${target}`, {
      token: admin.accessToken,
    });
    expect(audit.body.items.map((e) => e.action)).toEqual(['story.archive']);

    expect((await api.call('GET', `/v1/stories/${target}`)).status).toBe(404);
    const missing = await api.call('POST', '/v1/admin/stories/00000000-0000-4000-8000-000000000000/archive', {
      token: admin.accessToken,
      body: {},
    });
    expect(missing.status).toBe(404);
  });
});

describe('GET /v1/admin/audit-log', () => {
  it('filters by actor, target and time, newest first, in keyset pages', async () => {
    const all = await api.call<Page<{ id: string; actorId: string; createdAt: string; action: string }>>(
      'GET',
      `/v1/admin/audit-log?actorId=${admin.userId}`,
      { token: admin.accessToken },
    );
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBeGreaterThanOrEqual(4);
    expect(all.body.items.every((e) => e.actorId === admin.userId)).toBe(true);
    const times = all.body.items.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Page<{ id: string }> } = await api.call<Page<{ id: string }>>(
        'GET',
        `/v1/admin/audit-log?actorId=${admin.userId}&limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        { token: admin.accessToken },
      );
      seen.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.body.items.map((e) => e.id));

    const future = await api.call<Page<unknown>>(
      'GET',
      `/v1/admin/audit-log?from=${encodeURIComponent('2999-01-01T00:00:00Z')}`,
      {
        token: admin.accessToken,
      },
    );
    expect(future.body.items).toEqual([]);
    const past = await api.call<Page<unknown>>(
      'GET',
      `/v1/admin/audit-log?to=${encodeURIComponent('2000-01-01T00:00:00Z')}`,
      {
        token: admin.accessToken,
      },
    );
    expect(past.body.items).toEqual([]);
    const bad = await api.call('GET', '/v1/admin/audit-log?cursor=garbage', { token: admin.accessToken });
    expect(bad.status).toBe(400);
  });
});
