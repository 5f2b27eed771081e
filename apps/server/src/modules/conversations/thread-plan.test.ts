import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { threadPage } from './read-thread';
import { conversationListQuery, threadQuery } from './repo';
import { conversationsDepsOf } from './test-support';

let runtime: Runtime;
const buyer = randomUUID();
const maker = randomUUID();
let conversationId: string;

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function planOf(text: string, params: unknown[]): Promise<PlanNode[]> {
  const res = await runtime.ctx.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `explain (format json) ${text}`,
    params,
  );
  return nodesOf(res.rows[0]!['QUERY PLAN'][0].Plan);
}

beforeAll(async () => {
  runtime = await startTestServer();
  const { db } = runtime.ctx;
  // One conversation of 10,000 messages between a buyer and a maker, and 2,000 other conversations
  // of other users (2 messages each), so the planner sees realistic table sizes.
  const [pair] = [buyer, maker].sort();
  const other = pair === buyer ? maker : buyer;
  const created = await db.execute<{ id: string }>(sql`
    insert into conversations.conversations (subject_type, subject_id, story_id, user_a, user_b, created_at)
    values ('story', ${randomUUID()}, ${randomUUID()}, ${pair}, ${other}, now() - interval '30 days') returning id`);
  conversationId = created.rows[0]!.id;
  await db.execute(sql`
    insert into conversations.participants (conversation_id, user_id, other_user_id, last_activity_at)
    values (${conversationId}, ${buyer}, ${maker}, now()), (${conversationId}, ${maker}, ${buyer}, now())`);
  await db.execute(sql`
    insert into conversations.messages (conversation_id, sender_id, text, created_at)
    select ${conversationId}, case when i % 2 = 0 then ${buyer}::uuid else ${maker}::uuid end,
           'Message number ' || i, now() - ((10000 - i) || ' seconds')::interval
    from generate_series(1, 10000) as i`);
  await db.execute(sql`
    with made as (
      insert into conversations.conversations (subject_type, subject_id, story_id, user_a, user_b, created_at)
      select 'story', gen_random_uuid(), gen_random_uuid(), '00000000-0000-4000-8000-000000000000'::uuid,
             gen_random_uuid(), now() - (i || ' minutes')::interval
      from generate_series(1, 2000) as i returning id, user_a, user_b, created_at)
    , sides as (
      insert into conversations.participants (conversation_id, user_id, other_user_id, last_activity_at)
      select id, user_b, user_a, created_at from made
      union all select id, user_a, user_b, created_at from made returning conversation_id)
    insert into conversations.messages (conversation_id, sender_id, text, created_at)
    select id, user_b, 'Hello', created_at from made cross join generate_series(1, 2)`);
  await db.execute(sql`analyze conversations.conversations`);
  await db.execute(sql`analyze conversations.participants`);
  await db.execute(sql`analyze conversations.messages`);
}, 120_000);
afterAll(() => runtime?.stop());

describe('with 10,000 messages in a conversation', () => {
  it('reads each thread page from the thread index (no sort, no sequential scan), first and older pages', async () => {
    const older = { at: new Date(Date.now() - 5000_000), id: randomUUID() };
    for (const after of [null, older]) {
      for (const hidden of [null, maker]) {
        const { sql: text, params } = threadQuery(runtime.ctx.db, conversationId, hidden, after, 30).toSQL();
        const nodes = await planOf(text, params);
        const types = nodes.map((n) => n['Node Type']);
        expect(nodes.some((n) => n['Index Name'] === 'messages_thread_idx')).toBe(true);
        expect(types).not.toContain('Sort');
        expect(types).not.toContain('Seq Scan');
      }
    }
  });

  it('lists conversations from the activity index, each latest message from the thread index', async () => {
    const query = new PgDialect().sqlToQuery(conversationListQuery(buyer, null, 30));
    const nodes = await planOf(query.sql, query.params);
    const indexes = nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
    expect(indexes).toContain('participants_user_activity_idx');
    expect(indexes).toContain('messages_thread_idx');
    expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).not.toContain('messages');
    expect(nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name'])).not.toContain(
      'participants',
    );
  });

  it('pages back through older messages quickly and without repeats', async () => {
    const deps = conversationsDepsOf(runtime);
    const ids = new Set<string>();
    let cursor: string | null = null;
    const started = performance.now();
    for (let page = 0; page < 5; page++) {
      const result = await threadPage(deps, conversationId, null, { cursor: cursor ?? undefined, limit: 50 });
      for (const m of result.items) ids.add(m.id);
      cursor = result.nextCursor;
    }
    const elapsed = performance.now() - started;
    expect(ids.size).toBe(250);
    console.log(`five 50-message pages of a 10,000-message thread: ${elapsed.toFixed(0)} ms`);
    expect(elapsed).toBeLessThan(5000);
  });
});
