// The feed (20 items a page), load from a process of its own (bench/http-load.ts, autocannon):
//   signed in: N viewers in turn, each with their own likes, over stories some of which have a
//     live auction; baseline: a bare Fastify + `pg` route running one equivalent query (stories,
//     maker, hero media, live auction and the viewer's like, joined) and `JSON.stringify`;
//   signed out: the shared anonymous page; baseline: a bare Fastify route sending the same body
//     (the product, too, serves one page to every signed-out viewer).
// Three runs of each, product and baseline in turn; median and spread.
import { createHmac } from 'node:crypto';
import Fastify from 'fastify';
import pg from 'pg';
import type { Session } from '../apps/server/test/client';
import { loadNow, median, runChild, signIn, spread, type Bench } from './support';

interface Run {
  rps: number;
  requests: number;
  /** CPU time of this process (the server under load: the product's API or the bare server) per request. */
  cpuMs: number;
  p50: number;
  p99: number;
  errors: number;
}

const PATH = '/v1/feed?limit=20';

/** The signed-in page as one statement (first page, newest first). */
const BARE_QUERY = `
  select s.id, s.title, s.category, s.status, s.maker_id, mp.display_name, mp.avatar_url,
         s.hero_media_id, m.kind as media_kind, m.ready_prefix, m.poster_key,
         a.id as auction_id, a.status as auction_status, a.currency as auction_currency, a.high_bid_minor,
         a.opening_minimum_minor, a.ends_at,
         s.like_count, l.user_id is not null as liked, s.view_count,
         s.min_offer_minor, s.currency, s.auto_reject_below_min, s.buy_now_minor, s.published_at
    from stories.stories s
    join identity.maker_profiles mp on mp.user_id = s.maker_id
    left join media.media m on m.id = s.hero_media_id and m.status = 'ready'
    left join auctions.auctions a on a.story_id = s.id and a.status = 'active'
    left join stories.likes l on l.story_id = s.id and l.user_id = $1
   where s.status = 'published'
   order by s.published_at desc nulls last, s.id desc
   limit 21`;

interface BareRow {
  id: string;
  title: string;
  category: string;
  status: string;
  maker_id: string;
  display_name: string;
  avatar_url: string | null;
  hero_media_id: string | null;
  media_kind: string | null;
  ready_prefix: string | null;
  poster_key: string | null;
  auction_id: string | null;
  auction_status: string | null;
  auction_currency: string | null;
  high_bid_minor: string | null;
  opening_minimum_minor: string | null;
  ends_at: Date | null;
  like_count: number;
  liked: boolean;
  view_count: number;
  min_offer_minor: string | null;
  currency: string | null;
  auto_reject_below_min: boolean | null;
  buy_now_minor: string | null;
  published_at: Date;
}

const num = (v: string | null) => (v === null ? null : Number(v));

function card(r: BareRow, play: string) {
  const high = num(r.high_bid_minor);
  return {
    id: r.id,
    title: r.title,
    category: r.category,
    status: r.status,
    maker: { id: r.maker_id, displayName: r.display_name, avatarUrl: r.avatar_url },
    heroMediaId: r.hero_media_id,
    posterUrl: r.poster_key ? `/v1/play/${play}/${r.hero_media_id}/poster.jpg` : null,
    playbackUrl: r.ready_prefix ? `/v1/play/${play}/${r.hero_media_id}/master.m3u8` : null,
    auction: r.auction_id
      ? {
          auctionId: r.auction_id,
          state: r.auction_status,
          highBidMinor: high,
          currency: r.auction_currency,
          reserveMet: true,
          endsAt: r.ends_at?.toISOString(),
          minNextBidMinor: (high ?? num(r.opening_minimum_minor) ?? 0) + 100,
        }
      : null,
    likeCount: r.like_count,
    likedByMe: r.liked,
    viewCount: r.view_count,
    offerPolicy:
      r.min_offer_minor === null || r.currency === null
        ? null
        : {
            minOfferMinor: num(r.min_offer_minor),
            currency: r.currency,
            autoRejectBelowMin: r.auto_reject_below_min ?? true,
          },
    buyNowMinor: num(r.buy_now_minor),
    publishedAt: r.published_at.toISOString(),
  };
}

/** The viewer is read from the bearer token's payload (not verified: the baseline has no sessions). */
function viewerOf(authorization: string | undefined): string {
  const token = authorization?.split(' ')[1] ?? '';
  return (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { sub: string }).sub;
}

async function startBare(databaseUrl: string, anonymousBody: string) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 20 });
  const app = Fastify();
  app.get('/feed', async (req, reply) => {
    const viewer = viewerOf(req.headers.authorization);
    const res = await pool.query<BareRow>(BARE_QUERY, [viewer]);
    // One signed playback token a page, as the product signs one per session.
    const expires = Math.floor(Date.now() / 1000) + 300;
    const play = `1.${expires}.${createHmac('sha256', 'bench').update(`${viewer}.${expires}`).digest('base64url')}`;
    const items = res.rows.slice(0, 20).map((r) => card(r, play));
    const nextCursor = res.rows.length > 20 ? `${items[19]!.publishedAt}|${items[19]!.id}` : null;
    return reply.type('application/json; charset=utf-8').send(JSON.stringify({ items, nextCursor }));
  });
  app.get('/anonymous', (_req, reply) => reply.type('application/json; charset=utf-8').send(anonymousBody));
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    base,
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

/**
 * One load run. Both servers under test, the product's API and the bare one, run in this process
 * (the load comes from a child), so this process's CPU time over the run, per request answered,
 * is the server's. It moves with the machine's speed too (see docs/performance.md), so it is read
 * across runs, like the rates.
 */
async function load(
  base: string,
  requests: { path: string; headers?: Record<string, string> }[],
  connections: number,
  duration: number,
): Promise<Run> {
  const before = process.cpuUsage();
  const run = await runChild<Omit<Run, 'cpuMs'>>('http-load.ts', { base, requests, connections, duration });
  const cpu = process.cpuUsage(before);
  return { ...run, cpuMs: (cpu.user + cpu.system) / 1000 / Math.max(1, run.requests) };
}

/** Viewers who like a few stories each, and live auctions on some of the stories. */
async function prepare(bench: Bench, stories: string[], viewers: number, auctions: number): Promise<Session[]> {
  const sessions: Session[] = [];
  for (let i = 0; i < viewers; i++) {
    const viewer = await signIn(bench.api, `viewer${i}`);
    sessions.push(viewer);
    for (let j = 0; j < stories.length; j++) {
      if ((i + j) % 3 !== 0) continue;
      const res = await bench.api.call('PUT', `/v1/stories/${stories[j]!}/like`, { token: viewer.accessToken });
      if (res.status >= 300) throw new Error(`like: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
  for (let j = 0; j < auctions; j++) {
    const res = await bench.api.call('POST', `/v1/stories/${stories[stories.length - 1 - j]!}/offers`, {
      token: sessions[j % sessions.length]!.accessToken,
      body: { amountMinor: 10_000 + j * 500 },
    });
    if (res.status !== 201) throw new Error(`auction did not open: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return sessions;
}

const summary = (name: string, runs: Run[]) =>
  `  ${name}: ${spread(runs.map((r) => r.rps))} req/s, p50 ${spread(
    runs.map((r) => r.p50),
    0,
    ' ms',
  )}, p99 ${spread(
    runs.map((r) => r.p99),
    0,
    ' ms',
  )}, ${spread(
    runs.map((r) => r.cpuMs * 1000),
    0,
    ' µs',
  )} CPU per request, errors ${runs.reduce((n, r) => n + r.errors, 0)}`;

export async function benchFeed(
  bench: Bench,
  options: { stories: string[]; viewers: number; auctions: number; connections: number; seconds: number; runs: number },
): Promise<string[]> {
  const viewers = await prepare(bench, options.stories, options.viewers, options.auctions);
  const signedIn = viewers.map((v) => ({ path: PATH, headers: { authorization: `Bearer ${v.accessToken}` } }));
  const sample = await fetch(`${bench.base}${PATH}`, { headers: signedIn[0]!.headers });
  const page = (await sample.json()) as { items: { likedByMe: boolean; auction: unknown }[] };
  if (page.items.length !== 20) throw new Error(`the feed returned ${page.items.length} items, not 20`);
  const anonymousBody = await (await fetch(`${bench.base}${PATH}`)).text();
  const bare = await startBare(bench.databaseUrl, anonymousBody);
  const bareSignedIn = signedIn.map((r) => ({ ...r, path: '/feed' }));
  const check = await fetch(`${bare.base}/feed`, { headers: signedIn[0]!.headers });
  if (check.status !== 200) throw new Error(`bare feed: ${check.status}`);
  const startLoad = loadNow();
  const runs = { in: [] as Run[], bareIn: [] as Run[], out: [] as Run[], bareOut: [] as Run[] };
  try {
    // Warm-up: JIT, pools, prepared plans, caches.
    await load(bench.base, signedIn, 8, 2);
    await load(bare.base, bareSignedIn, 8, 2);
    await load(bench.base, [{ path: PATH }], 8, 2);
    await load(bare.base, [{ path: '/anonymous' }], 8, 2);
    for (let i = 0; i < options.runs; i++) {
      runs.in.push(await load(bench.base, signedIn, options.connections, options.seconds));
      runs.bareIn.push(await load(bare.base, bareSignedIn, options.connections, options.seconds));
      runs.out.push(await load(bench.base, [{ path: PATH }], options.connections, options.seconds));
      runs.bareOut.push(await load(bare.base, [{ path: '/anonymous' }], options.connections, options.seconds));
    }
  } finally {
    await bare.close();
  }
  const rate = (product: Run[], baseline: Run[]) =>
    (median(product.map((r) => r.rps)) / median(baseline.map((r) => r.rps))).toFixed(2);
  const liked = page.items.filter((i) => i.likedByMe).length;
  const live = page.items.filter((i) => i.auction).length;
  return [
    `feed (20 items; ${options.viewers} signed-in viewers in turn, ${liked} of their first page liked, ${live} live auctions on it; ${options.connections} connections, ${options.seconds} s × ${options.runs}, median (spread); ${startLoad} → ${loadNow()})`,
    summary('signed in, GET /v1/feed', runs.in),
    summary('signed in, bare Fastify + pg, one query + JSON.stringify', runs.bareIn),
    `  → signed in ${rate(runs.in, runs.bareIn)}× baseline (target ≥ 0.50), p99 ${median(runs.in.map((r) => r.p99))} ms (target ≤ 25 ms)`,
    summary('signed out, GET /v1/feed', runs.out),
    summary('signed out, bare Fastify sending the same page', runs.bareOut),
    `  → signed out ${rate(runs.out, runs.bareOut)}× baseline (target ≥ 0.80)`,
  ];
}
