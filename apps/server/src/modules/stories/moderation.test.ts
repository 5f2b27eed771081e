import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { apiClient, type Session } from '../../../test/client';
import type { Runtime } from '../../composition/runtime';
import type { StoryEvent } from './index';
import type { StoryView } from './schemas';
import { createPublished, email, type Api } from './test-support';

let runtime: Runtime;
let api: Api;
let maker: Session;
let reporter: Session;
let admin: Session;
const adminEmail = email('admin');
const events: StoryEvent[] = [];

type Report = { id: string; targetType: string; targetId: string; reason: string; status: string };
type ErrorAnswer = { error: { code: string } };

beforeAll(async () => {
  runtime = await startTestServer({ env: { ADMIN_EMAILS: adminEmail } });
  api = apiClient(runtime);
  maker = await api.signInMaker(email('maker'), 'Ada Clay');
  reporter = await api.signIn(email('reporter'));
  admin = await api.signInAdmin(adminEmail);
  runtime.modules.stories.onEvent(async (_tx, event) => {
    events.push(event);
  });
}, 60_000);
afterAll(() => runtime?.stop());

async function auditOf(targetId: string) {
  const res = await runtime.ctx.db.execute<{ actor_id: string; action: string; reason: string | null }>(
    sql`select actor_id, action, reason from platform.audit_log where target_id = ${targetId} order by created_at`,
  );
  return res.rows;
}

describe('POST /v1/reports', () => {
  it('files a report on a story (201); the same report again answers the open one (200)', async () => {
    const story = await createPublished(runtime, api, maker);
    const body = { targetType: 'story', targetId: story.id, reason: 'Looks mass-produced' };
    const first = await api.call<Report>('POST', '/v1/reports', { token: reporter.accessToken, body });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...body, status: 'open' });
    const again = await api.call<Report>('POST', '/v1/reports', {
      token: reporter.accessToken,
      body: { ...body, reason: 'Still' },
    });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const queue = await runtime.modules.stories.listReports({ status: 'open' });
    expect(queue.items.filter((r) => r.targetId === story.id)).toHaveLength(1);
  }, 60_000);

  it('files a report on a user', async () => {
    const res = await api.call<Report>('POST', '/v1/reports', {
      token: reporter.accessToken,
      body: { targetType: 'user', targetId: maker.userId, reason: 'Spam messages' },
    });
    expect(res.status).toBe(201);
  });

  it('needs a signed-in caller, an existing target and a reason', async () => {
    const story = await createPublished(runtime, api, maker);
    const post = (body: Record<string, unknown>, token: string | null = reporter.accessToken) =>
      api.call<ErrorAnswer>('POST', '/v1/reports', { ...(token ? { token } : {}), body });
    expect((await post({ targetType: 'story', targetId: story.id, reason: 'x' }, null)).status).toBe(401);
    expect((await post({ targetType: 'story', targetId: randomUUID(), reason: 'x' })).status).toBe(404);
    expect((await post({ targetType: 'user', targetId: randomUUID(), reason: 'x' })).status).toBe(404);
    expect((await post({ targetType: 'story', targetId: story.id, reason: '  ' })).status).toBe(400);
    expect((await post({ targetType: 'comment', targetId: story.id, reason: 'x' })).status).toBe(400);
    expect((await post({ targetType: 'user', targetId: reporter.userId, reason: 'x' })).body.error.code).toBe(
      'cannot_report_self',
    );
    const draft = await api.call<StoryView>('POST', '/v1/stories', {
      token: maker.accessToken,
      body: { title: 'Hidden' },
    });
    expect((await post({ targetType: 'story', targetId: draft.body.id, reason: 'x' })).status).toBe(404);
  }, 60_000);
});

describe('moderation', () => {
  it('lets an admin resolve a report once (audited, event emitted); a new report may follow', async () => {
    const story = await createPublished(runtime, api, maker);
    const body = { targetType: 'story', targetId: story.id, reason: 'Stolen photos' };
    const filed = await api.call<Report>('POST', '/v1/reports', { token: reporter.accessToken, body });
    const stories = runtime.modules.stories;
    const resolved = await stories.resolveReport({
      adminId: admin.userId,
      reportId: filed.body.id,
      outcome: 'dismissed',
      note: 'Own photos',
    });
    expect(resolved).toMatchObject({ status: 'dismissed', resolvedBy: admin.userId, reporterId: reporter.userId });
    await expect(
      stories.resolveReport({ adminId: admin.userId, reportId: filed.body.id, outcome: 'actioned' }),
    ).rejects.toMatchObject({
      code: 'report_already_resolved',
    });
    await expect(
      stories.resolveReport({ adminId: admin.userId, reportId: randomUUID(), outcome: 'actioned' }),
    ).rejects.toMatchObject({
      code: 'report_not_found',
    });
    expect(await auditOf(filed.body.id)).toEqual([
      { actor_id: admin.userId, action: 'report.dismissed', reason: 'Own photos' },
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'report.resolved', reportId: filed.body.id, outcome: 'dismissed' }),
    );
    const again = await api.call<Report>('POST', '/v1/reports', { token: reporter.accessToken, body });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(filed.body.id);
  }, 60_000);

  it('pages through the queue newest first and filters it', async () => {
    const all = await runtime.modules.stories.listReports({ limit: 2 });
    expect(all.items).toHaveLength(2);
    const rest = await runtime.modules.stories.listReports({ limit: 100, cursor: all.nextCursor! });
    const ids = [...all.items, ...rest.items].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const users = await runtime.modules.stories.listReports({ targetType: 'user' });
    expect(users.items.every((r) => r.targetType === 'user')).toBe(true);
    expect(users.items.length).toBeGreaterThan(0);
  });

  it('lets an admin take a story down: audited, out of the feed, the maker cannot republish', async () => {
    const story = await createPublished(runtime, api, maker);
    const url = `/v1/admin/stories/${story.id}/unpublish`;
    expect((await api.call('POST', url, { token: maker.accessToken, body: {} })).status).toBe(403);
    const res = await api.call<StoryView>('POST', url, { token: admin.accessToken, body: { reason: 'Counterfeit' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'archived', moderated: true });
    expect(await auditOf(story.id)).toEqual([
      { actor_id: admin.userId, action: 'story.unpublish', reason: 'Counterfeit' },
    ]);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'story.unpublished_by_admin',
        storyId: story.id,
        makerId: maker.userId,
        reason: 'Counterfeit',
      }),
    );
    expect((await api.call('GET', `/v1/stories/${story.id}`)).status).toBe(404);
    const feed = await api.call<{ items: { id: string }[] }>('GET', '/v1/feed?limit=50');
    expect(feed.body.items.map((s) => s.id)).not.toContain(story.id);
    const republish = await api.call<ErrorAnswer>('POST', `/v1/stories/${story.id}/publish`, {
      token: maker.accessToken,
    });
    expect(republish.status).toBe(403);
    expect(republish.body.error.code).toBe('story_moderated');

    // Repeating it is a no-op: no second audit entry, no second event.
    const count = events.length;
    expect((await api.call('POST', url, { token: admin.accessToken, body: {} })).status).toBe(200);
    expect(await auditOf(story.id)).toHaveLength(1);
    expect(events).toHaveLength(count);
    expect(
      (await api.call('POST', `/v1/admin/stories/${randomUUID()}/unpublish`, { token: admin.accessToken, body: {} }))
        .status,
    ).toBe(404);
  }, 60_000);
});
