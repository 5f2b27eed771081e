import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Marks every notification read. */
export function useMarkAllReadMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/v1/notifications/read-all')),
    onSuccess: (result) => {
      queryClient.setQueryData(queryKeys.unreadCount, { unreadCount: result.unreadCount });
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
    },
  });
}
