import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

/** Admin: suspends or reinstates a user (recorded in the audit log). */
export function useUserStatusMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action, reason }: { userId: string; action: 'suspend' | 'reinstate'; reason?: string }) => {
      const options = { params: { path: { id: userId } }, body: reason ? { reason } : {} };
      return action === 'suspend'
        ? unwrap(api.POST('/v1/admin/users/{id}/suspend', options))
        : unwrap(api.POST('/v1/admin/users/{id}/reinstate', options));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin'] }),
  });
}
