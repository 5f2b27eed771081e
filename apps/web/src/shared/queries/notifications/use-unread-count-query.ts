import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { useSession } from '../../session/use-session';
import { queryKeys } from '../keys';

/** How many notifications are unread (the nav badge); realtime events refresh it. */
export function useUnreadCountQuery() {
  const session = useSession();
  return useQuery({
    queryKey: queryKeys.unreadCount,
    queryFn: ({ signal }) => unwrap(api.GET('/v1/notifications/unread-count', { signal })),
    enabled: session !== null,
    select: (data) => data.unreadCount,
    refetchInterval: 60_000,
    retry: false,
  });
}
