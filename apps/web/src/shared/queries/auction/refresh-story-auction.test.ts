import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Auction, Story } from '../../api/types';
import { jsonResponse } from '../../../test/render';
import { serve } from '../../../test/serve';
import { queryKeys } from '../keys';
import { refreshStoryAuction } from './refresh-story-auction';

const endsAt = new Date(Date.now() + 72 * 3600_000).toISOString();
const auction = {
  id: 'a1',
  storyId: 's1',
  status: 'active',
  currency: 'USD',
  highBidMinor: 12_000,
  minNextBidMinor: 12_600,
  reserveMet: false,
  endsAt,
  version: 1,
  serverTime: new Date().toISOString(),
} as unknown as Auction;

const paths = (calls: Request[]) => calls.map((c) => `${c.method} ${new URL(c.url).pathname}`);

describe('refreshStoryAuction', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches the story’s new auction alone and shows it on the story and in the auction cache', async () => {
    const calls = serve({ 'GET /v1/stories/s1/auction': () => jsonResponse(auction) });
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.story('s1'), { id: 's1', title: 'Walnut bowl', auction: null });

    await refreshStoryAuction(queryClient, 's1');

    expect(paths(calls)).toEqual(['GET /v1/stories/s1/auction']);
    expect(queryClient.getQueryData<Auction>(queryKeys.auction('a1'))?.highBidMinor).toBe(12_000);
    expect(queryClient.getQueryData<Story>(queryKeys.story('s1'))).toEqual({
      id: 's1',
      title: 'Walnut bowl',
      auction: {
        auctionId: 'a1',
        state: 'active',
        highBidMinor: 12_000,
        currency: 'USD',
        reserveMet: false,
        endsAt,
        minNextBidMinor: 12_600,
      },
    });
  });

  it('fetches the whole story again when the server has no auction to give', async () => {
    const calls = serve({
      'GET /v1/stories/s1/auction': () =>
        jsonResponse({ error: { code: 'auction_not_found', message: 'No auction' } }, 404),
    });
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.story('s1'), { id: 's1', auction: null });

    await refreshStoryAuction(queryClient, 's1');

    expect(paths(calls)).toEqual(['GET /v1/stories/s1/auction']);
    expect(queryClient.getQueryState(queryKeys.story('s1'))?.isInvalidated).toBe(true);
  });
});
