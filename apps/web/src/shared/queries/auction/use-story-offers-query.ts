import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Offers on a story (the maker sees all; a viewer their own). */
export function useStoryOffersQuery(storyId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['story', storyId, 'offers'],
    queryFn: ({ signal }) => unwrap(api.GET('/v1/stories/{id}/offers', { params: { path: { id: storyId } }, signal })),
    enabled,
    select: (data) => data.items,
  });
}
