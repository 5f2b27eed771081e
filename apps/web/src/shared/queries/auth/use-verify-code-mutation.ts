import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { CodeChannel } from './use-start-code-mutation';
import { applySignIn } from './sign-in-result';

/** Checks a one-time code: signs in, or answers that the TOTP step is needed. */
export function useVerifyCodeMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ channel, destination, code }: { channel: CodeChannel; destination: string; code: string }) => {
      const result =
        channel === 'email'
          ? await unwrap(api.POST('/v1/auth/email/verify', { body: { email: destination, code } }))
          : await unwrap(api.POST('/v1/auth/sms/verify', { body: { phone: destination, code } }));
      return applySignIn(queryClient, result);
    },
  });
}
