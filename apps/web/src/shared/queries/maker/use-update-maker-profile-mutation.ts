import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { paths, Schemas } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

export type MakerProfileChanges = paths['/v1/makers/me']['patch']['requestBody']['content']['application/json'];

/** Changes the caller's maker profile (name, bio, city, country, avatar image); the server checks each field. */
export function useUpdateMakerProfileMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: MakerProfileChanges) => unwrap(api.PATCH('/v1/makers/me', { body: changes })),
    onSuccess: (profile) => {
      queryClient.setQueryData<Schemas['Me']>(queryKeys.me, (me) => (me ? { ...me, maker: profile } : me));
      // The public page's profile also carries followers, rating and since: keep those, take the edit.
      queryClient.setQueryData<Schemas['MakerShopProfile']>(queryKeys.maker(profile.userId), (shown) =>
        shown ? { ...shown, ...profile } : shown,
      );
    },
  });
}
