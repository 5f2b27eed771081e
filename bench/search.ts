// Search over 100,000 published stories: the product's GET /v1/search (a mix of one-word, two-word,
// misspelt and filtered queries) vs a bare Fastify + pg route running the equivalent core query
// (the same match, rank and first page, one statement) on the same database. The load comes from
// a child process (bench/search-load.ts); each side runs three times, reported as median and spread.
import { spawn } from 'node:child_process';
import path from 'node:path';
import Fastify from 'fastify';
import pg from 'pg';
import { corpusQueries, generateSearchCorpus } from '../apps/server/src/modules/stories/search-corpus';
import type { Bench } from './support';

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function loadFromChild(base: string, paths: string[], connections: number, duration: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        path.join(import.meta.dirname, 'search-load.ts'),
        JSON.stringify({ base, paths, connections, duration }),
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) reject(new Error(`the load generator exited with ${code}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()!) as Run);
    });
  });
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const spread = (values: number[]): string => `${Math.min(...values)}–${Math.max(...values)}`;

function summary(name: string, runs: Run[]): string {
  const p50 = runs.map((r) => r.p50);
  const p99 = runs.map((r) => r.p99);
  const rps = runs.map((r) => Math.round(r.rps));
  const errors = runs.reduce((sum, r) => sum + r.errors, 0);
  return `${name}: p50 ${median(p50)} ms (${spread(p50)}), p99 ${median(p99)} ms (${spread(p99)}), ${median(rps)} req/s (${spread(rps)}), errors ${errors}`;
}

/** A bare route doing the core of a search in one statement: match, rank, first page of ids. */
async function startBare(databaseUrl: string): Promise<{ base: string; close: () => Promise<void> }> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const app = Fastify();
  app.get('/search', async (req) => {
    const q = (req.query as { q?: string }).q ?? '';
    const res = await pool.query<{ story_id: string }>(
      `select story_id from stories.search_documents
        where visible and document @@ plainto_tsquery('english', stories.vw_unaccent($1))
        order by ts_rank(document, plainto_tsquery('english', stories.vw_unaccent($1))) desc, story_id desc
        limit 13`,
      [q],
    );
    return { items: res.rows.map((r) => r.story_id) };
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

export async function benchSearch(
  bench: Bench,
  options: { stories: number; connections: number; duration: number; runs: number },
): Promise<string[]> {
  const started = Date.now();
  await generateSearchCorpus(bench.databaseUrl, {
    makers: Math.max(50, Math.round(options.stories / 50)),
    stories: options.stories,
    liveAuctions: 0.02,
  });
  const generated = `${options.stories.toLocaleString('en')} stories generated and analysed in ${((Date.now() - started) / 1000).toFixed(0)} s`;

  const queries = corpusQueries();
  const productPaths = queries.map((q) => `/v1/search?${q}&limit=12`);
  for (const p of productPaths) {
    const res = await fetch(`${bench.base}${p}`);
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
  }
  const bare = await startBare(bench.databaseUrl);
  const barePaths = queries.map((q) => `/search?q=${encodeURIComponent(new URLSearchParams(q).get('q') ?? '')}`);
  try {
    await loadFromChild(bench.base, productPaths, 4, 2); // warm-up: JIT, pool, caches
    await loadFromChild(bare.base, barePaths, 4, 2);
    const product: Run[] = [];
    const baseline: Run[] = [];
    for (let run = 0; run < options.runs; run++) {
      product.push(await loadFromChild(bench.base, productPaths, options.connections, options.duration));
      baseline.push(await loadFromChild(bare.base, barePaths, options.connections, options.duration));
    }
    return [
      `search (${generated}; ${queries.length} queries in turn; ${options.connections} connections, ${options.duration} s × ${options.runs}; median (spread))`,
      `  ${summary('GET /v1/search', product)}`,
      `  ${summary('bare Fastify + pg, one ranked match', baseline)}`,
    ];
  } finally {
    await bare.close();
  }
}
