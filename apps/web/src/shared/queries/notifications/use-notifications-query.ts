import { useInfiniteQuery } from '@tanstack/react-query';
import type { paths } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** One page of notifications, as the server sends it. */
export type NotificationPage = paths['/v1/notifications']['get']['responses'][200]['content']['application/json'];

/** My notifications, newest first, by cursor pages. */
export function useNotificationsQuery() {
  return useInfiniteQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ pageParam, signal }) =>
      unwrap(
        api.GET('/v1/notifications', { params: { query: { cursor: pageParam ?? undefined, limit: 20 } }, signal }),
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}
