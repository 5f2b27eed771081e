import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient, type Session } from '../../../test/client';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { insertEvents } from './event-repo';
import { exportEventLines } from './export-events';
import { exportedEvent } from './schemas';
import { eventAt } from './test-support';

let runtime: Runtime;
let api: ReturnType<typeof apiClient>;
let admin: Session;
let viewer: Session;
const storyId = randomUUID();
const makerId = randomUUID();

// 2 500 events inside the range (more than two export pages), many sharing one instant.
const inside = 2_500;

beforeAll(async () => {
  runtime = await startTestServer({ env: { ADMIN_EMAILS: 'export-admin@example.com' } });
  api = apiClient(runtime);
  admin = await api.signInAdmin('export-admin@example.com');
  viewer = await api.signIn('export-viewer@example.com');
  const rows = Array.from({ length: inside }, (_, i) =>
    eventAt(new Date(Date.UTC(2026, 1, 1, 0, 0, Math.floor(i / 500))).toISOString(), 'story_view', {
      storyId,
      makerId,
      anonymousId: randomUUID(),
    }),
  );
  rows.push(eventAt('2026-01-31T23:59:59.999Z', 'play', { storyId, makerId, userId: randomUUID() }));
  rows.push(eventAt('2026-02-02T00:00:00.000Z', 'play', { storyId, makerId, userId: randomUUID() }));
  rows.push(
    eventAt('2026-02-01T12:00:00.000Z', 'payment', {
      storyId,
      makerId,
      userId: viewer.userId,
      amountMinor: 4_200,
      currency: 'USD',
    }),
  );
  await insertEvents(runtime.ctx.db, rows);
});
afterAll(async () => runtime.stop());

const exportUrl = (from: string, to: string) =>
  `/v1/admin/analytics/export?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** The raw answer (the test client would try to parse NDJSON as one JSON document). */
async function download(url: string, token: string) {
  const res = await runtime.app!.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return { status: res.statusCode, headers: res.headers, body: res.body };
}

describe('GET /v1/admin/analytics/export', () => {
  it('streams every event of [from, to) as valid NDJSON lines, oldest first, and audits the export', async () => {
    const res = await download(exportUrl('2026-02-01', '2026-02-02T00:00:00Z'), admin.accessToken);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^application\/x-ndjson/);
    const text = res.body;
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(inside + 1);
    const events = lines.map((line) => exportedEvent.parse(JSON.parse(line)));
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    for (const e of events) {
      expect(e.occurredAt >= '2026-02-01T00:00:00.000Z' && e.occurredAt < '2026-02-02T00:00:00.000Z').toBe(true);
    }
    const order = events.map((e) => `${e.occurredAt}|${String(e.id).padStart(12, '0')}`);
    expect(order).toEqual([...order].sort());
    expect(events.find((e) => e.type === 'payment')).toMatchObject({
      amountMinor: 4_200,
      currency: 'USD',
      source: 'server',
    });

    const audit = await runtime.ctx.pool.query<{ action: string; actor_id: string; target_id: string }>(
      `select action, actor_id, target_id from platform.audit_log where action = 'analytics.export'`,
    );
    expect(audit.rows).toEqual([
      {
        action: 'analytics.export',
        actor_id: admin.userId,
        target_id: '2026-02-01T00:00:00.000Z/2026-02-02T00:00:00.000Z',
      },
    ]);
  });

  it('includes `from` and excludes `to` to the millisecond', async () => {
    const res = await download(exportUrl('2026-01-31T23:59:59.999Z', '2026-02-01T00:00:00.000Z'), admin.accessToken);
    const lines = res.body.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ type: 'play', occurredAt: '2026-01-31T23:59:59.999Z' });
    const empty = await download(exportUrl('2030-01-01', '2030-01-02'), admin.accessToken);
    expect(empty.status).toBe(200);
    expect(empty.body).toBe('');
  });

  it('pages through the range with a keyset cursor, never holding more than a page', async () => {
    const chunks: string[] = [];
    const range = { start: new Date('2026-02-01T00:00:00Z'), end: new Date('2026-02-03T00:00:00Z') };
    for await (const chunk of exportEventLines(runtime.ctx.db, range, 300)) chunks.push(chunk);
    expect(chunks.length).toBe(Math.ceil((inside + 2) / 300));
    for (const chunk of chunks) expect(chunk.split('\n').length - 1).toBeLessThanOrEqual(300);
    const ids = chunks
      .join('')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { id: number }).id);
    expect(ids).toHaveLength(inside + 2);
    expect(new Set(ids).size).toBe(inside + 2);
  });

  it('refuses a range that ends before it starts, and anyone but an admin', async () => {
    const backwards = await api.call('GET', exportUrl('2026-02-02', '2026-02-01'), { token: admin.accessToken });
    expect(backwards.status).toBe(400);
    const garbage = await api.call('GET', exportUrl('yesterday', 'today'), { token: admin.accessToken });
    expect(garbage.status).toBe(400);
    expect((await api.call('GET', exportUrl('2026-02-01', '2026-02-02'), { token: viewer.accessToken })).status).toBe(
      403,
    );
    expect((await api.call('GET', exportUrl('2026-02-01', '2026-02-02'))).status).toBe(401);
  });
});
