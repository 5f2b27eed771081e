import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { countryOfLocale } from '@vw/domain';
import { useState } from 'react';
import { api, unwrap } from '../api/client';
import { queryKeys } from '../queries/keys';
import { useMeQuery } from '../queries/auth/use-me-query';

const STORAGE_KEY = 'vw.shipTo';

function stored(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/**
 * The country the viewer wants pieces shipped to: their account's when signed in and set, else the
 * one they picked on this device, else the one their browser's language names. Changing it while
 * signed in saves it on the account, so offers and bids from any device are quoted the same.
 */
export function useShipTo(): { country: string | null; setCountry: (country: string) => void; saving: boolean } {
  const me = useMeQuery();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string | null>(stored);
  const save = useMutation({
    mutationFn: (country: string) => unwrap(api.PATCH('/v1/me', { body: { country } })),
    onSuccess: (user) => {
      queryClient.setQueryData<Schemas['Me']>(queryKeys.me, (current) =>
        current ? { ...current, country: user.country } : current,
      );
    },
  });
  const country = me.data?.country ?? picked ?? countryOfLocale(navigator.language);
  const setCountry = (next: string) => {
    setPicked(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private browsing: the choice lasts for this page only.
    }
    if (me.data) save.mutate(next);
  };
  return { country, setCountry, saving: save.isPending };
}
