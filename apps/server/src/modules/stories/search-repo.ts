import { sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database, Executor } from '../../platform/db/client';
import { deferWrite } from '../../platform/db/unit-of-work';
import { DomainError } from '../../platform/errors';
import { idSchema } from '../../platform/ids';
import type { SearchIndexPort, SearchSort, StorySearch, StorySearchPage } from './search-index';
import { isOneTypoAway, queryWords, TYPO_MIN_LENGTH } from './search-text';

/**
 * The PostgreSQL search index: `stories.search_documents` (weighted tsvector under a GIN index,
 * filter and sort columns under partial b-trees), `stories.search_words` (the vocabulary misspelt
 * words are corrected against by trigram similarity) and `stories.search_makers`.
 */

// ---- cursors: opaque, base64url of { s: sort, v: sort values, i: last id } ----

const cursorPayload = z.object({
  s: z.string(),
  v: z.array(z.union([z.number(), z.string().max(64)])).max(3),
  i: idSchema,
});
type CursorPayload = z.infer<typeof cursorPayload>;

const refused = (): DomainError =>
  new DomainError('invalid_cursor', 'The cursor is not one this server gave out for this search');

function encode(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decode(cursor: string, sort: string, shape: ('number' | 'string')[]): CursorPayload {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw refused();
  }
  const result = cursorPayload.safeParse(parsed);
  if (!result.success || result.data.s !== sort || result.data.v.length !== shape.length) throw refused();
  result.data.v.forEach((value, n) => {
    if (typeof value !== shape[n] || (typeof value === 'number' && !Number.isFinite(value))) throw refused();
  });
  return result.data;
}

// ---- the text query ----

/**
 * The vocabulary look-up for the query's words of five letters or more: whether the vocabulary
 * holds each word as typed, and for a word it does not hold, the vocabulary words most like it, by
 * trigram similarity (through the vocabulary's trigram index) or as the word with two neighbouring
 * letters swapped (which share few trigrams; looked up exactly). A known word is never corrected,
 * so its similar words are not looked for. Exported for the plan test.
 */
export function correctionsQuery(words: string[]): SQL {
  const swaps = words.map((w) => JSON.stringify(swapsOf(w)));
  return sql`
    with t as (
      select u.token, stories.vw_unaccent(u.token) as plain,
             array(select stories.vw_unaccent(jsonb_array_elements_text(u.swaps::jsonb))) as swaps
        from unnest(${sql.param(words)}::text[], ${sql.param(swaps)}::text[]) as u(token, swaps))
    select t.token, c.word, k.word is not null as known
      from t
      left join stories.search_words k on k.word = t.plain
      left join lateral (
        select x.word
          from (select w.word from stories.search_words w where k.word is null and w.word % t.plain
                union
                select w.word from stories.search_words w where k.word is null and w.word = any(t.swaps)) x
         order by similarity(x.word, t.plain) desc, x.word
         limit 20) c on true`;
}

/** For each misspelt word (five letters or more, not in the vocabulary), its vocabulary words one typo away. */
async function corrections(db: Executor, words: string[]): Promise<Map<string, string[]>> {
  const long = [...new Set(words.filter((w) => w.length >= TYPO_MIN_LENGTH))];
  const found = new Map<string, string[]>();
  if (long.length === 0) return found;
  const res = await db.execute<{ token: string; word: string | null; known: boolean }>(correctionsQuery(long));
  const known = new Set(res.rows.filter((r) => r.known).map((r) => r.token));
  for (const row of res.rows) {
    if (known.has(row.token) || row.word === null || !isOneTypoAway(row.token, row.word)) continue;
    found.set(row.token, [...(found.get(row.token) ?? []), row.word].slice(0, 4));
  }
  return found;
}

/** The word with each pair of neighbouring letters swapped. */
function swapsOf(word: string): string[] {
  const letters = [...word];
  const out = new Set<string>();
  for (let n = 0; n + 1 < letters.length; n++) {
    if (letters[n] === letters[n + 1]) continue;
    const copy = [...letters];
    [copy[n], copy[n + 1]] = [copy[n + 1]!, copy[n]!];
    out.add(copy.join(''));
  }
  return [...out];
}

/**
 * The tsquery of a query, as an expression of constants the planner folds once (null when the
 * query has no words): every word must match (its English stem, or one of its corrections); the
 * last word also as a prefix, since results follow typing. Only the corrections need a round trip.
 */
async function textQuery(db: Executor, q: string): Promise<SQL | null> {
  const words = queryWords(q);
  if (words.length === 0) return null;
  const fixes = await corrections(db, words);
  const groups = words.map((word, n) => {
    const last = n === words.length - 1;
    const alternatives = [word, ...(fixes.get(word) ?? [])].map((alt) =>
      last
        ? sql`to_tsquery('english', quote_literal(stories.vw_unaccent(${alt}::text)) || ':*')`
        : sql`plainto_tsquery('english', stories.vw_unaccent(${alt}::text))`,
    );
    return sql`(${sql.join(alternatives, sql` || `)})`;
  });
  return sql`(${sql.join(groups, sql` && `)})`;
}

// ---- story search ----

interface SortPlan {
  /** The sort values of a row, as selected (and as the cursor carries them). */
  select: SQL;
  shape: ('number' | 'string')[];
  order: SQL;
  after: (values: (number | string)[], id: string) => SQL;
}

/** A match's relevance to the text query. */
const rankOf = (query: SQL | null): SQL => sql`ts_rank(d.document, ${query})::float8`;

/** `rank`: the relevance expression over `d` (by default computed from its document). */
function sortPlan(sort: SearchSort, query: SQL | null, rank: SQL = rankOf(query)): SortPlan {
  switch (sort === 'relevance' && query === null ? 'newest' : sort) {
    case 'relevance':
      return {
        select: sql`array[${rank}]::text[]`,
        shape: ['number'],
        order: sql`${rank} desc, d.story_id desc`,
        after: ([value], id) => sql`(${rank}, d.story_id) < (${value}::float8, ${id}::uuid)`,
      };
    case 'ending_soon':
      return {
        select: sql`array[d.ending_group::text, d.ending_key::text]`,
        shape: ['number', 'number'],
        order: sql`d.ending_group, d.ending_key, d.story_id`,
        after: ([group, key], id) =>
          sql`(d.ending_group, d.ending_key, d.story_id) > (${group}::int, ${key}::float8, ${id}::uuid)`,
      };
    case 'price_asc':
      return {
        select: sql`array[d.price_minor::text]`,
        shape: ['number'],
        order: sql`d.price_minor, d.story_id`,
        after: ([price], id) => sql`(d.price_minor, d.story_id) > (${price}::bigint, ${id}::uuid)`,
      };
    case 'price_desc':
      return {
        select: sql`array[d.price_minor::text]`,
        shape: ['number'],
        order: sql`d.price_minor desc, d.story_id desc`,
        after: ([price], id) => sql`(d.price_minor, d.story_id) < (${price}::bigint, ${id}::uuid)`,
      };
    case 'newest':
      return {
        // The database's own text of the time keeps it exact.
        select: sql`array[d.published_at::text]`,
        shape: ['string'],
        order: sql`d.published_at desc nulls last, d.story_id desc nulls last`,
        after: ([at], id) => sql`(d.published_at, d.story_id) < (${at}::timestamptz, ${id}::uuid)`,
      };
  }
}

/** The filters every search applies, the category filter apart (facets leave it out). */
function filters(search: StorySearch, query: SQL | null): SQL[] {
  const where: SQL[] = [sql`d.visible`];
  if (query !== null) where.push(sql`d.document @@ ${query}`);
  // `ending_group` is 0 exactly for a live auction, and leads an index.
  if (search.mode === 'auction') where.push(sql`d.ending_group = 0`);
  if (search.mode === 'buy_now') where.push(sql`not d.auction_live and d.buy_now_minor is not null`);
  if (search.mode === 'offers') where.push(sql`not d.auction_live and d.min_offer_minor is not null`);
  if (search.minPriceMinor !== null) where.push(sql`d.price_minor >= ${search.minPriceMinor}`);
  if (search.maxPriceMinor !== null) where.push(sql`d.price_minor <= ${search.maxPriceMinor}`);
  if (search.country !== null) where.push(sql`d.maker_country = ${search.country}`);
  return where;
}

/** The conditions of the page within the matches the facets count: the category and the cursor. */
function pageConditions(search: StorySearch, plan: SortPlan): SQL[] {
  const where: SQL[] = [];
  if (search.category !== null) where.push(sql`d.category = ${search.category}`);
  if (search.cursor !== null) {
    const position = decode(search.cursor, search.sort, plan.shape);
    where.push(plan.after(position.v, position.i));
  }
  return where;
}

/** The page query of a search in an order other than relevance (exported for the plan test). */
export function storyPageQuery(search: StorySearch, query: SQL | null): SQL {
  const plan = sortPlan(search.sort, query);
  const where = [...filters(search, query), ...pageConditions(search, plan)];
  return sql`select d.story_id as id, ${plan.select} as sort_values
    from stories.search_documents d
   where ${sql.join(where, sql` and `)}
   order by ${plan.order}
   limit ${search.limit + 1}`;
}

/**
 * The page and the facets of a search by relevance in one statement (exported for the plan test):
 * ranking needs every match anyway, so the matches are read from the text index and the table
 * once, ranked once, then counted by category for the facets and ordered for the page. Apart, the
 * two statements would each read every match, which for a common word is most of the work. (A
 * search in another order is left to two statements: its page stops early in that order's index.)
 */
export function relevanceSearchQuery(search: StorySearch, query: SQL): SQL {
  const plan = sortPlan('relevance', query, sql`d.rank`);
  const where = pageConditions(search, plan);
  return sql`with matches as materialized (
      select d.story_id, d.category, ${rankOf(query)} as rank
        from stories.search_documents d
       where ${sql.join(filters(search, query), sql` and `)})
    select coalesce((select json_agg(json_build_array(d.story_id, ${plan.select})) from (
             select d.story_id, d.rank from matches d
              ${where.length > 0 ? sql`where ${sql.join(where, sql` and `)}` : sql``}
              order by ${plan.order}
              limit ${search.limit + 1}) d), '[]') as page,
           coalesce((select json_object_agg(c.category, c.n) from (
             select d.category, count(*)::int as n from matches d group by d.category) c), '{}') as counts`;
}

/** The facet query (exported for the plan test). */
export function categoryCountsQuery(search: StorySearch, query: SQL | null): SQL {
  return sql`select d.category, count(*)::int as n
    from stories.search_documents d
   where ${sql.join(filters(search, query), sql` and `)}
   group by d.category`;
}

/** The tsquery expression of `q` (exported for the plan test). */
export const searchTextQuery = textQuery;

/** The page rows (one more than the limit when there are more) and the category counts. */
async function pageAndCounts(
  db: Database,
  search: StorySearch,
  query: SQL | null,
): Promise<{ page: { id: string; sort_values: string[] }[]; counts: Record<string, number> }> {
  if (query !== null && search.sort === 'relevance') {
    const res = await db.execute<{ page: [string, string[]][]; counts: Record<string, number> }>(
      relevanceSearchQuery(search, query),
    );
    const row = res.rows[0]!;
    return { page: row.page.map(([id, values]) => ({ id, sort_values: values })), counts: row.counts };
  }
  // In another order the page stops early in that order's index, beside the facet count.
  const [page, counts] = await Promise.all([
    db.execute<{ id: string; sort_values: string[] }>(storyPageQuery(search, query)),
    db.execute<{ category: string; n: number }>(categoryCountsQuery(search, query)),
  ]);
  return { page: page.rows, counts: Object.fromEntries(counts.rows.map((r) => [r.category, r.n])) };
}

export async function searchStories(db: Database, search: StorySearch): Promise<StorySearchPage> {
  const query = await textQuery(db, search.q);
  const plan = sortPlan(search.sort, query);
  const { page, counts } = await pageAndCounts(db, search, query);
  const rows = page.slice(0, search.limit);
  const last = rows[rows.length - 1];
  const nextCursor =
    page.length > search.limit && last
      ? encode({
          s: search.sort,
          v: last.sort_values.map((value, n) => (plan.shape[n] === 'number' ? Number(value) : value)),
          i: last.id,
        })
      : null;
  return {
    storyIds: rows.map((r) => r.id),
    nextCursor,
    categoryCounts: counts,
  };
}

// ---- makers ----

async function searchMakers(
  db: Database,
  input: { q: string; cursor: string | null; limit: number },
): ReturnType<SearchIndexPort['searchMakers']> {
  const key = queryWords(input.q).join(' ');
  if (key === '') return { items: [], nextCursor: null };
  const after = input.cursor ? decode(input.cursor, 'makers', ['number']) : null;
  // Word similarity of the query within "display name city": a typo in a long name still passes 0.4.
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.word_similarity_threshold', '0.4', true)`);
    const res = await tx.execute<{
      maker_id: string;
      display_name: string;
      city: string | null;
      country: string | null;
      score: number;
    }>(sql`
      select * from (
        select m.maker_id, m.display_name, m.city, m.country,
               word_similarity(stories.vw_unaccent(${key}), m.name_key)::float8 as score
          from stories.search_makers m
         where m.visible and stories.vw_unaccent(${key}) <% m.name_key) found
       ${after ? sql`where (found.score, found.maker_id) < (${after.v[0]}::float8, ${after.i}::uuid)` : sql``}
       order by found.score desc, found.maker_id desc
       limit ${input.limit + 1}`);
    return res.rows;
  });
  const items = rows.slice(0, input.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({ makerId: r.maker_id, displayName: r.display_name, city: r.city, country: r.country })),
    nextCursor:
      rows.length > input.limit && last ? encode({ s: 'makers', v: [Number(last.score)], i: last.maker_id }) : null,
  };
}

// ---- auction facts ----

/**
 * The live auction's facts on the story's document: a deferred write (sent with the transaction's
 * other deferred writes just before it commits), the latest of a transaction's facts winning.
 */
async function auctionChanged(tx: Executor, facts: Parameters<SearchIndexPort['auctionChanged']>[1]): Promise<void> {
  await deferWrite(
    tx,
    sql`update stories.search_documents
           set auction_live = ${facts.live}, high_bid_minor = ${facts.highBidMinor},
               auction_ends_at = ${facts.endsAt ? facts.endsAt.toISOString() : null}::timestamptz
         where story_id = ${facts.storyId}`,
    { key: `stories.search_documents.auction:${facts.storyId}` },
  );
}

/** The search index over this module's own tables. */
export function postgresSearchIndex(db: Database): SearchIndexPort {
  return {
    searchStories: (search) => searchStories(db, search),
    searchMakers: (input) => searchMakers(db, input),
    auctionChanged,
  };
}
