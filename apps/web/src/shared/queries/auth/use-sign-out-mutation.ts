import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/api-error';
import { api, sessionStore } from '../../api/client';

/** The server's refusal (a session it already ended) changes nothing here; only a lost answer is reported. */
const unlessNetwork = (error: unknown) => {
  if (!(error instanceof ApiError) || error.isNetwork) throw error;
};

/**
 * Signs out of this session (or every session); the browser forgets the tokens either way. `leave`
 * takes the person off a screen that needs a session before the session is forgotten, so that
 * screen never sends them to sign in on the way out.
 */
export function useSignOutMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      everywhere = false,
      leave,
    }: { everywhere?: boolean; leave?: () => Promise<void> | void } = {}) => {
      try {
        if (everywhere) await api.POST('/v1/auth/sign-out-everywhere').catch(unlessNetwork);
        else await api.POST('/v1/auth/sign-out').catch(unlessNetwork);
      } finally {
        await leave?.();
        sessionStore.clear('signed_out');
        queryClient.clear();
      }
    },
  });
}
