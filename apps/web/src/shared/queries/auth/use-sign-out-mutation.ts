import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, sessionStore } from '../../api/client';

/** Signs out of this session (or every session); the browser forgets the tokens either way. */
export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
      try {
        if (everywhere) await api.POST('/v1/auth/sign-out-everywhere');
        else await api.POST('/v1/auth/sign-out');
      } finally {
        sessionStore.clear('signed_out');
        queryClient.clear();
      }
    },
  });
}
