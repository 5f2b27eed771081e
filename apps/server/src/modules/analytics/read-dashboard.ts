import type { AnalyticsDeps } from './deps';
import { addDays, dayStart, liveFrom, utcDay } from './days';
import { funnelTotals, liveRangeOf, rollupTimes, storyTotals } from './figures-repo';
import type { Dashboard } from './schemas';

/**
 * A maker's dashboard, always about the caller's own stories. Audience figures are fresh to the
 * second: days the rollup has settled are read from the rollup tables, the rest (today, and any day
 * not rolled up since it ended) are computed live from the raw events with the same SQL the rollup
 * uses. Revenue and fulfilment come from orders, so refunds are already taken off.
 */
export async function readDashboard(deps: AnalyticsDeps, makerId: string, input: { days: number }): Promise<Dashboard> {
  const now = deps.clock.now();
  const today = utcDay(now);
  const from = addDays(today, -(input.days - 1));
  const boundary = liveFrom(from, today, await rollupTimes(deps.db, from, today));
  const liveRange = liveRangeOf(boundary, today);

  const listed = (await deps.stories.storiesOfMaker(makerId)).filter((s) => s.status === 'published');
  const storyIds = listed.map((s) => s.id);
  const orders = deps.orders;
  const [auctions, totals, funnel, revenue, fulfilment] = await Promise.all([
    deps.auctions.summaries(storyIds),
    storyTotals(deps.db, { makerId, storyIds, liveFrom: boundary, liveRange }),
    funnelTotals(deps.db, { makerId, from, liveFrom: boundary, liveRange }),
    orders.revenueByDay(makerId, dayStart(from)),
    orders.fulfilmentCounts(makerId),
  ]);

  return {
    activeListings: listed.map((story) => {
      const auction = auctions.get(story.id);
      const figures = totals.get(story.id) ?? { views: 0, likes: 0 };
      return {
        storyId: story.id,
        title: story.title,
        publishedAt: story.publishedAt,
        auction: auction
          ? {
              state: auction.state,
              highBidMinor: auction.highBidMinor,
              currency: auction.currency,
              endsAt: auction.endsAt,
              reserveMet: auction.reserveMet,
              bidCount: auction.bidCount,
            }
          : null,
        views: figures.views,
        likes: figures.likes,
      };
    }),
    funnel,
    revenueByDay: revenue.map((r) => ({ day: r.day, amountMinor: r.amountMinor, currency: r.currency })),
    toShip: fulfilment.toShip,
    overdue: fulfilment.overdue,
    period: { from, to: today },
    generatedAt: now.toISOString(),
  };
}
