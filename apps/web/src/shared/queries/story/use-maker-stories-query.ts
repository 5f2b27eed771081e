import { useQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { Page, StoryCard } from '../../api/types';
import { useSession } from '../../session/use-session';
import { queryKeys } from '../keys';

/** The signed-in maker's own stories (drafts included). */
export function useMakerStoriesQuery(status: 'all' | 'draft' | 'published' | 'archived' = 'all') {
  const makerId = useSession()?.userId;
  return useQuery({
    queryKey: queryKeys.makerStories(status),
    queryFn: ({ signal }) =>
      callApi<Page<StoryCard>>('GET', `/v1/makers/${makerId}/stories`, { query: { status, limit: 50 }, signal }),
    enabled: Boolean(makerId),
  });
}
