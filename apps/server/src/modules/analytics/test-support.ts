/** Test support for the analytics module's tests (not used by the product). */
import type pg from 'pg';
import type { NewEventRow, EventType } from './tables';

/** One raw event at an exact time (source chosen by its type). */
export function eventAt(
  iso: string,
  type: EventType,
  fields: Partial<Omit<NewEventRow, 'type' | 'occurredAt' | 'source'>> = {},
): NewEventRow {
  const server = type === 'offer' || type === 'bid' || type === 'payment';
  return { type, source: server ? 'server' : 'client', occurredAt: new Date(iso), ...fields };
}

export interface Figures {
  feed_impressions: number;
  views: number;
  unique_viewers: number;
  plays: number;
  watch_throughs: number;
  likes: number;
  offers: number;
  bids: number;
  payments: number;
}

export const zero: Figures = {
  feed_impressions: 0,
  views: 0,
  unique_viewers: 0,
  plays: 0,
  watch_throughs: 0,
  likes: 0,
  offers: 0,
  bids: 0,
  payments: 0,
};

const figureColumns = 'feed_impressions, views, unique_viewers, plays, watch_throughs, likes, offers, bids, payments';

/** A day's per-story rollup, keyed by story id. */
export async function storyStats(pool: pg.Pool, day: string): Promise<Record<string, Figures & { maker_id: string }>> {
  const { rows } = await pool.query<Figures & { story_id: string; maker_id: string }>(
    `select story_id, maker_id, ${figureColumns} from analytics.daily_story_stats where day = $1`,
    [day],
  );
  return Object.fromEntries(rows.map(({ story_id, ...rest }) => [story_id, rest]));
}

/** A day's per-maker rollup, keyed by maker id. */
export async function makerStats(pool: pg.Pool, day: string): Promise<Record<string, Figures>> {
  const { rows } = await pool.query<Figures & { maker_id: string }>(
    `select maker_id, ${figureColumns} from analytics.daily_maker_stats where day = $1`,
    [day],
  );
  return Object.fromEntries(rows.map(({ maker_id, ...rest }) => [maker_id, rest]));
}

/** A day's revenue rollups as `id/currency → amount`. */
export async function revenue(
  pool: pg.Pool,
  day: string,
): Promise<{ story: Record<string, number>; maker: Record<string, number> }> {
  const story = await pool.query<{ story_id: string; currency: string; amount_minor: number }>(
    'select story_id, currency, amount_minor from analytics.daily_story_revenue where day = $1',
    [day],
  );
  const maker = await pool.query<{ maker_id: string; currency: string; amount_minor: number }>(
    'select maker_id, currency, amount_minor from analytics.daily_maker_revenue where day = $1',
    [day],
  );
  return {
    story: Object.fromEntries(story.rows.map((r) => [`${r.story_id}/${r.currency}`, Number(r.amount_minor)])),
    maker: Object.fromEntries(maker.rows.map((r) => [`${r.maker_id}/${r.currency}`, Number(r.amount_minor)])),
  };
}
