import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Schemas } from '@vw/api-client';
import { api, unwrap } from '../../api/client';
import { queryKeys } from '../keys';

/** Changes the caller's username (the server checks the form and that nobody has it). */
export function useChangeUsernameMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => unwrap(api.PATCH('/v1/me', { body: { username } })),
    onSuccess: (user) => {
      queryClient.setQueryData<Schemas['Me']>(queryKeys.me, (me) => (me ? { ...me, username: user.username } : me));
    },
  });
}
