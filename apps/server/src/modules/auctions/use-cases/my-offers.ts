/** My activity: the offers I made, newest first, each with its state. */
import type { z } from 'zod';
import { decodeCursor, pageOf } from '../../../platform/keyset-cursor';
import type { AuctionsDeps } from '../deps';
import { presentOffer } from '../present';
import { offerActivity } from '../repo/activity-repo';
import { offerOf } from '../repo/market-repo';
import type { offerActivityPage } from '../schemas';

export async function listMyOffers(
  deps: AuctionsDeps,
  input: { userId: string; cursor?: string | undefined; limit: number },
): Promise<z.infer<typeof offerActivityPage>> {
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const rows = await offerActivity(deps.db, { userId: input.userId, limit: input.limit + 1, after });
  const page = pageOf(rows, input.limit, (r) => ({ at: r.createdAt, id: r.id }));
  const stories = await deps.stories.storiesByIds(page.items.map((r) => r.storyId));
  return {
    items: page.items.map((row) => ({
      ...presentOffer(offerOf(row)),
      title: stories.get(row.storyId)?.title ?? 'A deleted story',
    })),
    nextCursor: page.nextCursor,
  };
}
