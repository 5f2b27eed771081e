import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Finishes TOTP enrolment with a first code from the authenticator app. */
export function useTotpConfirmMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (code: string) => {
      await unwrap(api.POST('/v1/auth/totp/confirm', { body: { code } }));
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
