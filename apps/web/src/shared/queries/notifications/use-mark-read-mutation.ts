import { useMutation, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { callApi } from '../../api/client';
import type { NotificationItem, Page } from '../../api/types';
import { queryKeys } from '../keys';

type Pages = InfiniteData<Page<NotificationItem>, string | null>;

/** Marks one notification read: the list and badge change at once, rolled back on failure. */
export function useMarkReadMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => callApi<{ unreadCount: number }>('POST', `/v1/notifications/${id}/read`, { body: {} }),
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
