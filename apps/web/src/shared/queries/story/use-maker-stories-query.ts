import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../session/use-session';
import { queryKeys } from '../keys';

/** The signed-in maker's own stories (drafts included). */
export function useMakerStoriesQuery(status: 'all' | 'draft' | 'published' | 'archived' = 'all') {
  const makerId = useSession()?.userId;
  return useQuery({
    queryKey: queryKeys.makerStories(status),
    queryFn: ({ signal }) =>
      unwrap(
        api.GET('/v1/makers/{id}/stories', {
          params: { path: { id: makerId ?? '' }, query: { status, limit: 50 } },
          signal,
        }),
      ),
    enabled: Boolean(makerId),
  });
}
