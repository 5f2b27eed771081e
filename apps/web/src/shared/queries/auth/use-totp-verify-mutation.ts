import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { applySignIn } from './sign-in-result';

/** Second sign-in step for accounts with TOTP. */
export function useTotpVerifyMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ mfaToken, code }: { mfaToken: string; code: string }) =>
      applySignIn(queryClient, await unwrap(api.POST('/v1/auth/totp/verify', { body: { mfaToken, code } }))),
  });
}
