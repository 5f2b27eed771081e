import { useMutation } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import { currentLocale } from '../../i18n/i18n';

export type CodeChannel = 'email' | 'sms';

/** Sends a one-time sign-in code by email or SMS, written in the app's language (a new account keeps it). */
export function useStartCodeMutation() {
  return useMutation({
    mutationFn: async ({ channel, destination }: { channel: CodeChannel; destination: string }) => {
      if (channel === 'email')
        await unwrap(api.POST('/v1/auth/email/start', { body: { email: destination, locale: currentLocale() } }));
      else await unwrap(api.POST('/v1/auth/sms/start', { body: { phone: destination, locale: currentLocale() } }));
    },
  });
}
