import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { NotificationPage } from './use-notifications-query';
import { queryKeys } from '../keys';

type Pages = InfiniteData<NotificationPage, string | null>;

/** Marks one notification read: the list and badge change at once, rolled back on failure. */
export function useMarkReadMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/v1/notifications/{id}/read', { params: { path: { id } } })),
    onMutate: async (id) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.notifications });
      const previousList = queryClient.getQueryData<Pages>(queryKeys.notifications);
      const previousCount = queryClient.getQueryData<{ unreadCount: number }>(queryKeys.unreadCount);
      const now = new Date().toISOString();
      queryClient.setQueryData<Pages>(queryKeys.notifications, (data) =>
        data
          ? {
              ...data,
              pages: data.pages.map((p) => ({
                ...p,
                items: p.items.map((n) => (n.id === id && !n.readAt ? { ...n, readAt: now } : n)),
              })),
            }
          : data,
      );
      if (previousCount)
        queryClient.setQueryData(queryKeys.unreadCount, {
          unreadCount: Math.max(0, previousCount.unreadCount - 1),
        });
      return { previousList, previousCount };
    },
    onError: (_e, _id, context) => {
      queryClient.setQueryData(queryKeys.notifications, context?.previousList);
      queryClient.setQueryData(queryKeys.unreadCount, context?.previousCount);
    },
    onSuccess: (result) => queryClient.setQueryData(queryKeys.unreadCount, { unreadCount: result.unreadCount }),
  });
}
