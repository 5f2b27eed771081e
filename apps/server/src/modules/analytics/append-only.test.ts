import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import { recordAudit } from '../../platform/audit';
import type { Runtime } from '../../composition/runtime';
import { insertEvents } from './event-repo';
import { eventAt } from './test-support';

let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestServer();
  await insertEvents(runtime.ctx.db, [eventAt('2026-01-01T00:00:00Z', 'story_view', { userId: randomUUID() })]);
  await recordAudit(runtime.ctx.db, {
    actorId: randomUUID(),
    action: 'test.action',
    targetType: 'test',
    targetId: 'x',
  });
});
afterAll(async () => runtime.stop());

describe('append-only logs', () => {
  it.each([
    ['analytics.events', "update analytics.events set type = 'like'"],
    ['analytics.events', 'delete from analytics.events'],
    ['analytics.events', 'truncate analytics.events'],
    ['platform.audit_log', "update platform.audit_log set reason = 'rewritten'"],
    ['platform.audit_log', 'delete from platform.audit_log'],
    ['platform.audit_log', 'truncate platform.audit_log'],
  ])('%s refuses: %s', async (table, statement) => {
    await expect(runtime.ctx.pool.query(statement)).rejects.toThrow(/append-only/);
    const { rows } = await runtime.ctx.pool.query<{ n: number }>(`select count(*)::int as n from ${table}`);
    expect(rows[0]!.n).toBe(1);
  });

  it('still accepts new rows', async () => {
    await insertEvents(runtime.ctx.db, [eventAt('2026-01-02T00:00:00Z', 'play', { userId: randomUUID() })]);
    const { rows } = await runtime.ctx.pool.query<{ n: number }>('select count(*)::int as n from analytics.events');
    expect(rows[0]!.n).toBe(2);
  });
});
