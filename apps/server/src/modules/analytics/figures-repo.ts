/** Reads of the figures: rolled-up days from the rollup tables, the rest live from the events. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/client';
import { dayStart } from './days';
import { makerFiguresQuery, storyFiguresQuery, type EventRange } from './figures-sql';

export interface StoryTotals {
  views: number;
  likes: number;
}

export type FunnelTotals = {
  views: number;
  offers: number;
  bids: number;
};

/** When each day of [first, last] was last rolled up. */
export async function rollupTimes(db: Executor, first: string, last: string): Promise<Map<string, Date>> {
  const { rows } = await db.execute<{ day: string; rolled_up_at: string }>(
    sql`select to_char(day, 'YYYY-MM-DD') as day, rolled_up_at::text from analytics.rollups
        where day between ${first}::date and ${last}::date`,
  );
  return new Map(rows.map((r) => [r.day, new Date(r.rolled_up_at)]));
}

/** Views and likes per story: rolled-up days before `liveFrom`, live events from it on. */
export async function storyTotals(
  db: Executor,
  input: { makerId: string; storyIds: string[]; liveFrom: string; liveRange: EventRange },
): Promise<Map<string, StoryTotals>> {
  const out = new Map<string, StoryTotals>(input.storyIds.map((id) => [id, { views: 0, likes: 0 }]));
  if (input.storyIds.length === 0) return out;
  const ids = sql`array[${sql.join(
    input.storyIds.map((id) => sql`${id}`),
    sql`, `,
  )}]::uuid[]`;
  const settled = await db.execute<{ story_id: string; views: number; likes: number }>(
    sql`select story_id, sum(views)::bigint as views, sum(likes)::bigint as likes from analytics.daily_story_stats
        where story_id = any(${ids}) and day < ${input.liveFrom}::date group by story_id`,
  );
  const live = await db.execute<{ story_id: string; views: number; likes: number }>(
    sql`select story_id, sum(views)::bigint as views, sum(likes)::bigint as likes
        from (${storyFiguresQuery(input.liveRange, { makerId: input.makerId })}) f
        where story_id = any(${ids}) group by story_id`,
  );
  for (const row of [...settled.rows, ...live.rows]) {
    const totals = out.get(row.story_id);
    if (!totals) continue;
    totals.views += Number(row.views);
    totals.likes += Number(row.likes);
  }
  return out;
}

/** A maker's views, offers and bids over [from, liveFrom) rolled up plus the live range. */
export async function funnelTotals(
  db: Executor,
  input: { makerId: string; from: string; liveFrom: string; liveRange: EventRange },
): Promise<FunnelTotals> {
  const settled = await db.execute<FunnelTotals>(
    sql`select coalesce(sum(views), 0)::bigint as views, coalesce(sum(offers), 0)::bigint as offers,
          coalesce(sum(bids), 0)::bigint as bids
        from analytics.daily_maker_stats
        where maker_id = ${input.makerId}::uuid and day >= ${input.from}::date and day < ${input.liveFrom}::date`,
  );
  const live = await db.execute<FunnelTotals>(
    sql`select coalesce(sum(views), 0)::bigint as views, coalesce(sum(offers), 0)::bigint as offers,
          coalesce(sum(bids), 0)::bigint as bids
        from (${makerFiguresQuery(input.liveRange, { makerId: input.makerId })}) f`,
  );
  const a = settled.rows[0];
  const b = live.rows[0];
  return {
    views: Number(a?.views ?? 0) + Number(b?.views ?? 0),
    offers: Number(a?.offers ?? 0) + Number(b?.offers ?? 0),
    bids: Number(a?.bids ?? 0) + Number(b?.bids ?? 0),
  };
}

/** The live range: from the start of `liveFrom` to the end of `today`. */
export function liveRangeOf(liveFrom: string, today: string): EventRange {
  return { start: dayStart(liveFrom), end: new Date(dayStart(today).getTime() + 86_400_000) };
}
