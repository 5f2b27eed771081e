import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';

export type CodeChannel = 'email' | 'sms';

/** Sends a one-time sign-in code by email or SMS. */
export function useStartCodeMutation() {
  return useMutation({
    mutationFn: async ({ channel, destination }: { channel: CodeChannel; destination: string }) => {
      if (channel === 'email') await unwrap(api.POST('/v1/auth/email/start', { body: { email: destination } }));
      else await unwrap(api.POST('/v1/auth/sms/start', { body: { phone: destination } }));
    },
  });
}
