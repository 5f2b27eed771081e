import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import type { Locale } from '../../i18n/locales';
import { queryKeys } from '../keys';

/** Keeps a language on the account: its emails, texts and notifications are written in it. */
export function useAccountLocaleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => unwrap(api.PATCH('/v1/me', { body: { locale } })),
    onSuccess: (user) => {
      queryClient.setQueryData<Schemas['Me']>(queryKeys.me, (me) => (me ? { ...me, locale: user.locale } : me));
    },
  });
}
