import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, sessionStore } from '../../api/client';

/**
 * Deletes the caller's account for good. `leave` takes the person off the signed-in screen first
 * (a screen that needs a session would send them to sign in); then the browser forgets the
 * session and everything it cached.
 */
export function useDeleteAccountMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (leave: () => Promise<void> | void) => {
      await api.DELETE('/v1/me');
      await leave();
      sessionStore.clear('signed_out');
      queryClient.clear();
    },
  });
}
