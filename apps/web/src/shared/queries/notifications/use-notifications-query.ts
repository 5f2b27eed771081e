import { useInfiniteQuery } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { NotificationItem, Page } from '../../api/types';
import { queryKeys } from '../keys';

/** My notifications, newest first, by cursor pages. */
export function useNotificationsQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ pageParam, signal }) =>
      callApi<Page<NotificationItem>>('GET', '/v1/notifications', { query: { cursor: pageParam, limit: 20 }, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
