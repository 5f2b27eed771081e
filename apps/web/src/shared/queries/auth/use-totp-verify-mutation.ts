import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { applySignIn } from './sign-in-result';

/** Second sign-in step for accounts with TOTP: a code from the authenticator app, or a single-use recovery code. */
export function useTotpVerifyMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { mfaToken: string; code: string } | { mfaToken: string; recoveryCode: string }) =>
      applySignIn(queryClient, await unwrap(api.POST('/v1/auth/totp/verify', { body: input }))),
  });
}
