/**
 * The one definition of every daily figure, as SQL over the raw events. The rollup inserts what
 * these select; the dashboard runs the same selects live for the days not rolled up yet, so both
 * always agree.
 */
import { sql, type SQL } from 'drizzle-orm';

export interface EventRange {
  start: Date;
  end: Date;
}

export interface FigureFilter {
  makerId?: string | undefined;
}

/** The figure columns, in the rollup tables' order. */
export const FIGURE_COLUMNS = sql.raw(
  'feed_impressions, views, unique_viewers, plays, watch_throughs, likes, offers, bids, payments',
);

const figureAggregates = sql.raw(`
  count(*) filter (where type = 'feed_impression')::int as feed_impressions,
  count(*) filter (where type = 'story_view')::int as views,
  count(distinct coalesce(user_id, anonymous_id)) filter (where type = 'story_view')::int as unique_viewers,
  count(*) filter (where type = 'play')::int as plays,
  count(*) filter (where type = 'watch_through')::int as watch_throughs,
  count(*) filter (where type = 'like')::int as likes,
  count(*) filter (where type = 'offer')::int as offers,
  count(*) filter (where type = 'bid')::int as bids,
  count(*) filter (where type = 'payment')::int as payments`);

const eventDay = sql.raw(`to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD')`);

function inRange(range: EventRange, filter: FigureFilter): SQL {
  const maker = filter.makerId ? sql` and maker_id = ${filter.makerId}::uuid` : sql``;
  return sql`occurred_at >= ${range.start.toISOString()}::timestamptz and occurred_at < ${range.end.toISOString()}::timestamptz and maker_id is not null${maker}`;
}

/** Per day and story: day, story_id, maker_id, then the figure columns. */
export function storyFiguresQuery(range: EventRange, filter: FigureFilter = {}): SQL {
  return sql`select ${eventDay} as day, story_id, (array_agg(maker_id))[1] as maker_id, ${figureAggregates}
    from analytics.events
    where ${inRange(range, filter)} and story_id is not null
    group by 1, story_id`;
}

/** Per day and maker: day, maker_id, then the figure columns (unique viewers across the maker's stories). */
export function makerFiguresQuery(range: EventRange, filter: FigureFilter = {}): SQL {
  return sql`select ${eventDay} as day, maker_id, ${figureAggregates}
    from analytics.events
    where ${inRange(range, filter)}
    group by 1, maker_id`;
}

/** Per day, story and currency: day, story_id, maker_id, currency, amount_minor. */
export function storyRevenueQuery(range: EventRange, filter: FigureFilter = {}): SQL {
  return sql`select ${eventDay} as day, story_id, (array_agg(maker_id))[1] as maker_id, currency, sum(amount_minor)::bigint as amount_minor
    from analytics.events
    where ${inRange(range, filter)} and type = 'payment' and story_id is not null and currency is not null
    group by 1, story_id, currency`;
}

/** Per day, maker and currency: day, maker_id, currency, amount_minor. */
export function makerRevenueQuery(range: EventRange, filter: FigureFilter = {}): SQL {
  return sql`select ${eventDay} as day, maker_id, currency, sum(amount_minor)::bigint as amount_minor
    from analytics.events
    where ${inRange(range, filter)} and type = 'payment' and currency is not null
    group by 1, maker_id, currency`;
}
