import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../../../test/harness';
import type { Runtime } from '../../composition/runtime';
import { generateSearchCorpus } from './search-corpus';
import type { StorySearch } from './search-index';
import {
  categoryCountsQuery,
  correctionsQuery,
  relevanceSearchQuery,
  searchTextQuery,
  storyPageQuery,
} from './search-repo';

let runtime: Runtime;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

async function planOf(query: ReturnType<typeof storyPageQuery>): Promise<PlanNode[]> {
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  const res = await runtime.ctx.pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
    `explain (format json) ${text}`,
    params,
  );
  return nodesOf(res.rows[0]!['QUERY PLAN'][0].Plan);
}

const base: StorySearch = {
  q: '',
  category: null,
  mode: null,
  minPriceMinor: null,
  maxPriceMinor: null,
  country: null,
  sort: 'relevance',
  cursor: null,
  limit: 20,
};

beforeAll(async () => {
  runtime = await startTestServer();
  // A transaction older than the corpus is open when the corpus is first vacuumed, as a job of
  // the server's may be: the plans must not depend on that moment (a vacuum cannot then mark the
  // pages all-visible, and counting every story by category would read the table instead of its
  // category index). It ends once the first vacuum has run.
  const older = await runtime.ctx.pool.connect();
  await older.query('begin isolation level repeatable read');
  await older.query('select 1');
  // last_vacuum: the last vacuum run by a statement (autovacuum's are counted apart).
  const vacuumed = async () =>
    (
      await runtime.ctx.pool.query<{ done: boolean }>(
        `select last_vacuum is not null as done from pg_stat_user_tables where relid = 'stories.search_documents'::regclass`,
      )
    ).rows[0]!.done;
  const ended = (async () => {
    try {
      while (!(await vacuumed())) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await older.query('commit');
      older.release();
    }
  })();
  // 8,000 published stories of 200 makers in five languages, 2 % with a live auction; analysed.
  await generateSearchCorpus(runtime.ctx.config.DATABASE_URL!, { makers: 200, stories: 8_000, liveAuctions: 0.02 });
  await ended;
}, 120_000);
afterAll(() => runtime?.stop());

describe('the search query plans at a realistic size', () => {
  const searches: [string, Partial<StorySearch>][] = [
    ['one word', { q: 'walnut' }],
    ['two words', { q: 'blue bowl' }],
    ['a misspelt word', { q: 'walnutt' }],
    ['a word in another language, unaccented', { q: 'ceramica' }],
    [
      'filtered by category and price',
      { q: 'bowl', category: 'ceramics', minPriceMinor: 10_000, maxPriceMinor: 200_000 },
    ],
    ['filtered by mode and country', { q: 'oak', mode: 'buy_now', country: 'PT' }],
    ['sorted newest', { q: 'vase', sort: 'newest' }],
    ['sorted by price', { q: 'chair', sort: 'price_asc' }],
    ['sorted ending soon', { q: 'wool', sort: 'ending_soon' }],
    ['browsing newest', { sort: 'newest' }],
    ['browsing by price', { sort: 'price_desc' }],
    ['browsing auctions ending soon', { mode: 'auction', sort: 'ending_soon' }],
    ['browsing a category', { category: 'glass', sort: 'newest' }],
  ];

  for (const [name, input] of searches) {
    it(`reads indexes, never a sequential scan: ${name}`, async () => {
      const search = { ...base, ...input };
      const query = await searchTextQuery(runtime.ctx.db, search.q);
      if (search.q !== '') expect(query).not.toBeNull();
      // A search by relevance reads its matches from the text index once, for the page and the facets.
      if (query !== null && search.sort === 'relevance') {
        const nodes = await planOf(relevanceSearchQuery(search, query));
        expect(nodes.filter((n) => n['Relation Name'] === 'search_documents')).toHaveLength(1);
        expect(nodes.some((n) => n['Index Name'] === 'search_documents_text_idx')).toBe(true);
      }
      const statements =
        query !== null && search.sort === 'relevance'
          ? [relevanceSearchQuery(search, query)]
          : [storyPageQuery(search, query), categoryCountsQuery(search, query)];
      for (const statement of statements) {
        const nodes = await planOf(statement);
        const scans = nodes.filter((n) => n['Node Type'] === 'Seq Scan').map((n) => n['Relation Name']);
        expect(scans, JSON.stringify(nodes.map((n) => [n['Node Type'], n['Index Name']]))).toEqual([]);
      }
    });
  }

  it('corrects misspelt words from the vocabulary through its trigram index', async () => {
    const nodes = await planOf(correctionsQuery(['porcelian', 'walnutt']));
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(nodes.some((n) => n['Index Name'] === 'search_words_trgm_idx')).toBe(true);
  });
});
