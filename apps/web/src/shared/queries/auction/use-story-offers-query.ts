import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Offer } from '../../api/types';

/** Offers on a story (the maker sees all; a viewer their own). */
export function useStoryOffersQuery(storyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['story', storyId, 'offers'],
    queryFn: ({ signal }) => callApi<{ items: Offer[] }>('GET', `/v1/stories/${storyId}/offers`, { signal }),
    enabled,
    select: (data) => data.items,
  });
}
