/**
 * The daily rollup: rebuilds one UTC day's per-story and per-maker figures from the raw events,
 * whole, in one transaction — so it is idempotent, re-runnable for any day, and a late event is
 * picked up by simply running it again.
 */
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Clock } from '../../platform/clock';
import type { Database } from '../../platform/db/client';
import { declareTask } from '../../platform/jobs';
import { addDays, dayBounds, isDay, utcDay } from './days';
import {
  FIGURE_COLUMNS,
  makerFiguresQuery,
  makerRevenueQuery,
  storyFiguresQuery,
  storyRevenueQuery,
} from './figures-sql';

/** With a `day` it rebuilds that day (backfill on demand); from the crontab, yesterday and today. */
export const ROLLUP_TASK = declareTask(
  'analytics:rollup',
  z.object({ day: z.string().refine(isDay, 'a YYYY-MM-DD day').optional() }),
);

/** Rebuilds the figures of `day` (YYYY-MM-DD); concurrent runs for the same day queue on a lock. */
export async function rollupDay(db: Database, day: string, clock: Clock): Promise<void> {
  const range = dayBounds(day);
  // Read before any event is: every event committed before this moment is in the figures.
  const startedAt = clock.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('analytics.rollup'), hashtext(${day}))`);
    await tx.execute(sql`delete from analytics.daily_story_stats where day = ${day}::date`);
    await tx.execute(sql`delete from analytics.daily_maker_stats where day = ${day}::date`);
    await tx.execute(sql`delete from analytics.daily_story_revenue where day = ${day}::date`);
    await tx.execute(sql`delete from analytics.daily_maker_revenue where day = ${day}::date`);
    await tx.execute(sql`insert into analytics.daily_story_stats (day, story_id, maker_id, ${FIGURE_COLUMNS})
      select day::date, story_id, maker_id, ${FIGURE_COLUMNS} from (${storyFiguresQuery(range)}) f`);
    await tx.execute(sql`insert into analytics.daily_maker_stats (day, maker_id, ${FIGURE_COLUMNS})
      select day::date, maker_id, ${FIGURE_COLUMNS} from (${makerFiguresQuery(range)}) f`);
    await tx.execute(sql`insert into analytics.daily_story_revenue (day, story_id, maker_id, currency, amount_minor)
      select day::date, story_id, maker_id, currency, amount_minor from (${storyRevenueQuery(range)}) r`);
    await tx.execute(sql`insert into analytics.daily_maker_revenue (day, maker_id, currency, amount_minor)
      select day::date, maker_id, currency, amount_minor from (${makerRevenueQuery(range)}) r`);
    await tx.execute(sql`insert into analytics.rollups (day, rolled_up_at) values (${day}::date, ${startedAt.toISOString()}::timestamptz)
      on conflict (day) do update set rolled_up_at = excluded.rolled_up_at`);
  });
}

/** What the scheduled run covers: yesterday (late commits around midnight) and today. */
export function daysToRollUp(now: Date): string[] {
  const today = utcDay(now);
  return [addDays(today, -1), today];
}
