/** My activity: the auctions I bid on, newest bid first, with my standing in each. */
import type { z } from 'zod';
import { decodeCursorText, pageOf } from '../../../platform/keyset-cursor';
import type { AuctionsDeps } from '../deps';
import { bidActivity } from '../repo/activity-repo';
import { standingOf } from '../rules/standing';
import type { bidActivityPage } from '../schemas';

export async function listMyBids(
  deps: AuctionsDeps,
  input: { userId: string; cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof bidActivityPage>> {
  const after = input.cursor ? decodeCursorText(input.cursor) : null;
  const rows = await bidActivity(deps.db, { userId: input.userId, limit: input.limit + 1, after });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.lastBidAt, id: r.auctionId }));
  const stories = await deps.stories.storiesByIds(page.items.map((r) => r.storyId));
  return {
    items: page.items.map((r) => {
      const standing = standingOf(r, input.userId);
      return {
        auctionId: r.auctionId,
        storyId: r.storyId,
        title: stories.get(r.storyId)?.title ?? 'A deleted story',
        status: r.status,
        highBidMinor: r.highBidMinor,
        currency: r.currency,
        endsAt: r.endsAt.toISOString(),
        myHighestBidMinor: r.myHighestBidMinor,
        myMaxMinor: r.myMaxMinor,
        standing,
        paymentDueAt:
          standing === 'won' && r.status === 'awaiting_payment' ? (r.paymentDueAt?.toISOString() ?? null) : null,
      };
    }),
    nextCursor: page.nextCursor,
  };
}
