import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { STORY_CATEGORIES } from '@vw/domain';
import { feedQuery, viewerStandingQuery } from './story-repo';

let runtime: Runtime;
let makers: string[];

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

async function planOf(query: { toSQL(): { sql: string; params: unknown[] } }): Promise<PlanNode[]> {
  const { sql: text, params } = query.toSQL();
  const res = await runtime.ctx.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `explain (format json) ${text}`,
    params,
  );
  return nodesOf(res.rows[0]!['QUERY PLAN'][0].Plan);
}

beforeAll(async () => {
  runtime = await startTestServer();
  // 6,000 stories from 40 makers: most published over the last few days, the rest drafts or archived;
  // 'paper' is rare (1 in 100), the other categories share the rest.
  makers = Array.from({ length: 40 }, () => randomUUID());
  const common = STORY_CATEGORIES.filter((c) => c !== 'paper');
  await runtime.ctx.db.execute(sql`
    insert into stories.stories (maker_id, title, category, status, published_at, min_offer_minor, currency,
                                 auto_reject_below_min, created_at, updated_at)
    select (${sql.raw(`array['${makers.join("','")}']::uuid[]`)})[1 + i % 40],
           'Story ' || i,
           case when i % 100 = 0 then 'paper'
                else (${sql.raw(`array['${common.join("','")}']`)})[1 + i % ${common.length}] end,
           case when i % 100 = 0 then 'published' when i % 10 = 0 then 'draft' when i % 10 = 1 then 'archived'
                else 'published' end,
           case when i % 10 <> 0 and i % 10 <> 1 or i % 100 = 0 then now() - (i || ' minutes')::interval end,
           1000, 'USD', true, now() - (i || ' minutes')::interval, now()
    from generate_series(1, 6000) as i`);
  await runtime.ctx.db.execute(sql`analyze stories.stories`);
}, 60_000);
afterAll(() => runtime?.stop());

describe('the feed query plan', () => {
  const after = { at: new Date(Date.now() - 86400_000), id: randomUUID() };

  it('walks stories_feed_idx (no sort, no sequential scan) for the first and later pages', async () => {
    for (const position of [null, after]) {
      const nodes = await planOf(feedQuery(runtime.ctx.db, { limit: 21, after: position, category: null }));
      const types = nodes.map((n) => n['Node Type']);
      expect(nodes.some((n) => n['Node Type'] === 'Index Scan' && n['Index Name'] === 'stories_feed_idx')).toBe(true);
      expect(types).not.toContain('Sort');
      expect(types).not.toContain('Seq Scan');
    }
  });

  it('walks an index when filtered by category; a rare category its own index', async () => {
    for (const position of [null, after]) {
      for (const category of ['glass', 'paper'] as const) {
        const nodes = await planOf(feedQuery(runtime.ctx.db, { limit: 21, after: position, category }));
        const indexes = nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
        expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
        // A common category is as cheap to pick out of the main feed index; a rare one needs its own.
        if (category === 'paper') expect(indexes).toEqual(['stories_feed_category_idx']);
        else expect(indexes).toEqual([expect.stringMatching(/^stories_feed_(category_)?idx$/)]);
      }
    }
    const rareFirstPage = await planOf(feedQuery(runtime.ctx.db, { limit: 21, after: null, category: 'paper' }));
    expect(rareFirstPage.map((n) => [n['Node Type'], n['Index Name']])).toEqual([
      ['Limit', undefined],
      ['Index Scan', 'stories_feed_category_idx'],
    ]);
  });

  it('reads a viewer’s standing on a page of stories by primary keys, never a whole table', async () => {
    // Six likes on each published story, from 3,000 viewers.
    await runtime.ctx.db.execute(sql`
      insert into stories.likes (story_id, user_id, created_at)
      select s.id, ('00000000-0000-4000-8000-' || lpad(((s.n * 7 + k) % 3000)::text, 12, '0'))::uuid, now()
        from (select id, row_number() over () as n from stories.stories where status = 'published') s,
             generate_series(1, 6) as k`);
    await runtime.ctx.db.execute(sql`analyze stories.likes`);
    const { rows } = await runtime.ctx.pool.query<{ id: string }>(
      `select id from stories.stories where status = 'published' order by published_at desc limit 20`,
    );
    const { sql: text } = viewerStandingQuery(runtime.ctx.db).toSQL();
    const res = await runtime.ctx.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`explain (format json) ${text}`, [
      randomUUID(),
      rows.map((r) => r.id),
    ]);
    const nodes = nodesOf(res.rows[0]!['QUERY PLAN'][0].Plan);
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    // The stories by their keys; the likes by the page's keys or the viewer's own (a viewer's likes are few).
    const indexes = nodes.flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
    expect(indexes).toContain('stories_pkey');
    expect(indexes).toEqual(expect.arrayContaining([expect.stringMatching(/^likes_(pkey|user_idx)$/)]));
  });

  it('reads the Following feed (a few followed makers) from an index, never the whole table', async () => {
    for (const position of [null, after]) {
      for (const followed of [makers.slice(0, 1), makers.slice(0, 3)]) {
        const nodes = await planOf(
          feedQuery(runtime.ctx.db, { limit: 21, after: position, category: null, makerIds: followed }),
        );
        expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
        expect(nodes.some((n) => n['Index Name'] !== undefined)).toBe(true);
      }
    }
  });
});
