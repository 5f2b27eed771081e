import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { applySignIn } from './sign-in-result';

/** Signs in with a Google or Apple ID token obtained by the provider's redirect. */
export function useFederatedSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      provider,
      idToken,
      nonce,
    }: {
      provider: 'google' | 'apple';
      idToken: string;
      nonce: string;
    }) => {
      const body = { idToken, nonce };
      const result =
        provider === 'google'
          ? await unwrap(api.POST('/v1/auth/google', { body }))
          : await unwrap(api.POST('/v1/auth/apple', { body }));
      return applySignIn(queryClient, result);
    },
  });
}
