/** Offers on a story: the maker sees the ones waiting for them; anyone else sees only their own. */
import type { z } from 'zod';
import { DomainError } from '../../../platform/errors';
import type { AuctionsDeps } from '../deps';
import { presentOffer } from '../present';
import { listOffers as listOfferRows } from '../repo/market-repo';
import type { OfferStatus } from '../rules';
import type { offerList } from '../schemas';

export async function listOffers(
  deps: AuctionsDeps,
  input: { storyId: string; callerId: string; status?: OfferStatus | undefined },
): Promise<z.infer<typeof offerList>> {
  const terms = await deps.stories.storyTerms(input.storyId);
  if (terms === null) throw new DomainError('story_not_found', 'No such story');
  const isMaker = terms.makerId === input.callerId;
  const rows = await listOfferRows(deps.db, {
    storyId: input.storyId,
    ...(isMaker ? { status: input.status ?? 'pending' } : { userId: input.callerId }),
    ...(!isMaker && input.status !== undefined ? { status: input.status } : {}),
  });
  return { items: rows.map(presentOffer) };
}
