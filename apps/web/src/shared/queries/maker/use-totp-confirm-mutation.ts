import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Finishes TOTP enrolment with a first code from the authenticator app; answers the recovery codes, shown once. */
export function useTotpConfirmMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/v1/auth/totp/confirm', { body: { code } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.me }),
  });
}
